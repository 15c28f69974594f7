// The usage-event catalogue: every analytical event Mitt records, with the only attributes it may carry.
// Attributes are validated here so free text, names or ids can never slip into `usage_events`.
// The README's "Event catalogue" section is generated from this list (npm run docs:events) and a test
// keeps the two in step.
import { z } from "zod";

const locale = z.enum(["km", "en"]);
const role = z.enum(["officer", "trainer", "staff", "admin"]);
const unitType = z.enum(["ahtjp", "cybercrime", "cpu", "other"]);
const province = z.string().regex(/^[a-z-]{2,32}$/);
const none = z.object({}).strict();
const topic = z.string().regex(/^[a-z-]{2,40}$/);
const tipFrequency = z.enum(["daily", "three_weekly", "weekly", "paused"]);
const count = z.number().int().min(0);
const summaryPeriod = z.enum(["4w", "quarter", "month", "all"]);
const summaryBreakdown = z.enum(["none", "province", "unit"]);

export const EVENT_CATALOGUE = {
  "onboarding.started": { about: "Someone opened /start without being enrolled", attrs: z.object({ locale }).strict() },
  "consent.given": { about: "Agreed to the privacy notice", attrs: z.object({ locale }).strict() },
  "consent.declined": { about: "Declined the privacy notice (nothing else is kept)", attrs: none },
  "enrol.code_rejected": {
    about: "An invite code was wrong, used up, expired or revoked",
    attrs: z.object({ reason: z.enum(["unknown", "expired", "used_up", "revoked"]) }).strict(),
  },
  "enrol.locked_out": { about: "Five wrong codes in ten minutes: asked to wait", attrs: none },
  "enrol.completed": {
    about: "Finished onboarding with a valid invite",
    attrs: z.object({ role, province, unitType, locale }).strict(),
  },
  "invite.created": {
    about: "A trainer or admin created an invite code",
    attrs: z.object({ role, maxUses: z.number().int(), days: z.number().int() }).strict(),
  },
  "invite.revoked": { about: "An invite code was revoked", attrs: none },
  "role.changed": {
    about: "An admin changed someone's role or supporter flag",
    attrs: z.object({ to: role, peerSupporter: z.boolean() }).strict(),
  },
  "settings.language_changed": { about: "Changed the language", attrs: z.object({ locale }).strict() },
  "settings.profile_changed": {
    about: "Changed province or unit type",
    attrs: z.object({ province, unitType }).strict(),
  },
  "data.deleted": { about: "Deleted all personal data (earlier events are unlinked first)", attrs: none },
  "access.denied": {
    about: "A command or button needed a role the user does not have, or was forged",
    attrs: z.object({ area: z.string().regex(/^[a-z_.-]{1,40}$/) }).strict(),
  },
  "tip.sent": {
    about: "A refresher tip reached the officer (on schedule, asked for with /tip, or opened in /topics)",
    attrs: z.object({ topic, via: z.enum(["schedule", "on_demand", "browse"]) }).strict(),
  },
  "tip.feedback": {
    about: "Pressed 👍 Helpful or 🔁 Review later on a tip",
    attrs: z.object({ topic, kind: z.enum(["helpful", "review"]) }).strict(),
  },
  "tip.quiz_answered": { about: "Answered a tip's quiz", attrs: z.object({ topic, correct: z.boolean() }).strict() },
  "tips.paused": { about: "Paused scheduled tips", attrs: none },
  "tips.resumed": { about: "Resumed scheduled tips", attrs: z.object({ frequency: tipFrequency }).strict() },
  "tips.preferences_changed": {
    about: "Chose how often and when tips come",
    attrs: z.object({ frequency: tipFrequency, time: z.string().regex(/^\d\d:\d\d$/) }).strict(),
  },
  "tip.added": { about: "A trainer added a tip of their own", attrs: z.object({ topic }).strict() },
  "tip.archived": { about: "A trainer archived a tip", attrs: z.object({ topic }).strict() },
  "checkin.started": {
    about: "Started a post-interview reflection (command, menu, weekly question, or the next of several)",
    attrs: z.object({ source: z.enum(["command", "menu", "weekly", "next"]) }).strict(),
  },
  "checkin.completed": {
    about: "Finished a reflection (its answers are stored on the check-in, by week)",
    attrs: z.object({ skipped: z.number().int().min(0), optional: z.boolean() }).strict(),
  },
  "checkin.cancelled": { about: "Stopped a reflection with Cancel (nothing of it is kept)", attrs: none },
  "checkin.abandoned": {
    about: "A reflection left idle for 24 hours was closed (no further reminder)",
    attrs: z.object({ reminded: z.boolean() }).strict(),
  },
  "checkin.item_skipped": {
    about: "Skipped one reflection question",
    attrs: z.object({ item: z.enum(["tried", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]) }).strict(),
  },
  "checkin.settings_changed": {
    about: "Turned the weekly interview question or the weekly stress question on or off",
    attrs: z.object({ weeklyPrompt: z.boolean(), stressCheck: z.boolean() }).strict(),
  },
  "checkin.interviews_reported": {
    about: "Answered the weekly question with the number of interviews this week (3 means 3 or more)",
    attrs: z.object({ count: z.number().int().min(0).max(3) }).strict(),
  },
  "wellbeing.prompted": { about: "The weekly stress question reached the officer", attrs: none },
  "wellbeing.level": {
    about: "A wellbeing answer, banded (weekly stress question, or feeling after an interview)",
    attrs: z.object({ level: z.enum(["low", "medium", "high"]), source: z.enum(["sisq", "checkin"]) }).strict(),
  },
  "escalation.offered": {
    about:
      "Mitt offered a step of the support ladder (self-care card, peer supporter, stronger prompt, crisis contacts)",
    attrs: z.object({ step: z.enum(["self_care", "peer", "strong", "crisis"]) }).strict(),
  },
  "escalation.accepted": {
    about: "The officer agreed that a peer supporter be told, sharing nothing or a scrubbed note",
    attrs: z.object({ step: z.enum(["peer", "crisis"]), share: z.enum(["none", "note"]) }).strict(),
  },
  "broadcast.created": {
    about: "A trainer or admin confirmed a broadcast (sent now or scheduled)",
    attrs: z
      .object({
        versions: z.enum(["both", "one"]),
        media: z.enum(["none", "photo", "document"]),
        scheduled: z.boolean(),
        urgent: z.boolean(),
      })
      .strict(),
  },
  "broadcast.started": {
    about: "A broadcast was queued for delivery",
    attrs: z.object({ recipients: count, urgent: z.boolean() }).strict(),
  },
  "broadcast.paused": { about: "A trainer or admin paused a broadcast", attrs: none },
  "broadcast.resumed": { about: "A trainer or admin resumed a paused broadcast", attrs: none },
  "broadcast.cancelled": {
    about: "A broadcast was cancelled before it started or while sending",
    attrs: z.object({ stage: z.enum(["scheduled", "sending"]) }).strict(),
  },
  "broadcast.finished": {
    about: "A broadcast ended; its final report went to the trainer",
    attrs: z.object({ sent: count, blocked: count, failed: count, cancelled: count }).strict(),
  },
  "broadcast.delivered": {
    about: "A broadcast reached this recipient (one per recipient, written at the end)",
    attrs: none,
  },
  "broadcast.useful": { about: "A recipient marked a broadcast 👍 useful", attrs: none },
  "settings.unit_room": {
    about: "Said whether their unit has a child-friendly interview room",
    attrs: z.object({ room: z.enum(["yes", "no", "unsure"]) }).strict(),
  },
  "summary.viewed": {
    about: "Programme staff, a trainer or an admin received a summary with /summary",
    attrs: z.object({ period: summaryPeriod, breakdown: summaryBreakdown, scope: z.enum(["full", "tips"]) }).strict(),
  },
  "summary.csv_exported": {
    about: "A summary's CSV was sent with it",
    attrs: z.object({ period: summaryPeriod, breakdown: summaryBreakdown }).strict(),
  },
  "summary.digest_changed": {
    about: "Staff or an admin turned the weekly summary digest on or off",
    attrs: z.object({ on: z.boolean() }).strict(),
  },
  "summary.digest_sent": { about: "The weekly summary digest reached a staff member or admin", attrs: none },
} as const;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type EventAttrs<T extends EventType> = z.input<(typeof EVENT_CATALOGUE)[T]["attrs"]>;

