// Writes that must happen together or not at all: closing a broadcast (its end, one delivered event per recipient,
// the finished event) and adding a trainer's tip (its position, the row, its event).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createBroadcastRepository } from "../../src/db/repositories/broadcasts.js";
import { createTipRepository } from "../../src/db/repositories/tips.js";
import type { Delivery } from "../../src/delivery/delivery.js";
import { createLogger } from "../../src/logger.js";
import { ALL_OFFICERS, createBroadcastService } from "../../src/services/broadcasts.js";
import { createTestDatabase } from "../helpers/db.js";
import { seedRecipients } from "../helpers/delivery.js";

let db: Database;
const now = () => new Date("2026-11-23T03:00:00Z");
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

/** Makes every INSERT of this event type fail, as a crash or a lost connection between two writes would. */
async function failInsertsOf(type: string) {
  await db.prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION mitt_test_fail() RETURNS trigger AS $$
    BEGIN
      IF NEW.type = '${type}' THEN RAISE EXCEPTION 'injected failure'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.prisma.$executeRawUnsafe(
    "CREATE TRIGGER mitt_test_fail BEFORE INSERT ON usage_events FOR EACH ROW EXECUTE FUNCTION mitt_test_fail()",
  );
  return () => db.prisma.$executeRawUnsafe("DROP TRIGGER mitt_test_fail ON usage_events");
}

describe("atomic writes", () => {
  it("When closing a broadcast fails at its last write, then nothing of the close is kept and a retry closes it once", async () => {
    const repo = createBroadcastRepository(db.prisma, { now, timeZone: "Asia/Phnom_Penh" });
    const delivery = { progress: async () => null } as unknown as Delivery;
    const logger = createLogger({ level: "silent" });
    const service = createBroadcastService({
      repo,
      delivery,
      events: { record: async () => {} },
      logger,
      now,
      usefulLabel: () => "👍",
    });
    const people = await seedRecipients(db.prisma, 3, 7_100_000, "atomic-bc");
    const id = await repo.create({
      createdBy: "trainer-atomic",
      km: { text: "ក", entities: [] },
      en: null,
      media: null,
      audience: ALL_OFFICERS,
      urgent: false,
      scheduledAt: now(),
    });
    expect(await repo.claimStart(id, now())).toBe(true);
    const job = await db.prisma.deliveryJob.create({ data: { key: `broadcast:${id}`, kind: "broadcast" } });
    await repo.setJob(id, job.id);
    await db.prisma.outboxMessage.createMany({
      data: people.map((p, i) => ({
        jobId: job.id,
        recipient: p.pseudonym,
        payload: {},
        state: i < 2 ? ("sent" as const) : ("failed" as const),
        sentAt: i < 2 ? now() : null,
      })),
    });
    const b = await repo.get(id);
    if (!b) throw new Error("no broadcast");

    const restore = await failInsertsOf("broadcast.finished");
    try {
      await expect(service.finish(b)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await db.prisma.broadcast.findUnique({ where: { id } })).toMatchObject({
      status: "sending",
      finishedAt: null,
    });
    expect(await db.prisma.usageEvent.count({ where: { type: { startsWith: "broadcast." } } })).toBe(0);

    expect(await service.finish(b)).toBe(true);
    expect(await service.finish(b)).toBe(false);
    expect((await db.prisma.broadcast.findUnique({ where: { id } }))?.status).toBe("finished");
    expect(await db.prisma.usageEvent.count({ where: { type: "broadcast.delivered" } })).toBe(2);
    expect(await db.prisma.usageEvent.count({ where: { type: "broadcast.finished" } })).toBe(1);
  });

  it("When several trainers add tips to one topic at once, then each tip gets its own position and its event", async () => {
    const topic = "atomic-topic";
    await db.prisma.tipTopic.create({ data: { id: topic, position: 99, nameKm: "ប្រធានបទ", nameEn: "Topic" } });
    const repo = createTipRepository(db.prisma, now);
    const added = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        repo.addTrainerTip(
          { topicId: topic, textKm: `ក ${i}`, textEn: `tip ${i}`, createdBy: `trainer-${i}` },
          { type: "tip.added", attrs: { topic } },
        ),
      ),
    );
    const tips = await db.prisma.tip.findMany({ where: { topicId: topic }, orderBy: { position: "asc" } });
    expect(tips.map((t) => t.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(added).size).toBe(8);
    expect(await db.prisma.usageEvent.count({ where: { type: "tip.added" } })).toBe(8);
  });

  it("When the event of a new tip cannot be written, then the tip is not added either", async () => {
    const topic = "atomic-topic-2";
    await db.prisma.tipTopic.create({ data: { id: topic, position: 98, nameKm: "ប្រធានបទ", nameEn: "Topic" } });
    const repo = createTipRepository(db.prisma, now);
    const restore = await failInsertsOf("tip.added");
    try {
      await expect(
        repo.addTrainerTip(
          { topicId: topic, textKm: "ក", textEn: "tip", createdBy: "trainer-x" },
          { type: "tip.added", attrs: { topic } },
        ),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await db.prisma.tip.count({ where: { topicId: topic } })).toBe(0);
  });
});
