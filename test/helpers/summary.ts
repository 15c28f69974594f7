// Programme data for summary tests, written straight into the tables the summaries read (as the app would have
// written it over a few weeks): officers of one province, their events in the period, check-ins by week and
// weekly stress answers. Pseudonyms start with `prefix`, so each test owns its officers.
import type { PrismaClient } from "../../src/db/generated/client.ts";
import { addDays, mondayOf } from "../../src/services/metrics/periods.js";

export const TZ = "Asia/Phnom_Penh";

export interface SeedGroup {
  prefix: string;
  province: string;
  count: number;
  unitType?: "ahtjp" | "cybercrime" | "cpu" | "other";
  /** Completed check-ins per officer, in the week two weeks before this one. */
  checkinsEach?: number;
}

/** Monday (UTC midnight Date) two weeks before the current week: inside "last 4 weeks". */
export function seedWeek(now = new Date()): string {
  return addDays(mondayOf(now, TZ), -14);
}

export async function seedOfficers(prisma: PrismaClient, g: SeedGroup, now = new Date()): Promise<string[]> {
  const week = seedWeek(now);
  const monday = new Date(`${week}T00:00:00+07:00`);
  const midweek = new Date(monday.getTime() + 2 * 86_400_000 + 3 * 3_600_000);
  const enrolled = new Date(now.getTime() - 90 * 86_400_000);
  const ids = Array.from({ length: g.count }, (_, i) => `${g.prefix}-${i + 1}`);
  await prisma.member.createMany({
    data: ids.map((pseudonym, i) => ({
      pseudonym,
      handle: `${g.prefix.toUpperCase()}${i + 1}`,
      role: "officer" as const,
      locale: "km",
      province: g.province,
      unitType: g.unitType ?? "cpu",
      unitRoom: "yes",
      consentedAt: enrolled,
      enrolledAt: enrolled,
    })),
  });
  const events = ids.flatMap((pseudonym) => [
    ...[0, 1, 2].map(() => ({
      pseudonym,
      type: "tip.sent",
      attrs: { topic: "rapport", via: "schedule" },
      occurredAt: midweek,
    })),
    { pseudonym, type: "tip.feedback", attrs: { topic: "rapport", kind: "helpful" }, occurredAt: midweek },
    { pseudonym, type: "tip.quiz_answered", attrs: { topic: "rapport", correct: true }, occurredAt: midweek },
    ...Array.from({ length: g.checkinsEach ?? 1 }, () => ({
      pseudonym,
      type: "checkin.started",
      attrs: { source: "command" },
      occurredAt: monday,
    })),
    { pseudonym, type: "wellbeing.prompted", attrs: {}, occurredAt: monday },
  ]);
  await prisma.usageEvent.createMany({ data: events });
  const checkins = ids.flatMap((pseudonym) =>
    Array.from({ length: g.checkinsEach ?? 1 }, (_, k) => ({
      pseudonym,
      week: new Date(`${week}T00:00:00Z`),
      status: "completed" as const,
      elements: ["ground-rules", "rapport"],
      openShare: "most",
      setting: ["room"],
      settingAnswered: true,
      feeling: 4,
      triedLastAction: true,
      shareWanted: true,
      ordinal: k + 1,
    })),
  );
  await prisma.checkIn.createMany({ data: checkins });
  await prisma.wellbeingResponse.createMany({
    data: ids.map((pseudonym) => ({ pseudonym, week: new Date(`${week}T00:00:00Z`), score: 2, source: "sisq" })),
  });
  return ids;
}
