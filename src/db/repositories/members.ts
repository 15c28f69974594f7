// Members (profile and preferences, keyed by pseudonym) and identities (the Telegram link), kept apart.
import { randomUUID } from "node:crypto";
import type { Member, PrismaClient, Role, TipFrequency, UnitType } from "../generated/client.ts";

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
  /** Staff and admins: receive the weekly summary digest. */
  summaryDigest: boolean;
  /** Whether the officer's unit has a child-friendly interview room (null: not answered). */
  unitRoom: UnitRoom | null;
  createdOn: string;
}

export const UNIT_ROOM_ANSWERS = ["yes", "no", "unsure"] as const;
export type UnitRoom = (typeof UNIT_ROOM_ANSWERS)[number];

function toRecord(m: Member): MemberRecord {
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
    summaryDigest: m.summaryDigest,
    unitRoom: UNIT_ROOM_ANSWERS.find((a) => a === m.unitRoom) ?? null,
    createdOn: m.createdAt.toISOString().slice(0, 10),
  };
}

export interface ConsentInput {
  pseudonym: string;
  handle: string;
  locale: Locale;
  telegramUserId: number;
  chatId: number;
}

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
    | "summaryDigest"
    | "unitRoom"
  >
>;

export function createMemberRepository(prisma: PrismaClient) {
  return {
    async find(pseudonym: string): Promise<MemberRecord | null> {
      const m = await prisma.member.findUnique({ where: { pseudonym } });
      return m ? toRecord(m) : null;
    },

    async findByHandle(handle: string): Promise<MemberRecord | null> {
      const m = await prisma.member.findUnique({ where: { handle: handle.toUpperCase() } });
      return m ? toRecord(m) : null;
    },

    /** Consent creates the identity (needed to deliver) and an un-enrolled member row. */
    async recordConsent(input: ConsentInput): Promise<MemberRecord> {
      const [, member] = await prisma.$transaction([
        prisma.identity.upsert({
          where: { pseudonym: input.pseudonym },
          create: {
            pseudonym: input.pseudonym,
            telegramUserId: BigInt(input.telegramUserId),
            chatId: BigInt(input.chatId),
          },
          update: { chatId: BigInt(input.chatId) },
        }),
        prisma.member.upsert({
          where: { pseudonym: input.pseudonym },
          create: { pseudonym: input.pseudonym, handle: input.handle, locale: input.locale, consentedAt: new Date() },
          update: { locale: input.locale, consentedAt: new Date() },
        }),
      ]);
      return toRecord(member);
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
          enrolledAt: new Date(),
        },
      });
      return toRecord(m);
    },

    async update(pseudonym: string, prefs: MemberPreferences): Promise<MemberRecord> {
      return toRecord(await prisma.member.update({ where: { pseudonym }, data: prefs }));
    },

    async setRole(pseudonym: string, role: Role, peerSupporter: boolean): Promise<MemberRecord> {
      return toRecord(await prisma.member.update({ where: { pseudonym }, data: { role, peerSupporter } }));
    },

    /** Marks activity at day precision (one write per member per day) and clears "unreachable". */
    async touch(pseudonym: string, today: Date): Promise<void> {
      await prisma.member.updateMany({
        where: {
          pseudonym,
          OR: [{ lastActiveOn: null }, { lastActiveOn: { lt: today } }, { unreachableAt: { not: null } }],
        },
        data: { lastActiveOn: today, unreachableAt: null },
      });
    },

    async markUnreachable(pseudonym: string): Promise<void> {
      await prisma.member.updateMany({ where: { pseudonym }, data: { unreachableAt: new Date() } });
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
     * "Delete my data": removes identity, profile, preferences, state and free text. Pseudonymous
     * analytical rows stay but are re-keyed to a random tombstone, because the pseudonym is a
     * deterministic HMAC of the Telegram id and would otherwise re-link if the person came back.
     */
    async deleteEverything(pseudonym: string): Promise<void> {
      const tombstone = `gone-${randomUUID()}`;
      await prisma.$transaction([
        prisma.usageEvent.updateMany({ where: { pseudonym }, data: { pseudonym: tombstone } }),
        prisma.officerWeek.updateMany({ where: { pseudonym }, data: { pseudonym: tombstone } }),
        prisma.checkIn.updateMany({ where: { pseudonym }, data: { pseudonym: tombstone } }),
        prisma.wellbeingResponse.updateMany({ where: { pseudonym }, data: { pseudonym: tombstone } }),
        prisma.tipView.updateMany({ where: { pseudonym }, data: { pseudonym: tombstone } }),
        prisma.broadcastReaction.updateMany({ where: { pseudonym }, data: { pseudonym: tombstone } }),
        prisma.broadcast.updateMany({ where: { createdBy: pseudonym }, data: { createdBy: tombstone } }),
        prisma.tip.updateMany({ where: { createdBy: pseudonym }, data: { createdBy: tombstone } }),
        prisma.tip.updateMany({ where: { archivedBy: pseudonym }, data: { archivedBy: tombstone } }),
        prisma.outboxMessage.updateMany({
          where: { recipient: pseudonym, state: { in: ["queued", "sending"] } },
          data: { state: "skipped", reason: "deleted" },
        }),
        prisma.outboxMessage.updateMany({ where: { recipient: pseudonym }, data: { recipient: tombstone } }),
        prisma.freeText.deleteMany({ where: { pseudonym } }),
        prisma.focusTopic.deleteMany({ where: { pseudonym } }),
        prisma.supportRequest.deleteMany({ where: { OR: [{ requester: pseudonym }, { supporter: pseudonym }] } }),
        prisma.enrolFailure.deleteMany({ where: { pseudonym } }),
        prisma.kvState.deleteMany({ where: { key: { endsWith: `:${pseudonym}` } } }),
        prisma.member.deleteMany({ where: { pseudonym } }),
        prisma.identity.deleteMany({ where: { pseudonym } }),
      ]);
    },
  };
}

export type MemberRepository = ReturnType<typeof createMemberRepository>;
