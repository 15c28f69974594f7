// A scheduled broadcast to every officer, started by the per-minute job, is queued a chunk of recipients per
// statement (one INSERT for everyone held PGlite's event loop at that minute): everyone still gets one row in their
// language, the job is left complete, and the start is recorded once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createBroadcastRepository } from "../../src/db/repositories/broadcasts.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { FILL_CHUNK } from "../../src/db/repositories/outbox-chunks.js";
import { createDelivery } from "../../src/delivery/delivery.js";
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

describe("broadcast queueing", () => {
  it("When a scheduled broadcast to more officers than one chunk starts, then each gets one row in their language and the start is recorded once", async () => {
    const people = await seedRecipients(db.prisma, FILL_CHUNK * 2 + 7, 7_200_000, "chunk-bc");
    const english = people.filter((_, i) => i % 3 === 0).map((p) => p.pseudonym);
    await db.prisma.member.updateMany({ where: { pseudonym: { in: english } }, data: { locale: "en" } });
    const repo = createBroadcastRepository(db.prisma, { now, timeZone: "Asia/Phnom_Penh" });
    const idleWorker = { wake() {}, async hold() {}, unhold() {} };
    const started: unknown[] = [];
    const service = createBroadcastService({
      repo,
      delivery: createDelivery(createOutboxRepository(db.prisma, now), idleWorker, now),
      events: {
        record: async (_who: string, type: string, attrs: unknown) => {
          if (type === "broadcast.started") started.push(attrs);
        },
      },
      logger: createLogger({ level: "silent" }),
      now,
      usefulLabel: () => "👍",
    });
    const id = await repo.create({
      createdBy: "trainer-chunks",
      km: { text: "សួស្តី", entities: [] },
      en: { text: "Hello", entities: [] },
      media: null,
      audience: ALL_OFFICERS,
      urgent: false,
      scheduledAt: now(),
    });

    expect(await service.startDue(now())).toBe(1);
    await service.ensureQueued(id); // the progress loop asking again changes nothing

    const b = await repo.get(id);
    const job = await db.prisma.deliveryJob.findUniqueOrThrow({ where: { key: `broadcast:${id}` } });
    expect(b?.jobId).toBe(job.id);
    expect(job.filling).toBe(false);
    const rows = await db.prisma.outboxMessage.findMany({ where: { jobId: job.id } });
    expect(rows).toHaveLength(people.length);
    const text = (r: (typeof rows)[number]) => (r.payload as { params: { text?: string } }).params.text;
    for (const r of rows) expect(text(r)).toBe(english.includes(r.recipient) ? "Hello" : "សួស្តី");
    expect(started).toEqual([{ recipients: people.length, urgent: false }]);
  });
});
