// Weekly stress answers and the opt-in lists for the weekly messages, as plain objects. (Peer conversations
// have their own repository: peer.ts.)
import type { PrismaClient } from "../generated/client.ts";

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

export type WellbeingRepository = ReturnType<typeof createWellbeingRepository>;
