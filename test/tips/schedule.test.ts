// Scheduled tips with a controllable clock, on the run's database: which officers a slot queues, once only,
// the catch-up rule, and spaced-repetition selection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadTipLibrary } from "../../src/content/tips.js";
import type { Database } from "../../src/db/client.js";
import { createEventRepository } from "../../src/db/repositories/events.js";
import { createMemberRepository } from "../../src/db/repositories/members.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { FILL_CHUNK, STALE_FILL_MS } from "../../src/db/repositories/outbox-chunks.js";
import { createTipRepository } from "../../src/db/repositories/tips.js";
import { createDelivery, type Delivery } from "../../src/delivery/delivery.js";
import { createLogger } from "../../src/logger.js";
import { createTipService } from "../../src/services/tips.js";
import { createTestDatabase } from "../helpers/db.js";

const TZ = "Asia/Phnom_Penh";
const at = (iso: string) => new Date(`${iso}+07:00`);
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await createTipRepository(db.prisma, () => new Date()).sync(await loadTipLibrary());
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe(
    "TRUNCATE outbox, delivery_jobs, members, identities, tip_views, focus_topics CASCADE",
  );
});

function service(delivery?: Delivery) {
  const now = () => new Date();
  const outbox = createOutboxRepository(db.prisma, now);
  const idleWorker = { wake() {}, async hold() {}, unhold() {} };
  return createTipService({
    repo: createTipRepository(db.prisma, now),
    members: createMemberRepository(db.prisma, now),
    events: createEventRepository(db.prisma, { now, timeZone: TZ }),
    delivery: delivery ?? createDelivery(outbox, idleWorker, now),
    t: (_l, k) => k,
    timeZone: TZ,
    logger: createLogger({ level: "silent" }),
    now: () => new Date(),
  });
}

async function officer(name: string, tipFrequency: "daily" | "three_weekly" | "weekly" | "paused", tipTime = "08:00") {
  const chat = 6_000_000 + Math.floor(Math.random() * 1_000_000);
  await db.prisma.identity.create({ data: { pseudonym: name, telegramUserId: BigInt(chat), chatId: BigInt(chat) } });
  await db.prisma.member.create({
    data: {
      pseudonym: name,
      handle: name.toUpperCase(),
      consentedAt: new Date(),
      enrolledAt: new Date(),
      tipFrequency,
      tipTime,
    },
  });
}

async function recipientsOf(key: string): Promise<string[]> {
  const rows = await db.prisma.outboxMessage.findMany({ where: { job: { key } }, select: { recipient: true } });
  return rows.map((r) => r.recipient).sort();
}

