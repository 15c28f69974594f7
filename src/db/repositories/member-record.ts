// A member as the rest of Mitt sees it (MemberRecord), made from the columns of their row: below the member
// repository (members.ts) and the sender query (member-sender.ts), which both make it.
import type { Member, Role, TipFrequency, UnitType } from "../generated/client.ts";

export type Locale = "km" | "en";
export type { Role, TipFrequency, UnitType };

export interface MemberRecord {
  pseudonym: string;
  handle: string;
  role: Role;
  peerSupporter: boolean;
  locale: Locale;
  province: string | null;
  unitType: UnitType | null;
  consented: boolean;
  enrolled: boolean;
  unreachable: boolean;
  tipFrequency: TipFrequency;
  tipTime: string;
  weeklyPrompt: boolean;
  stressCheck: boolean;
  /** Peer supporters: also take peer requests during quiet hours. */
  peerNight: boolean;
  /** Staff and admins: receive the weekly summary digest. */
  summaryDigest: boolean;
  /** Whether the officer's unit has a child-friendly interview room (null: not answered). */
  unitRoom: UnitRoom | null;
  createdOn: string;
  /** The last local day with activity (YYYY-MM-DD), or null. */
  lastActiveOn: string | null;
}

export const UNIT_ROOM_ANSWERS = ["yes", "no", "unsure"] as const;
export type UnitRoom = (typeof UNIT_ROOM_ANSWERS)[number];

/** The settings a member changes themselves (onboarding, /settings): one list for the record and the columns. */
export type PreferenceField =
  | "locale"
  | "province"
  | "unitType"
  | "tipFrequency"
  | "tipTime"
  | "weeklyPrompt"
  | "stressCheck"
  | "peerNight"
  | "summaryDigest"
  | "unitRoom";

/**
 * The columns a MemberRecord is made of. The sender query (member-sender.ts) builds them from its own SQL: tsc checks
 * it supplies every one, and test/db/member-sender.test.ts that its SQL reads them.
 */
export type MemberColumns = Pick<
  Member,
  | PreferenceField
  | "pseudonym"
  | "handle"
  | "role"
  | "peerSupporter"
  | "consentedAt"
  | "enrolledAt"
  | "unreachableAt"
  | "createdAt"
  | "lastActiveOn"
>;

export function toRecord(m: MemberColumns): MemberRecord {
  return {
    pseudonym: m.pseudonym,
    handle: m.handle,
    role: m.role,
    peerSupporter: m.peerSupporter,
    locale: m.locale === "en" ? "en" : "km",
    province: m.province,
    unitType: m.unitType,
    consented: m.consentedAt !== null,
    enrolled: m.enrolledAt !== null,
    unreachable: m.unreachableAt !== null,
    tipFrequency: m.tipFrequency,
    tipTime: m.tipTime,
    weeklyPrompt: m.weeklyPrompt,
    stressCheck: m.stressCheck,
    peerNight: m.peerNight,
    summaryDigest: m.summaryDigest,
    unitRoom: UNIT_ROOM_ANSWERS.find((a) => a === m.unitRoom) ?? null,
    createdOn: m.createdAt.toISOString().slice(0, 10),
    lastActiveOn: m.lastActiveOn ? m.lastActiveOn.toISOString().slice(0, 10) : null,
  };
}
