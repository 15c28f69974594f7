// Helpers for the practice-sharing bot tests: a clock that tests can move forward, messages the TestUser cannot
// send (documents, forwards), and notes created and published through the service.
import type { Update } from "grammy/types";
import type { Emulator, TestUser } from "../../emulator/index.js";
import { PRACTICE_JOBS } from "../../src/jobs/practice-jobs.js";
import { pseudonymOf, type TestBot } from "./bot.js";

export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;

/**
 * Starts tomorrow at 10:00 in Phnom Penh (outside quiet hours), runs at real
 * speed, and jumps forward with `advance`.
 */
export function movableClock() {
  const t0 = Date.now();
  const start = new Date();
  start.setUTCHours(3, 0, 0, 0);
  const base = start.getTime() + DAY;
  let shift = 0;
  return {
    now: () => new Date(base + shift + (Date.now() - t0)),
    advance(ms: number) {
      shift += ms;
    },
    /** Moves to the next local HH:MM in Phnom Penh (UTC+7 all year). */
    advanceTo(hour: number, minute: number) {
      const local = new Date(base + shift + (Date.now() - t0) + 7 * HOUR);
      const target = new Date(local);
      target.setUTCHours(hour, minute, 0, 0);
      if (target <= local) target.setTime(target.getTime() + DAY);
      shift += target.getTime() - local.getTime();
    },
  };
}

/** Injects a message with any content as this user (a document, a forwarded text, a video…). */
export function sendRaw(_emu: Emulator, user: TestUser, content: Record<string, unknown>): Update {
  return user.sendRaw(content);
}

/** Submits a short note as `author` and approves it (as a trainer would); returns its id. */
export async function approvedNote(bot: TestBot, author: TestUser, action: string, topic = "rapport") {
  const p = bot.app.deps.practices;
  const id = await p.submit(await pseudonymOf(bot, author.id), topic, { situation: null, action, outcome: null });
  if (!id || !(await p.approve(id))) throw new Error("could not approve the note");
  return id;
}

/** Runs the digest job at the clock's current minute (a minute later than any earlier run, so it is a new run). */
export async function runDigest(bot: TestBot, clock: ReturnType<typeof movableClock>) {
  clock.advance(61_000);
  await bot.app.scheduler.runNow(PRACTICE_JOBS.digest, clock.now());
}
