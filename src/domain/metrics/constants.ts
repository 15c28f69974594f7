// Constants of the staff-summary metrics, apart from the catalogue so its entry files can use them.

/** Fewer than this many officers or responses behind a figure, and it is shown as "< 5". */
export const MIN_CELL = 5;

/** Officers count in a period's base once enrolled this many days before the period ends (domain.md §d). */
export const BASE_MIN_DAYS = 14;

/**
 * Events that are not something the person did (sent to them, or done to their post by a moderator): they do
 * not make an officer "active". Names of features not merged yet are listed so the SQL is ready for them.
 */
export const METRIC_PASSIVE_EVENTS = [
  "broadcast.delivered",
  "escalation.offered",
  "checkin.abandoned",
  "wellbeing.prompted",
  "access.denied",
  "summary.digest_sent",
  "practice.approved",
  "practice.rejected",
  "practice.expired",
  "practice.published",
  "peer.timed_out",
] as const;

/** The check-in items whose adherence is reported (Q1 phases, then Q3 setting items). */
export const ADHERENCE_ITEMS = [
  "ground-rules",
  "rapport",
  "practice-narrative",
  "transition",
  "closure",
  "room",
  "breaks",
  "recording",
  "interpreters",
] as const;
export const Q1_ITEMS: readonly string[] = ADHERENCE_ITEMS.slice(0, 5);
export type AdherenceItem = (typeof ADHERENCE_ITEMS)[number];
