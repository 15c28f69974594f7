// /tip and its buttons share statements between the officers handled at the same time (tip-view-batches.ts):
// each caller must still get exactly its own rows, written as if alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import { tipViewBatches } from "../../src/db/repositories/tip-view-batches.js";
import { createTestDatabase } from "../helpers/db.js";

let db: Database;
const at = new Date("2026-11-24T01:00:00.000Z");

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

/** The batches over a client that counts the statements they send. */
function counted() {
  const count = { statements: 0 };
  const prisma = {
    $queryRaw: (...args: Parameters<PrismaClient["$queryRaw"]>) => {
      count.statements++;
      return db.prisma.$queryRaw(...args);
    },
    $executeRaw: (...args: Parameters<PrismaClient["$executeRaw"]>) => {
      count.statements++;
      return db.prisma.$executeRaw(...args);
    },
  } as unknown as PrismaClient;
  return { batches: tipViewBatches(prisma), count };
}

const event = (n: number) => ({ type: "tip.sent", attrs: { topic: "rapport", n }, occurredAt: at });
const officers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe("tip view batches", () => {
  it("When 30 officers ask for their views at once, then one statement answers each with their own rows", async () => {
    const asking = officers("read", 30);
    await db.prisma.tipView.createMany({
      data: asking.map((pseudonym, i) => ({ pseudonym, tipId: `tip-${i}`, lastSentAt: at, reviewAgain: i === 3 })),
    });
    await db.prisma.focusTopic.create({ data: { pseudonym: "read-7", topicId: "rapport", markedOn: at } });
    const { batches, count } = counted();

    const answers = await Promise.all([...asking, "read-nobody"].map((p) => batches.views(p)));

    expect(count.statements).toBe(1);
    answers.slice(0, 30).forEach((answer, i) => {
      expect(answer.views).toEqual([[`tip-${i}`, i === 3, at.getTime()]]);
    });
    expect(answers[7]?.focus).toEqual(["rapport"]);
    expect(answers[30]).toEqual({ views: [], focus: [] });
  });

  it("When 40 tips go out at once, then one statement writes every view and its usage event", async () => {
    const sentTo = officers("sent", 40);
    const { batches, count } = counted();

    await Promise.all(
      sentTo.map((pseudonym, i) => batches.recordSent({ pseudonym, tipId: "t1", at, event: event(i) })),
    );

    expect(count.statements).toBe(1);
    const views = await db.prisma.tipView.findMany({ where: { pseudonym: { startsWith: "sent-" } } });
    expect(views).toHaveLength(40);
    expect(views.every((v) => v.timesSent === 1 && v.lastSentAt.getTime() === at.getTime())).toBe(true);
    const events = await db.prisma.usageEvent.findMany({ where: { pseudonym: { startsWith: "sent-" } } });
    expect(events.map((e) => (e.attrs as { n: number }).n).sort((a, b) => a - b)).toEqual(sentTo.map((_, i) => i));
    expect(events.every((e) => e.type === "tip.sent" && e.occurredAt.getTime() === at.getTime())).toBe(true);
  });

  it("When the same tip is recorded twice for one officer in one batch, then both count, one statement after the other", async () => {
    await db.prisma.tipView.create({
      data: { pseudonym: "twice", tipId: "t2", lastSentAt: at, reviewAgain: true },
    });
    const { batches, count } = counted();
    const later = new Date(at.getTime() + 60_000);

    await Promise.all([
      batches.recordSent({ pseudonym: "twice", tipId: "t2", at, event: event(1) }),
      batches.recordSent({ pseudonym: "twice", tipId: "t2", at: later, event: event(2) }),
    ]);

    expect(count.statements).toBe(2);
    const view = await db.prisma.tipView.findUniqueOrThrow({
      where: { pseudonym_tipId: { pseudonym: "twice", tipId: "t2" } },
    });
    expect(view).toMatchObject({ timesSent: 3, lastSentAt: later, reviewAgain: false });
    expect(await db.prisma.usageEvent.count({ where: { pseudonym: "twice" } })).toBe(2);
  });

  it("When presses of helpful and review again come together, then each keeps what was set before and adds its own", async () => {
    await db.prisma.tipView.create({ data: { pseudonym: "fb-0", tipId: "t3", lastSentAt: at, helpful: true } });
    const { batches, count } = counted();
    const press = (pseudonym: string, helpful: boolean, reviewAgain: boolean) =>
      batches.setFeedback({
        pseudonym,
        tipId: "t3",
        at,
        helpful,
        reviewAgain,
        event: {
          type: "tip.feedback",
          attrs: { topic: "rapport", kind: helpful ? "helpful" : "review" },
          occurredAt: at,
        },
      });

    await Promise.all([press("fb-0", false, true), press("fb-1", true, false)]);

    expect(count.statements).toBe(1);
    const rows = await db.prisma.tipView.findMany({ where: { tipId: "t3" }, orderBy: { pseudonym: "asc" } });
    expect(rows.map((r) => [r.pseudonym, r.helpful, r.reviewAgain, r.timesSent])).toEqual([
      ["fb-0", true, true, 1],
      ["fb-1", true, false, 1],
    ]);
    expect(
      await db.prisma.usageEvent.count({ where: { type: "tip.feedback", pseudonym: { in: ["fb-0", "fb-1"] } } }),
    ).toBe(2);
  });

  it("When one row of a batch cannot be written, then only its caller gets the error and the others are kept", async () => {
    const { batches } = counted();
    // PostgreSQL text cannot hold a NUL character, so this row alone fails.
    const results = await Promise.allSettled([
      batches.recordSent({ pseudonym: "bad-0", tipId: "t4", at, event: event(0) }),
      batches.recordSent({ pseudonym: "bad-1", tipId: "t4\u0000", at, event: event(1) }),
      batches.recordSent({ pseudonym: "bad-2", tipId: "t4", at, event: event(2) }),
    ]);

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const kept = await db.prisma.tipView.findMany({ where: { tipId: "t4" }, orderBy: { pseudonym: "asc" } });
    expect(kept.map((v) => v.pseudonym)).toEqual(["bad-0", "bad-2"]);
    expect(await db.prisma.usageEvent.count({ where: { pseudonym: { in: ["bad-0", "bad-1", "bad-2"] } } })).toBe(2);
  });
});
