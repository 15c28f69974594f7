// Weekly stress answers, peer-support requests and the opt-in lists for the weekly messages, as plain objects.
// A support request exists only after the officer's explicit consent; its note is scrubbed text they agreed to
// share, and it is cleared with the other free text after the retention period.
import type { PrismaClient } from "../generated/client.ts";

export type SupportStatus = "open" | "acknowledged" | "contact_shared";

export interface SupportRequestRecord {
  id: string;
  requester: string;
  supporter: string | null;
  note: string | null;
  status: SupportStatus;
}

export interface Recipient {
  pseudonym: string;
  locale: string;
}

export function createWellbeingRepository(prisma: PrismaClient) {
  return {
    /** One stress answer per person and week: a second answer in the same week replaces the first. */
    async saveStress(pseudonym: string, week: Date, score: number): Promise<void> {
      await prisma.wellbeingResponse.upsert({
        where: { pseudonym_week_source: { pseudonym, week, source: "sisq" } },
        create: { pseudonym, week, source: "sisq", score },
        update: { score },
      });
    },

    /** A "high" week: stress answered 4 or 5, or a check-in whose feeling was "very difficult". */
    async wasHighWeek(pseudonym: string, week: Date): Promise<boolean> {
      const [stress, hard] = await Promise.all([
        prisma.wellbeingResponse.count({ where: { pseudonym, week, source: "sisq", score: { gte: 4 } } }),
        prisma.checkIn.count({ where: { pseudonym, week, status: "completed", feeling: { lte: 1 } } }),
      ]);
      return stress + hard > 0;
    },

    /** Enrolled peer supporters, with how many requests each has open (to spread the load). */
    async supporters(): Promise<
      { pseudonym: string; province: string | null; locale: string; openRequests: number }[]
    > {
      const rows = await prisma.member.findMany({
        where: { peerSupporter: true, enrolledAt: { not: null }, unreachableAt: null },
        select: { pseudonym: true, province: true, locale: true },
      });
      const open = await prisma.supportRequest.groupBy({
        by: ["supporter"],
        where: { status: "open", supporter: { in: rows.map((r) => r.pseudonym) } },
        _count: { _all: true },
      });
      return rows.map((r) => ({
        ...r,
        openRequests: open.find((o) => o.supporter === r.pseudonym)?._count._all ?? 0,
      }));
    },

    async createRequest(
      requester: string,
      supporter: string,
      note: string | null,
      at: Date,
    ): Promise<SupportRequestRecord> {
      const row = await prisma.supportRequest.create({ data: { requester, supporter, note, createdAt: at } });
      return toRecord(row);
    },

    async findRequest(id: string): Promise<SupportRequestRecord | null> {
      const row = await prisma.supportRequest.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    /** Moves a request on from `from` to `to`; false if it was not in `from` (pressed twice, or withdrawn). */
    async advance(id: string, from: SupportStatus, to: SupportStatus): Promise<boolean> {
      const { count } = await prisma.supportRequest.updateMany({ where: { id, status: from }, data: { status: to } });
      return count > 0;
    },

    /** Clears notes older than the free-text retention period. */
    async clearOldNotes(before: Date): Promise<number> {
      const { count } = await prisma.supportRequest.updateMany({
        where: { createdAt: { lt: before }, note: { not: null } },
        data: { note: null },
      });
      return count;
    },

    /** Enrolled, reachable members who opted in to the weekly interview question or the stress question. */
    async optedIn(which: "weeklyPrompt" | "stressCheck"): Promise<Recipient[]> {
      return prisma.member.findMany({
        where: { [which]: true, enrolledAt: { not: null }, unreachableAt: null },
        select: { pseudonym: true, locale: true },
        orderBy: { pseudonym: "asc" },
      });
    },
  };
}

function toRecord(r: {
  id: string;
  requester: string;
  supporter: string | null;
  note: string | null;
  status: string;
}): SupportRequestRecord {
  const status = (["open", "acknowledged", "contact_shared"] as const).find((s) => s === r.status) ?? "open";
  return { id: r.id, requester: r.requester, supporter: r.supporter, note: r.note, status };
}

export type WellbeingRepository = ReturnType<typeof createWellbeingRepository>;
