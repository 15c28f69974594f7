// Quiet hours: local times when non-urgent bulk messages are held. Pure functions over an IANA time zone,
// so tests can pass any instant. A window such as 21:00-07:00 wraps past midnight.

import { localParts } from "../domain/local-time.js";

export interface QuietHours {
  /** "HH:MM", local time the quiet period starts. */
  start: string;
  /** "HH:MM", local time it ends (sending may resume). */
  end: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function isQuiet(at: Date, timeZone: string, quiet: QuietHours): boolean {
  const now = localParts(at, timeZone).minutes;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When sending may resume: `at` itself if it is not quiet, else the next local `end` time. */
export function nextAllowedAt(at: Date, timeZone: string, quiet: QuietHours): Date {
  if (!isQuiet(at, timeZone, quiet)) return at;
  const now = localParts(at, timeZone).minutes;
  let wait = minutesOf(quiet.end) - now;
  if (wait <= 0) wait += 24 * 60;
  // Whole minutes from now, then back to the start of that minute (no time zone here has sub-minute offsets).
  const resume = new Date(at.getTime() + wait * 60_000);
  resume.setUTCSeconds(0, 0);
  return resume;
}