describe("tip slots", () => {
  it("When Monday, Tuesday and Wednesday 08:00 come, then daily, three-times and weekly officers are queued on their days only", async () => {
    await officer("daily", "daily");
    await officer("three", "three_weekly");
    await officer("weekly", "weekly");
    await officer("paused", "paused");
    await officer("noon", "daily", "12:00");
    const tips = service();
    await tips.queueDueSlots(at("2026-11-23T08:00:00")); // Monday
    await tips.queueDueSlots(at("2026-11-24T08:00:00")); // Tuesday
    await tips.queueDueSlots(at("2026-11-25T08:00:00")); // Wednesday
    expect(await recipientsOf("tip:2026-11-23T08:00")).toEqual(["daily", "three", "weekly"]);
    expect(await recipientsOf("tip:2026-11-24T08:00")).toEqual(["daily"]);
    expect(await recipientsOf("tip:2026-11-25T08:00")).toEqual(["daily", "three"]);
  });

  it("When the scheduler runs again for the same slot (a restart, another instance), then nobody is queued twice", async () => {
    await officer("a", "daily");
    expect(await service().queueDueSlots(at("2026-11-23T08:00:00"))).toBe(1);
    expect(await service().queueDueSlots(at("2026-11-23T08:05:00"))).toBe(0);
    expect(await recipientsOf("tip:2026-11-23T08:00")).toEqual(["a"]);
  });

  it("When Mitt was down over a slot, then it is sent once, late, within 3 hours, and skipped after that", async () => {
    await officer("late", "daily", "08:00");
    await officer("missed", "daily", "06:00");
    await service().queueDueSlots(at("2026-11-23T10:30:00"));
    expect(await recipientsOf("tip:2026-11-23T08:00")).toEqual(["late"]);
    expect(await recipientsOf("tip:2026-11-23T06:00")).toEqual([]);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: "late" } });
    expect(row.notBefore.toISOString()).toBe("2026-11-23T01:00:00.000Z");
  });

  it("When a slot's officers take several chunks, then each is queued once and the job is left complete", async () => {
    const n = FILL_CHUNK * 2 + 50;
    const names = Array.from({ length: n }, (_, i) => `many-${String(i).padStart(4, "0")}`);
    await db.prisma.identity.createMany({
      data: names.map((p, i) => ({
        pseudonym: p,
        telegramUserId: BigInt(5_000_000 + i),
        chatId: BigInt(5_000_000 + i),
      })),
    });
    await db.prisma.member.createMany({
      data: names.map((p) => ({
        pseudonym: p,
        handle: p.toUpperCase(),
        consentedAt: new Date(),
        enrolledAt: new Date(),
      })),
    });
    expect(await service().queueDueSlots(at("2026-11-23T08:00:00"))).toBe(n); // Monday, three_weekly by default
    expect(await recipientsOf("tip:2026-11-23T08:00")).toEqual(names);
    const job = await db.prisma.deliveryJob.findUniqueOrThrow({ where: { key: "tip:2026-11-23T08:00" } });
    expect(job).toMatchObject({ status: "active", filling: false });
  });

  it("When filling a slot stopped halfway (the process died), then it is not finished meanwhile and a later tick adds the rest once", async () => {
    for (const name of ["a", "b", "c"]) await officer(name, "daily");
    const startedAt = new Date(Date.now() - STALE_FILL_MS - 1000);
    const job = await db.prisma.deliveryJob.create({
      data: { key: "tip:2026-11-23T08:00", kind: "tip", filling: true, createdAt: startedAt },
    });
    await db.prisma.outboxMessage.create({
      data: { jobId: job.id, recipient: "a", payload: { method: "sendMessage", params: {} }, state: "sent" },
    });
    const outbox = createOutboxRepository(db.prisma, () => new Date());
    expect(await outbox.finishDrained(new Date())).toEqual([]);
    expect(await service().queueDueSlots(at("2026-11-23T08:01:00"))).toBe(2);
    expect(await recipientsOf("tip:2026-11-23T08:00")).toEqual(["a", "b", "c"]);
    expect(await db.prisma.deliveryJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ filling: false });
  });

  it("When another instance is still filling a slot, then this one leaves it alone and asks again at the next tick", async () => {
    await officer("a", "daily");
    await db.prisma.deliveryJob.create({
      data: { key: "tip:2026-11-23T08:00", kind: "tip", filling: true, createdAt: new Date() },
    });
    const tips = service();
    expect(await tips.queueDueSlots(at("2026-11-23T08:00:00"))).toBe(0);
    expect(await recipientsOf("tip:2026-11-23T08:00")).toEqual([]);
    await db.prisma.deliveryJob.update({
      where: { key: "tip:2026-11-23T08:00" },
      data: { createdAt: new Date(Date.now() - STALE_FILL_MS - 1000) },
    });
    expect(await tips.queueDueSlots(at("2026-11-23T08:03:00"))).toBe(1);
  });

  it("When the scheduler ticks again inside a queued slot's window, then the database is not asked about it again", async () => {
    await officer("a", "daily");
    const now = () => new Date();
    const real = createDelivery(
      createOutboxRepository(db.prisma, now),
      { wake() {}, async hold() {}, unhold() {} },
      now,
    );
    const asked: string[] = [];
    const tips = service({
      ...real,
      queueInChunks(job, fill) {
        asked.push(job.key);
        return real.queueInChunks(job, fill);
      },
    });
    await tips.queueDueSlots(at("2026-11-23T08:00:00"));
    await tips.queueDueSlots(at("2026-11-23T08:01:00"));
    await tips.queueDueSlots(at("2026-11-23T10:59:00"));
    expect(asked).toEqual(["tip:2026-11-23T06:00", "tip:2026-11-23T08:00", "tip:2026-11-23T10:00"]);
  });

  it("When a tip slot is queued, then it is a non-urgent tip job, so quiet hours hold it", async () => {
    await officer("evening", "daily", "20:00");
    await service().queueDueSlots(at("2026-11-23T20:00:00"));
    const job = await db.prisma.deliveryJob.findUniqueOrThrow({ where: { key: "tip:2026-11-23T20:00" } });
    expect(job).toMatchObject({ kind: "tip", urgent: false });
  });
});

