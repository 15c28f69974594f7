// Helpers for the peer-connect bot tests: a clock that can jump (day, night, two hours later), supporters,
// and messages the emulator's TestUser cannot send by itself (a reply to a message, a forwarded message).
import type { Update } from "grammy/types";
import type { SentMessage, TestUser } from "../../emulator/index.js";
import { pseudonymOf as pseudonymById, type TestBot } from "./bot.js";

const HOUR = 60 * 60_000;

/**
 * A clock that starts tomorrow at 10:00 in Phnom Penh and runs at real speed; `at(hours)` moves it to that local
 * hour of the same day (24+ is the next day), so jobs and quiet hours can be tested without sleeping.
 */
export function movableClock() {
  const t0 = Date.now();
  const d = new Date();
  d.setUTCHours(3, 0, 0, 0); // 10:00 in Asia/Phnom_Penh (UTC+7)
  const base = d.getTime() + 24 * HOUR;
  let shift = 0;
  return {
    now: () => new Date(base + shift + (Date.now() - t0)),
    /** Moves the clock to `hours` local time of the test day (10 = where it started). */
    at(hours: number) {
      shift = (hours - 10) * HOUR;
    },
  };
}

/** The pseudonym the bot gave `u` at consent (found through `identities`), or "". */
export const pseudonymOf = (bot: TestBot, u: TestUser) => pseudonymById(bot, u.id);

/** Flags an enrolled member as a peer supporter (as an admin would in /users). */
export async function makeSupporter(bot: TestBot, u: TestUser, on = true) {
  const pseudonym = await pseudonymOf(bot, u);
  const m = await bot.app.deps.members.find(pseudonym);
  await bot.app.deps.members.setRole(pseudonym, m?.role ?? "officer", on);
}

/** Injects a message from `u` with extra fields (forward_origin, reply_to_message, …), as Telegram would. */
export function sendRaw(_bot: TestBot, u: TestUser, content: Record<string, unknown>): Update {
  return u.sendRaw(content);
}

/** `u` replies to one of the bot's messages in their chat (swipe left → reply). */
export function replyTo(bot: TestBot, u: TestUser, to: SentMessage, text: string): Update {
  const command = /^\/[A-Za-z0-9_]+/.exec(text);
  const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
  return sendRaw(bot, u, { text, reply_to_message: to.raw, ...(entities ? { entities } : {}) });
}

/** The latest message the bot sent `u` whose text contains `fragment`. */
export function lastContaining(u: TestUser, fragment: string): SentMessage {
  const hit = u
    .messages()
    .reverse()
    .find((m) => (m.text ?? "").includes(fragment));
  if (!hit) throw new Error(`no message containing "${fragment}" in chat ${u.id}`);
  return hit;
}
