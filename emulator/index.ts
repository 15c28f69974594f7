// Local Telegram Bot API emulator for tests, benchmarks and offline trials. See emulator/README.md.

export { MAX_CALLBACK_DATA_BYTES, MAX_CAPTION, MAX_TEXT } from "./content-rules.js";
export { summarizeCall } from "./describe.js";
export { Emulator, type EmulatorEvents, startEmulator, type WaitOptions } from "./emulator.js";
export { isSendingMethod } from "./rate-limit.js";
export { SPEC_SOURCE } from "./spec.js";
export { buttonsOf, kindOf, toView } from "./state.js";
export { type ButtonMatcher, type ReplyOptions, TestUser, type TestUserInit } from "./test-user.js";
export type { ApiCall, Button, EmulatorOptions, Faults, RateLimits, SentMessage } from "./types.js";
export type { NewUpdate } from "./updates.js";
