// The summary aggregates on a small hand-made programme, checked figure by figure, and the rollup's refresh
// rules (only weeks that can still change are recomputed; "delete my data" unlinks the rollup too).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createMemberRepository } from "../../src/db/repositories/members.js";
import { createMetricsRepository } from "../../src/db/repositories/metrics.js";
import { createMetricsRollup } from "../../src/db/repositories/metrics-rollup.js";
import type { Figures } from "../../src/domain/metrics/types.js";
import { METRIC_PASSIVE_EVENTS } from "../../src/services/metrics/catalogue.js";
import { createTestDatabase, truncateAll } from "../helpers/db.js";

const TZ = "Asia/Phnom_Penh";
const NOW = new Date("2026-11-25T10:00:00+07:00"); // Wednesday; last 4 weeks = 26 Oct – 22 Nov
const Q = { startWeek: "2026-10-26", endWeek: "2026-11-23", breakdown: "province" as const };
const WEEK = new Date("2026-11-09T00:00:00Z");
const MIDWEEK = new Date("2026-11-11T09:00:00+07:00");
const MONDAY = new Date("2026-11-09T00:00:00+07:00");
const ENROLLED = new Date("2026-08-01T09:00:00+07:00");

let db: Database;
let kep: Figures;

async function member(pseudonym: string, extra: Record<string, unknown> = {}) {
  await db.prisma.member.create({
    data: {
      pseudonym,
      handle: pseudonym.toUpperCase(),
      role: "officer",
      province: "kep",
      unitType: "cpu",
      consentedAt: ENROLLED,
      enrolledAt: ENROLLED,
      ...extra,
    },
  });
}

const event = (pseudonym: string, type: string, attrs: object, occurredAt = MIDWEEK) => ({
  pseudonym,
  type,
  attrs,
  occurredAt,
});

const checkin = (pseudonym: string, ordinal: number, extra: Record<string, unknown>) => ({
  pseudonym,
  week: WEEK,
  status: "completed" as const,
  ordinal,
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase();
});
// Every test starts from the same hand-made programme of its own (some tests change it).
beforeEach(async () => {
  await truncateAll(db);
  await member("mt-a", { unitRoom: "yes" });
  await member("mt-b", { unitRoom: "no" });
  await member("mt-trainer", { role: "trainer" });
  await member("mt-new", { enrolledAt: new Date("2026-11-18T09:00:00+07:00") }); // < 14 days before the end
  await db.prisma.usageEvent.createMany({
    data: [
      ...[1, 2, 3].map(() => event("mt-a", "tip.sent", { topic: "rapport", via: "schedule" })),
      ...[1, 2, 3, 4, 5].map(() => event("mt-a", "tip.feedback", { topic: "rapport", kind: "helpful" })),
      event("mt-a", "tip.quiz_answered", { topic: "rapport", correct: true }),
      event("mt-a", "tip.quiz_answered", { topic: "rapport", correct: false }),
      event("mt-a", "checkin.started", { source: "command" }, MONDAY),
      event("mt-a", "checkin.started", { source: "weekly" }, MONDAY),
      event("mt-a", "checkin.interviews_reported", { count: 3 }, MONDAY),
      event("mt-a", "escalation.offered", { step: "peer" }, MONDAY),
      event("mt-a", "escalation.offered", { step: "self_care" }, MONDAY),
      event("mt-a", "escalation.accepted", { step: "peer", share: "none" }, MONDAY),
      event("mt-b", "tip.sent", { topic: "rapport", via: "schedule" }), // delivered, but nothing the officer did
      event("mt-trainer", "tip.feedback", { topic: "rapport", kind: "helpful" }),
    ],
  });
  await db.prisma.checkIn.createMany({
    data: [
      checkin("mt-a", 1, { elements: ["rapport"], setting: ["room"], settingAnswered: true, shareWanted: false }),
      checkin("mt-a", 2, {
        elements: [],
        skipped: ["q1"],
        setting: [],
        settingAnswered: true,
        openShare: "most",
        triedLastAction: true,
        shareWanted: true,
      }),
      checkin("mt-b", 1, { setting: ["room", "na:interpreters"], settingAnswered: true, openShare: "half" }),
      { ...checkin("mt-b", 2, { setting: ["room"] }), status: "abandoned" as const },
    ],
  });
  const rollup = createMetricsRollup(db.prisma, { timeZone: TZ, passive: METRIC_PASSIVE_EVENTS });
  await rollup.refresh(NOW);
  const raw = await createMetricsRepository(db.prisma, TZ).summaryFigures(Q);
  kep = raw.groups.find((g) => g.key === "kep")?.figures ?? {};
});
afterAll(async () => {
  await db.close();
});