describe("tip selection", () => {
  it("When an officer has seen nothing, then tips come in curriculum order, preferring topics to improve", async () => {
    await officer("new", "daily");
    const tips = service();
    const repo = createTipRepository(db.prisma, () => new Date());
    expect(await repo.nextFor("new")).toBe("planning-01");
    await repo.recordSent("new", "planning-01", new Date());
    expect(await repo.nextFor("new")).toBe("planning-02");
    await db.prisma.focusTopic.create({ data: { pseudonym: "new", topicId: "rapport" } });
    expect(await repo.nextFor("new")).toBe("rapport-01");
    expect(tips).toBeTruthy();
  });

  it("When every tip has been seen, then 'review again' and wrong quizzes come first, then the longest unseen", async () => {
    await officer("old", "daily");
    const repo = createTipRepository(db.prisma, () => new Date());
    const all = (await db.prisma.tip.findMany({ where: { archivedAt: null }, select: { id: true } })).map((t) => t.id);
    const base = Date.UTC(2026, 0, 1);
    await db.prisma.tipView.createMany({
      data: all.map((tipId, i) => ({ pseudonym: "old", tipId, lastSentAt: new Date(base + i * 60_000) })),
    });
    expect(await repo.nextFor("old")).toBe(all[0]); // longest unseen
    await repo.recordQuiz("old", "rapport-02", false);
    await repo.setFeedback("old", "closure-01", { reviewAgain: true });
    const first = await repo.nextFor("old");
    expect(["rapport-02", "closure-01"]).toContain(first);
    await repo.recordSent("old", first ?? "", new Date());
    await repo.recordQuiz("old", "rapport-02", true);
    expect(await repo.nextFor("old")).not.toBe(first);
  });

  it("When content changes, then sync updates edited tips, archives removed ones and is idempotent", async () => {
    const repo = createTipRepository(db.prisma, () => new Date());
    const library = await loadTipLibrary();
    expect(await repo.sync(library)).toMatchObject({ created: 0, updated: 0, archived: 0 });
    const [first, removed, ...rest] = library.tips;
    if (!first || !removed) throw new Error("the library has tips");
    const edited = {
      ...library,
      tips: [{ ...first, text: { ...first.text, en: `${first.text.en} (edited)` } }, ...rest],
    };
    expect(await repo.sync(edited)).toMatchObject({ updated: 1, archived: 1 });
    expect((await repo.get(removed.id))?.archived).toBe(true);
    expect(await repo.sync(library)).toMatchObject({ updated: 2, archived: 0 });
    expect((await repo.get(removed.id))?.archived).toBe(false);
  });

  it("When a trainer archived a course tip, then the next start-up sync leaves it archived", async () => {
    const repo = createTipRepository(db.prisma, () => new Date());
    expect(await repo.archive("rapport-03", "trainer-pseudonym")).toBe(true);
    await repo.sync(await loadTipLibrary());
    expect((await repo.get("rapport-03"))?.archived).toBe(true);
  });
});
