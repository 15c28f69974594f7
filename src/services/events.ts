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
} as const;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type EventAttrs<T extends EventType> = z.input<(typeof EVENT_CATALOGUE)[T]["attrs"]>;

export interface EventSink {
  record<T extends EventType>(pseudonym: string, type: T, attrs: EventAttrs<T>): Promise<void>;
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
