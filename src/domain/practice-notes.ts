// Practice notes (domain.md §e rule 5): the rules and the one rendering shared by the share preview, moderation,
// the digest and /practices, so the officer sees exactly what colleagues will see. Pure: no I/O, no grammY.
import { localParts } from "./local-time.js";

export const PARTS = ["situation", "action", "outcome"] as const;
export type Part = (typeof PARTS)[number];
/** "What I did" is the practice itself, so it is required; the situation and what worked are optional. */
export const REQUIRED_PART: Part = "action";
export const MAX_PART_CHARS = 300;

export interface NoteParts {
  situation: string | null;
  action: string;
  outcome: string | null;
}

export const NOTE_STATES = [
  "pending",
  "edited_pending_author",
  "approved",
  "published",
  "hidden",
  "rejected",
  "expired",
] as const;
export type NoteState = (typeof NOTE_STATES)[number];

/** Reasons a trainer can give when a note is not published (shown to the author in their language). */
export const REJECT_REASONS = ["identifying", "case_details", "not_practice", "against_guidance", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REACTIONS = ["useful", "try", "report"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** A digest goes out only when at least this many approved notes wait, so its timing points to nobody. */
export const DIGEST_MIN_NOTES = 3;
export const DIGEST_MAX_NOTES = 5;
/** Telegram allows 4096 characters per message; the digest stays under this in every language. */
export const DIGEST_MAX_CHARS = 3900;
export const FLAG_AFTER_DAYS = 7;
export const EXPIRE_AFTER_DAYS = 14;
/** A note with this many reports is hidden until a trainer looks at it. */
export const HIDE_AT_REPORTS = 3;
/** Reports one officer may make per day (reports are consequential: a few people could hide a note). */
export const MAX_REPORTS_PER_DAY = 3;

export const DAY_MS = 24 * 60 * 60_000;

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The local calendar day of an instant, as a UTC midnight Date (for @db.Date columns). */
export function dayOf(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/** The first day of the local month of an instant: the only date a published note carries. */
export function monthOf(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, 1));
}

export function monthLabel(month: Date, locale: "km" | "en"): string {
  return new Intl.DateTimeFormat(locale === "km" ? "km-KH" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(month);
}

export function partCount(p: NoteParts): number {
  return PARTS.filter((k) => (p[k] ?? "").trim() !== "").length;
}

/**
 * The note as everyone sees it: topic and month, then its parts. No author, no province or unit, no day.
 * `month` is null before publication (the share preview says the month is added then).
 */
export function renderNote(t: Translate, note: { topic: string; month: string | null; parts: NoteParts }): string {
  const head = note.month
    ? t("practices-note-head", { topic: note.topic, month: note.month })
    : t("practices-note-head-unpublished", { topic: note.topic });
  const lines = PARTS.filter((k) => note.parts[k]).map((k) => t(`practices-note-${k}`, { text: note.parts[k] ?? "" }));
  return [head, ...lines].join("\n");
}

/** The parts with one part changed; the required part is never emptied (null keeps it as it was). */
export function withPart(parts: NoteParts, part: Part, value: string | null): NoteParts {
  if (part === "action") return { ...parts, action: value ?? parts.action };
  return { ...parts, [part]: value };
}

/** Parts with their whitespace trimmed; an empty optional part becomes null. */
export function cleanParts(p: { situation?: string | null; action: string; outcome?: string | null }): NoteParts {
  const opt = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  return { situation: opt(p.situation), action: p.action.trim(), outcome: opt(p.outcome) };
}

export function isNoteParts(v: unknown): v is NoteParts {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  const opt = (x: unknown) => x === null || typeof x === "string";
  return typeof o.action === "string" && opt(o.situation) && opt(o.outcome);
}
