// Enrolled officers written directly, as consent and enrolment leave them (members.recordConsent + enrol), one
// statement per table: the benchmarks that need many officers (bench/updates.ts, bench/ticks.ts) seed them alike.
import type { PrismaClient } from "../src/db/generated/client.ts";
import type { createPseudonymizer } from "../src/services/pseudonym.js";

export interface SeededOfficer {
  /** Telegram user id (also the chat id). */
  id: number;
  pseudonym: string;
}

export async function seedEnrolledOfficers(
  prisma: PrismaClient,
  pseudonyms: ReturnType<typeof createPseudonymizer>,
  people: readonly SeededOfficer[],
  at: Date,
): Promise<void> {
  await prisma.identity.createMany({
    data: people.map((p) => ({
      pseudonym: p.pseudonym,
      telegramUserId: BigInt(p.id),
      chatId: BigInt(p.id),
      createdAt: at,
    })),
  });
  await prisma.member.createMany({
    data: people.map((p) => ({
      pseudonym: p.pseudonym,
      handle: pseudonyms.handleOf(p.pseudonym),
      locale: "km",
      role: "officer" as const,
      province: "kampot",
      unitType: "cpu" as const,
      consentedAt: at,
      enrolledAt: at,
      createdAt: at,
      updatedAt: at,
    })),
  });
}
