// The usage-event catalogue: every analytical event Mitt records, with the only attributes it may carry.
// Attributes are validated here so free text, names or ids can never slip into `usage_events`.
// The README's "Event catalogue" section is generated from this list (npm run docs:events) and a test
// keeps the two in step.
import { z } from "zod";
import { localWeekStartInstant } from "./local-time.js";
import { MESSAGE_BANDS } from "./message-bands.js";

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
  "onboarding.started": {
    about: "Someone opened /start without being enrolled (counted under no pseudonym: they have not consented)",
    attrs: z.object({ locale }).strict(),
  },
  "consent.given": { about: "Agreed to the privacy notice", attrs: z.object({ locale }).strict() },
  "consent.declined": {
    about: "Declined the privacy notice (counted under no pseudonym; nothing else is kept)",
    attrs: none,
  },
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
    about:
      "The officer took the ladder's offer of a peer supporter and a request went out (anonymous peer connect; share is none)",
    attrs: z.object({ step: z.enum(["peer", "crisis"]), share: z.enum(["none", "note"]) }).strict(),
  },
  "peer.requested": {
    about:
      "An officer asked for an anonymous peer conversation, with consent (for the officer; available: false when no supporter was free)",
    attrs: z
      .object({
        source: z.enum(["command", "menu", "ladder", "progress", "crisis"]),
        night: z.boolean(),
        available: z.boolean(),
      })
      .strict(),
  },
  "peer.accepted": { about: "A peer supporter accepted the request (for the officer who asked)", attrs: none },
  "peer.declined": {
    about: "A peer supporter declined a request, or blocked the officer (for the supporter)",
    attrs: z.object({ blocked: z.boolean() }).strict(),
  },
  "peer.ended": {
    about:
      "A peer conversation was ended by either side, or a waiting request withdrawn (for the officer who asked; messages banded)",
    attrs: z
      .object({
        by: z.enum(["requester", "supporter"]),
        messages: z.enum(MESSAGE_BANDS),
        stage: z.enum(["request", "conversation"]),
      })
      .strict(),
  },
  "peer.reported": {
    about: "One relayed message was reported to the administrators (for the person who reported it)",
    attrs: z.object({ by: z.enum(["requester", "supporter"]) }).strict(),
  },
  "peer.timed_out": {
    about: "Nobody accepted a request within 2 hours, or every supporter declined: the officer got the contacts",
    attrs: z.object({ night: z.boolean(), reason: z.enum(["no_answer", "all_declined"]) }).strict(),
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
  "practice.started": {
    about: "Opened the practice-sharing form (/share, the menu, or the offer after a check-in)",
    attrs: z.object({ source: z.enum(["command", "menu", "checkin"]) }).strict(),
  },
  "practice.submitted": {
    about: "Sent a scrubbed practice note for moderation (keyed by its author)",
    attrs: z.object({ topic, parts: z.number().int().min(1).max(3) }).strict(),
  },
  "practice.approved": {
    about:
      "A note was approved for the digest: by a trainer, or by its author agreeing to an edit (keyed by its author)",
    attrs: z.object({ topic, edited: z.boolean() }).strict(),
  },
  "practice.edited": {
    about: "A trainer edited a note; its author must agree (keyed by its author)",
    attrs: z.object({ topic }).strict(),
  },
  "practice.edit_answered": {
    about: "The author answered a trainer's edit: agree, back to the trainers, or withdraw",
    attrs: z.object({ choice: z.enum(["agree", "requeue", "withdraw"]) }).strict(),
  },
  "practice.rejected": {
    about: "A trainer did not publish a new note, or took down a reported one (keyed by its author)",
    attrs: z
      .object({
        topic,
        reason: z.enum(["identifying", "case_details", "not_practice", "against_guidance", "other"]),
        stage: z.enum(["pending", "reported"]),
        note: z.boolean(),
      })
      .strict(),
  },
  "practice.restored": {
    about: "A trainer kept a reported note: it is shown again (keyed by its author)",
    attrs: z.object({ topic }).strict(),
  },
  "practice.expired": {
    about: "A note waited 14 days without a decision and was closed (keyed by its author)",
    attrs: z.object({ topic }).strict(),
  },
  "practice.published": {
    about: "A note went out in the weekly digest (keyed by its author)",
    attrs: z.object({ topic }).strict(),
  },
  "practice.useful": { about: "A reader marked a note 👍 useful (once per note)", attrs: z.object({ topic }).strict() },
  "practice.try": {
    about: "A reader marked a note 🧪 I'll try this (once per note)",
    attrs: z.object({ topic }).strict(),
  },
  "practice.reported": {
    about: "A reader reported a note: back to moderation, hidden at 3 reports",
    attrs: z.object({ topic, hidden: z.boolean() }).strict(),
  },
  "practice.digest_setting": {
    about: "Turned the weekly practice digest on or off",
    attrs: z.object({ on: z.boolean() }).strict(),
  },
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

/** The pseudonym of events of people who have not consented (yet): counted, linked to nobody. */
export const ANONYMOUS = "anonymous";
export type EventAttrs<T extends EventType> = z.input<(typeof EVENT_CATALOGUE)[T]["attrs"]>;

export interface EventSink {
  record<T extends EventType>(pseudonym: string, type: T, attrs: EventAttrs<T>): Promise<void>;
}

/**
 * Interview-linked events (check-ins, wellbeing, escalation, and peer requests, which follow the wellbeing
 * ladder) keep only the week they happened in, never the day, so an event cannot be matched to a case
 * (domain.md §e): they are stored at the moment their local week begins (Monday 00:00 in the programme's time
 * zone), the same week check-ins are stored under. Other events keep their time. Practice notes may come from an
 * interview too, and their timing must not point to an author: week only as well.
 */
const WEEK_ONLY = ["checkin.", "wellbeing.", "escalation.", "practice.", "peer."];
export function occurredAtFor(type: EventType, at: Date, timeZone: string): Date {
  if (!WEEK_ONLY.some((prefix) => type.startsWith(prefix))) return at;
  return localWeekStartInstant(at, timeZone);
}

/** Validates attributes against the catalogue; throws on anything the catalogue does not allow. */
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
