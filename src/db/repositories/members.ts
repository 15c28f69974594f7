// Members (profile and preferences, keyed by pseudonym) and identities (the Telegram link), kept apart.
import { randomUUID } from "node:crypto";
import type { Now } from "../../clock.js";
import type { PrismaClient } from "../generated/client.ts";
import { rekeyedColumns } from "../pseudonym-columns.js";
import { PATCH_ONE, type SenderCache } from "../sender-cache.js";
import {
  type Locale,
  type MemberRecord,
  type PreferenceField,
  type Role,
  toRecord,
  type UnitType,
} from "./member-record.js";
import { querySender, type Sender } from "./member-sender.js";

export type { Locale, MemberRecord, Role, TipFrequency, UnitRoom, UnitType } from "./member-record.js";
export { UNIT_ROOM_ANSWERS } from "./member-record.js";
export { SENDER_PATCHES, type Sender } from "./member-sender.js";

export interface ConsentInput {
  locale: Locale;
  telegramUserId: number;
  chatId: number;
  /** Mints a fresh pseudonym and its handle for a first consent (called again if a handle is taken). */
  mint: () => { pseudonym: string; handle: string };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

export type MemberPreferences = Partial<Pick<MemberRecord, PreferenceField>>;

/**
 * `senders`: the in-memory cache of findSender (sender-cache.ts), for a process that is the only one handling
 * updates; without it every findSender asks the database.
 */
export function createMemberRepository(prisma: PrismaClient, now: Now, senders?: SenderCache<Sender>) {
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
      if (!senders) return querySender(prisma, telegramUserId);
      const sender = await senders.get(telegramUserId, () => querySender(prisma, telegramUserId));
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
