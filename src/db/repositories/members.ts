// Members (profile and preferences, keyed by pseudonym) and identities (the Telegram link), kept apart.
import { randomUUID } from "node:crypto";
import type { Now } from "../../clock.js";
import type { Member, PrismaClient, Role, TipFrequency, UnitType } from "../generated/client.ts";
import { rekeyedColumns } from "../pseudonym-columns.js";
import { PATCH_ONE, type SenderCache } from "../sender-cache.js";
import { CONTENT_VERSION_KEY } from "./content-version.js";

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

/** The columns a MemberRecord is made of: the sender query (below) reads exactly these, and tsc checks it does. */
type MemberColumns = Pick<
  Member,
  | "pseudonym"
  | "handle"
  | "role"
  | "peerSupporter"
  | "locale"
  | "province"
  | "unitType"
  | "consentedAt"
  | "enrolledAt"
  | "unreachableAt"
  | "tipFrequency"
  | "tipTime"
  | "weeklyPrompt"
  | "stressCheck"
  | "peerNight"
  | "summaryDigest"
  | "unitRoom"
  | "createdAt"
  | "lastActiveOn"
>;

function toRecord(m: MemberColumns): MemberRecord {
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

export interface ConsentInput {
  locale: Locale;
  telegramUserId: number;
  chatId: number;
  /** Mints a fresh pseudonym and its handle for a first consent (called again if a handle is taken). */
  mint: () => { pseudonym: string; handle: string };
}

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

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

export type MemberPreferences = Partial<
  Pick<
    MemberRecord,
    | "locale"
    | "province"
    | "unitType"
    | "tipFrequency"
    | "tipTime"
    | "weeklyPrompt"
    | "stressCheck"
    | "peerNight"
    | "summaryDigest"
    | "unitRoom"
  >
>;

/**
 * How a cached sender follows this repository's PATCH_ONE writes (sender-cache.ts). `activity` is `touch`: its
 * arguments are the pseudonym and the local date.
 */
export const SENDER_PATCHES = {
  activity: (s: Sender, args: readonly unknown[]): Sender =>
    s.member ? { ...s, member: { ...s.member, lastActiveOn: String(args[1]), unreachable: false } } : s,
};

/**
 * `senders`: the in-memory cache of findSender (sender-cache.ts), for a process that is the only one handling
 * updates; without it every findSender asks the database.
 */
export function createMemberRepository(prisma: PrismaClient, now: Now, senders?: SenderCache<Sender>) {
  async function querySender(telegramUserId: number): Promise<Sender | null> {
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
  return {
    async find(pseudonym: string): Promise<MemberRecord | null> {
      const m = await prisma.member.findUnique({ where: { pseudonym } });
      return m ? toRecord(m) : null;
    },

    /**
     * The sender of an update, by Telegram id, with their member row, their session and conversation state
     * (kv-storage.ts keys) and the content version: the one read most updates need, in one query.
     */
    async findSender(telegramUserId: number): Promise<Sender | null> {
      if (!senders) return querySender(telegramUserId);
      const sender = await senders.get(telegramUserId, () => querySender(telegramUserId));
      // A copy: callers may change their member record, and the cached one must stay as the database has it.
      return sender && { ...sender, member: sender.member && { ...sender.member } };
    },

    async findByHandle(handle: string): Promise<MemberRecord | null> {
      const m = await prisma.member.findUnique({ where: { handle: handle.toUpperCase() } });
      return m ? toRecord(m) : null;
    },

    /**
     * Consent creates the identity (needed to deliver) under a fresh random pseudonym, and an un-enrolled member
     * row. Someone who consents again (onboarding restarted before enrolment) keeps the pseudonym they have.
     */
    async recordConsent(input: ConsentInput): Promise<MemberRecord> {
      const at = now();
      const telegramUserId = BigInt(input.telegramUserId);
      const existing = await prisma.identity.findUnique({ where: { telegramUserId }, select: { pseudonym: true } });
      if (existing) {
        await prisma.identity.update({ where: { telegramUserId }, data: { chatId: BigInt(input.chatId) } });
        const m = await prisma.member.update({
          where: { pseudonym: existing.pseudonym },
          data: { locale: input.locale, consentedAt: at, updatedAt: at },
        });
        return toRecord(m);
      }
      // A handle is 30 bits of the pseudonym: on the rare clash with another member's handle, mint again.
      for (let attempt = 1; ; attempt++) {
        const { pseudonym, handle } = input.mint();
        try {
          const [, member] = await prisma.$transaction([
            prisma.identity.create({
              data: { pseudonym, telegramUserId, chatId: BigInt(input.chatId), createdAt: at },
            }),
            prisma.member.create({
              data: { pseudonym, handle, locale: input.locale, consentedAt: at, createdAt: at, updatedAt: at },
            }),
          ]);
          return toRecord(member);
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 5) throw err;
        }
      }
    },

    async enrol(
      pseudonym: string,
      data: { role: Role; province: string; unitType: UnitType; invitedBy?: string | undefined },
    ) {
      const m = await prisma.member.update({
        where: { pseudonym },
        data: {
          role: data.role,
          province: data.province,
          unitType: data.unitType,
          invitedBy: data.invitedBy ?? null,
          enrolledAt: now(),
          updatedAt: now(),
        },
      });
      return toRecord(m);
    },

    async update(pseudonym: string, prefs: MemberPreferences): Promise<MemberRecord> {
      return toRecord(await prisma.member.update({ where: { pseudonym }, data: { ...prefs, updatedAt: now() } }));
    },

    async setRole(pseudonym: string, role: Role, peerSupporter: boolean): Promise<MemberRecord> {
      return toRecord(
        await prisma.member.update({ where: { pseudonym }, data: { role, peerSupporter, updatedAt: now() } }),
      );
    },

    /**
     * Marks activity at day precision (one write per member per local day; `today` is the programme's calendar
     * date, see local-time.ts) and clears "unreachable".
     */
    async touch(pseudonym: string, today: Date): Promise<void> {
      // Raw, to carry the patch mark (sender-cache.ts, SENDER_PATCHES): the first update of each day per member
      // writes this, and the cached sender follows it instead of being read again.
      await prisma.$executeRawUnsafe(
        `UPDATE members ${PATCH_ONE("activity", 1)} SET last_active_on = $2::date, unreachable_at = NULL
         WHERE pseudonym = $1 AND (last_active_on IS NULL OR last_active_on < $2::date OR unreachable_at IS NOT NULL)`,
        pseudonym,
        today.toISOString().slice(0, 10),
      );
    },

    async markUnreachable(pseudonym: string): Promise<void> {
      await prisma.member.updateMany({ where: { pseudonym }, data: { unreachableAt: now() } });
    },

    async listForAdmin(limit = 50): Promise<MemberRecord[]> {
      const rows = await prisma.member.findMany({
        where: { enrolledAt: { not: null } },
        orderBy: { createdAt: "asc" },
        take: limit,
      });
      return rows.map(toRecord);
    },

    async chatIdOf(pseudonym: string): Promise<number | null> {
      const row = await prisma.identity.findUnique({ where: { pseudonym }, select: { chatId: true } });
      return row ? Number(row.chatId) : null;
    },

    async countEnrolledByRole(role: Role): Promise<number> {
      return prisma.member.count({ where: { role, enrolledAt: { not: null } } });
    },

    /**
     * "Delete my data": removes identity, profile, preferences, state and free text. Pseudonymous analytical rows
     * stay for the programme's totals but are re-keyed to a random tombstone (every column listed in
     * src/db/pseudonym-columns.ts), so nothing connects a person who comes back (with a new random pseudonym) to
     * their past, nor to the people they invited.
     */
    async deleteEverything(pseudonym: string): Promise<void> {
      const tombstone = `gone-${randomUUID()}`;
      await prisma.$transaction([
        // First what needs more than a new key (see src/db/pseudonym-columns.ts).
        prisma.outboxMessage.updateMany({
          where: { recipient: pseudonym, state: { in: ["queued", "sending"] } },
          data: { state: "skipped", reason: "deleted", updatedAt: now() },
        }),
        // Practice notes: unpublished ones go; published (or hidden) ones stay for readers, without an author.
        prisma.practiceNote.deleteMany({ where: { author: pseudonym, state: { notIn: ["published", "hidden"] } } }),
        prisma.practiceNote.updateMany({ where: { author: pseudonym }, data: { author: null } }),
        // Peer conversations: the service has already closed and told the other side (peer-connect.ts
        // leaveAll); this is the safety net. Counts stay for the totals, unlinked; blocks naming them go.
        prisma.peerConversation.updateMany({
          where: { status: { in: ["requested", "open"] }, OR: [{ requester: pseudonym }, { supporter: pseudonym }] },
          data: {
            status: "ended",
            endedBy: "system",
            expiresAt: null,
            requesterLastMessage: null,
            supporterLastMessage: null,
          },
        }),
        // Then every pseudonym column that keeps its rows gets the tombstone.
        ...rekeyedColumns().map(([table, column]) =>
          prisma.$executeRawUnsafe(
            `UPDATE "${table}" SET "${column}" = $1 WHERE "${column}" = $2`,
            tombstone,
            pseudonym,
          ),
        ),
        prisma.peerBlock.deleteMany({ where: { OR: [{ blocker: pseudonym }, { blocked: pseudonym }] } }),
        prisma.freeText.deleteMany({ where: { pseudonym } }),
        prisma.focusTopic.deleteMany({ where: { pseudonym } }),
        prisma.enrolFailure.deleteMany({ where: { pseudonym } }),
        prisma.kvState.deleteMany({ where: { key: { endsWith: `:${pseudonym}` } } }),
        prisma.member.deleteMany({ where: { pseudonym } }),
        prisma.identity.deleteMany({ where: { pseudonym } }),
      ]);
    },
  };
}

export type MemberRepository = ReturnType<typeof createMemberRepository>;
