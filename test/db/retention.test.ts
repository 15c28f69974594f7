// Retention of operational rows, with the clock moved past each period.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createRetentionRepository } from "../../src/db/repositories/retention.js";
import { createRetentionJob } from "../../src/jobs/retention-jobs.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, truncateAll } from "../helpers/db.js";

const DAY = 86_400_000;
const t0 = new Date("2027-03-01T03:50:00Z");
const daysBefore = (days: number) => new Date(t0.getTime() - days * DAY);
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
beforeEach(() => truncateAll(db));
afterAll(() => db.close());

const job = () =>
  createRetentionJob(
    createRetentionRepository(db.prisma),
    { stateDays: 14, outboxDays: 180 },
    createLogger({ level: "silent" }),
  );

describe("retention", () => {
  it("When state has been idle past STATE_RETENTION_DAYS, then it is deleted and fresher state stays", async () => {
    await db.prisma.kvState.createMany({
      data: [
        { key: "conv:old", value: "{}", updatedAt: daysBefore(15) },
        { key: "session:old", value: "{}", updatedAt: daysBefore(30) },
        { key: "conv:recent", value: "{}", updatedAt: daysBefore(13) },
      ],
    });
    await job().run(t0);
    expect((await db.prisma.kvState.findMany()).map((r) => r.key)).toEqual(["conv:recent"]);
  });

  it("When wrong invite codes are over a day old, then they are deleted", async () => {
    await db.prisma.enrolFailure.createMany({
      data: [
        { pseudonym: "p1", at: daysBefore(2) },
        { pseudonym: "p1", at: new Date(t0.getTime() - 60_000) },
      ],
    });
    await job().run(t0);
    expect(await db.prisma.enrolFailure.count()).toBe(1);
  });

  it("When a delivery job finished before OUTBOX_RETENTION_DAYS, then it goes with its messages; active and recent ones stay", async () => {
    const make = async (key: string, status: "done" | "cancelled" | "active", finishedAt: Date | null) => {
      const job = await db.prisma.deliveryJob.create({
        data: { key, kind: "broadcast", status, finishedAt, createdAt: daysBefore(400) },
      });
      await db.prisma.outboxMessage.create({
        data: { jobId: job.id, recipient: `r-${key}`, payload: {}, state: status === "active" ? "queued" : "sent" },
      });
    };
    await make("old-done", "done", daysBefore(181));
    await make("old-cancelled", "cancelled", daysBefore(200));
    await make("recent-done", "done", daysBefore(179));
    await make("still-active", "active", null);
    await job().run(t0);
    expect((await db.prisma.deliveryJob.findMany({ orderBy: { key: "asc" } })).map((j) => j.key)).toEqual([
      "recent-done",
      "still-active",
    ]);
    expect((await db.prisma.outboxMessage.findMany({ orderBy: { recipient: "asc" } })).map((r) => r.recipient)).toEqual(
      ["r-recent-done", "r-still-active"],
    );
  });
});