export interface EventSink {
  record<T extends EventType>(pseudonym: string, type: T, attrs: EventAttrs<T>): Promise<void>;
}

/** Validates attributes against the catalogue; throws on anything the catalogue does not allow. */
/**
 * Interview-linked events (check-ins, wellbeing, escalation) keep only the week they happened in, never the
 * day, so an event cannot be matched to a case (domain.md §e); other events keep their time.
 */
const WEEK_ONLY = ["checkin.", "wellbeing.", "escalation."];
export function occurredAtFor(type: EventType, at: Date): Date {
  if (!WEEK_ONLY.some((prefix) => type.startsWith(prefix))) return at;
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const isoWeekday = at.getUTCDay() || 7;
  return new Date(day - (isoWeekday - 1) * 86_400_000);
}

export function validateEvent<T extends EventType>(type: T, attrs: EventAttrs<T>): Record<string, unknown> {
  const entry = EVENT_CATALOGUE[type];
  if (!entry) throw new Error(`Unknown event type: ${String(type)}`);
  return entry.attrs.parse(attrs) as Record<string, unknown>;
}

export function catalogueMarkdown(): string {
  const rows = Object.entries(EVENT_CATALOGUE).map(([type, e]) => {
    const keys = Object.keys((e.attrs as z.ZodObject).shape);
    return `| \`${type}\` | ${e.about} | ${keys.length ? keys.map((k) => `\`${k}\``).join(", ") : "—"} |`;
  });
  return ["| event | meaning | attributes |", "|---|---|---|", ...rows].join("\n");
}
