// Post-interview reflection check-ins (domain.md §b) and the wellbeing ladder (§c), as pure functions:
// which items exist, what a finished check-in stores, which tip topics it marks "to improve", which week a
// date belongs to, and what the escalation ladder offers. No grammY, no database, no side effects at import.

import { localWeekStart } from "../domain/local-time.js";
import { type CrisisWords, mentionsCrisis } from "./crisis.js";
import { type ScrubKind, scrub } from "./scrubber.js";

export * from "../domain/checkin-answers.js";

import type { Level } from "../domain/checkin-answers.js";

const DAY_MS = 24 * 60 * 60_000;

/** The Monday (local date in `timeZone`) of the week `at` falls in, as a UTC-midnight Date for `@db.Date`. */
export const weekStart = localWeekStart;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * When scrubbed free text expires: `days` after the end of the week it was written in. Interview-linked records
 * keep no time finer than the week (domain.md §e), so the expiry must not reveal the day either; the text is kept
 * at least `days` days and at most a week longer.
 */
export function freeTextExpiry(at: Date, timeZone: string, days: number): Date {
  return new Date(weekStart(at, timeZone).getTime() + (7 + days) * DAY_MS);
}

/** What the bot does with a free-text message before anything else sees it: scrub, and look for crisis words. */
export function screenFreeText(
  original: string,
  words: CrisisWords,
): { kept: string; removed: ScrubKind[]; crisis: boolean } {
  const { text, removed } = scrub(original);
  return { kept: text, removed, crisis: mentionsCrisis(original, words) };
}

// ---------------------------------------------------------------------------------------------------------------
// Wellbeing (domain.md §c)

/** SISQ, 1 = not at all … 5 = very much. */
export function stressLevel(score: number): Level {
  if (score >= 4) return "high";
  return score === 3 ? "medium" : "low";
}

/** Q4, 1 = very difficult … 5 = very good. */
export function feelingLevel(feeling: number): Level {
  if (feeling <= 1) return "high";
  return feeling === 2 ? "medium" : "low";
}

export interface Escalation {
  selfCare: boolean;
  offerPeer: boolean;
  /** Step 2: book a supervisor or peer conversation, with the external support contacts. */
  strong: boolean;
}

/**
 * The escalation ladder of domain.md §c. Weekly stress: low or medium → a self-care card; high → offer a peer
 * supporter; two high weeks in a row → the stronger prompt as well. After an interview: "difficult" → a self-care
 * card; "very difficult" → the stronger prompt and the offer.
 */
export function escalationFor(input: {
  source: "sisq" | "checkin";
  level: Level;
  previousWeekHigh: boolean;
}): Escalation {
  const { source, level, previousWeekHigh } = input;
  if (level === "high") {
    return { selfCare: false, offerPeer: true, strong: source === "checkin" || previousWeekHigh };
  }
  return { selfCare: source === "sisq" || level === "medium", offerPeer: false, strong: false };
}