const n = (figure: string) => kep[figure]?.n;

describe("summary aggregates", () => {
  it("When officers are counted, then the base is officers enrolled 14 days before the end, and active means they did something", () => {
    expect(kep["officers.num"]).toEqual({ n: 2, officers: 2 }); // not the trainer, not the newcomer
    expect(kep["active-officers.num"]).toEqual({ n: 1, officers: 1 }); // a scheduled tip is not activity
  });

  it("When tips are counted, then presses count at most once per tip delivered", () => {
    expect(kep["tip-ack.num"]).toEqual({ n: 3, officers: 1 }); // 7 presses, 3 tips that week
    expect(kep["tip-ack.den"]).toEqual({ n: 4, officers: 2 });
    expect(kep["quiz-accuracy.num"]).toEqual({ n: 1, officers: 1 });
    expect(kep["quiz-accuracy.den"]).toEqual({ n: 2, officers: 1 });
  });

  it("When reflections are counted, then triggered is direct starts plus the larger of reported and weekly starts", () => {
    expect(n("reflection-completion.den")).toBe(1 + 3);
    expect(n("reflection-completion.extra")).toBe(2);
    expect(kep["reflection-completion.num"]).toEqual({ n: 3, officers: 2 }); // the abandoned one does not count
  });

  it("When check-in items are counted, then each has its own denominator", () => {
    expect(n("adherence-rapport.num")).toBe(1);
    expect(n("adherence-rapport.den")).toBe(2); // Q1 skipped once
    expect(n("adherence-interpreters.den")).toBe(2); // marked not applicable once
    expect(n("open-prompt-most.num")).toBe(1);
    expect(n("open-prompt-most.den")).toBe(2);
    expect(n("action-follow-through.num")).toBe(1);
    expect(n("action-follow-through.den")).toBe(1);
    // Room use counts only officers who said their unit has a room.
    expect(kep["room-use.num"]).toEqual({ n: 1, officers: 1 });
    expect(kep["room-use.den"]).toEqual({ n: 2, officers: 1 });
    expect(n("adherence-room.num")).toBe(2);
  });

  it("When commitment to share is counted, then each officer's latest answer in the period counts", () => {
    expect(kep["commitment-to-share.num"]).toEqual({ n: 1, officers: 1 });
    expect(kep["commitment-to-share.den"]).toEqual({ n: 1, officers: 1 });
  });

  it("When the rollup is refreshed, then only weeks that can still change are recomputed, and a rebuild takes all", async () => {
    const rollup = createMetricsRollup(db.prisma, { timeZone: TZ, passive: METRIC_PASSIVE_EVENTS });
    const count = async () =>
      (await db.prisma.officerWeek.aggregate({ where: { pseudonym: "mt-b" }, _sum: { tipsSent: true } }))._sum.tipsSent;
    await db.prisma.usageEvent.create({ data: event("mt-b", "tip.sent", { topic: "rapport", via: "schedule" }) });
    expect((await rollup.refresh(NOW, Q.endWeek)).rows).toBe(0); // 9 Nov was final at the last refresh
    expect(await count()).toBe(1);
    await db.prisma.usageEvent.create({
      data: event("mt-b", "tip.sent", { topic: "rapport", via: "schedule" }, new Date("2026-11-24T09:00:00+07:00")),
    });
    expect((await rollup.refresh(NOW)).fromWeek).toBe("2026-11-23");
    expect(await count()).toBe(2); // this week's
    await rollup.rebuildAll(NOW);
    expect(await count()).toBe(3);
  });

  it("When an officer deletes their data, then their rollup rows are unlinked too", async () => {
    await createMemberRepository(db.prisma, () => NOW).deleteEverything("mt-a");
    expect(await db.prisma.officerWeek.count({ where: { pseudonym: "mt-a" } })).toBe(0);
    expect(await db.prisma.officerWeek.count({ where: { pseudonym: { startsWith: "gone-" } } })).toBeGreaterThan(0);
  });
});
