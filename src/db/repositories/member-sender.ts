// Who sent an update, in one statement: their pseudonym, member row, stored session and conversation state and the
// content version (identify.ts reads nothing else for an update). Cached per process by sender-cache.ts; how a
// cached sender follows the member repository's own writes is SENDER_PATCHES.
import type { PrismaClient, Role, TipFrequency, UnitType } from "../generated/client.ts";
import { CONTENT_VERSION_KEY } from "./content-version.js";
import { type MemberRecord, toRecord } from "./member-record.js";

/** Who sent an update: their pseudonym (from `identities`) and their member row, if they consented. */
export interface Sender {
  pseudonym: string;
  member: MemberRecord | null;
  /** The tip library's content version (content-version.ts), read along in the same query. */
  contentVersion: string | null;
  /** The stored session and conversation state (raw JSON), read along so the update needs no other read. */
  state: { session: string | null; conversation: string | null };
}

interface SenderRow {
  pseudonym: string;
  handle: string | null;
  role: Role | null;
  peer_supporter: boolean | null;
  locale: string | null;
  province: string | null;
  unit_type: UnitType | null;
  consented_at: Date | null;
  enrolled_at: Date | null;
  unreachable_at: Date | null;
  tip_frequency: TipFrequency | null;
  tip_time: string | null;
  weekly_prompt: boolean | null;
  stress_check: boolean | null;
  peer_night: boolean | null;
  summary_digest: boolean | null;
  unit_room: string | null;
  created_at: Date | null;
  last_active_on: Date | null;
  content_version: string | null;
  session_state: string | null;
  conversation_state: string | null;
}

function senderOf(r: SenderRow): Sender {
  const common = {
    pseudonym: r.pseudonym,
    contentVersion: r.content_version,
    state: { session: r.session_state, conversation: r.conversation_state },
  };
  if (r.handle === null || r.role === null || r.created_at === null) return { ...common, member: null };
  return {
    ...common,
    member: toRecord({
      pseudonym: r.pseudonym,
      handle: r.handle,
      role: r.role,
      peerSupporter: !!r.peer_supporter,
      locale: r.locale ?? "km",
      province: r.province,
      unitType: r.unit_type,
      consentedAt: r.consented_at,
      enrolledAt: r.enrolled_at,
      unreachableAt: r.unreachable_at,
      tipFrequency: r.tip_frequency ?? "three_weekly",
      tipTime: r.tip_time ?? "08:00",
      weeklyPrompt: !!r.weekly_prompt,
      stressCheck: !!r.stress_check,
      peerNight: !!r.peer_night,
      summaryDigest: !!r.summary_digest,
      unitRoom: r.unit_room,
      createdAt: r.created_at,
      lastActiveOn: r.last_active_on,
    }),
  };
}

/**
 * How a cached sender follows the member repository's PATCH_ONE writes (sender-cache.ts). `activity` is `touch`: its
 * arguments are the pseudonym and the local date.
 */
export const SENDER_PATCHES = {
  activity: (s: Sender, args: readonly unknown[]): Sender =>
    s.member ? { ...s, member: { ...s.member, lastActiveOn: String(args[1]), unreachable: false } } : s,
};

export async function querySender(prisma: PrismaClient, telegramUserId: number): Promise<Sender | null> {
  const [row] = await prisma.$queryRaw<SenderRow[]>`
    SELECT i.pseudonym, m.handle, m.role, m.peer_supporter, m.locale, m.province, m.unit_type, m.consented_at,
           m.enrolled_at, m.unreachable_at, m.tip_frequency, m.tip_time, m.weekly_prompt, m.stress_check,
           m.peer_night, m.summary_digest, m.unit_room, m.created_at, m.last_active_on,
           (SELECT value FROM kv_state WHERE key = ${CONTENT_VERSION_KEY}) AS content_version,
           s.value AS session_state, c.value AS conversation_state
    FROM identities i LEFT JOIN members m ON m.pseudonym = i.pseudonym
    LEFT JOIN kv_state s ON s.key = 'session:' || i.pseudonym
    LEFT JOIN kv_state c ON c.key = 'conv:' || i.pseudonym
    WHERE i.telegram_user_id = ${BigInt(telegramUserId)}`;
  return row ? senderOf(row) : null;
}
