// The delivery engine in-process against the HTTP emulator, on the run's database backend.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import type { Database } from "../../src/db/client.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { createDelivery } from "../../src/delivery/delivery.js";
import { createTelegramSender } from "../../src/delivery/telegram-sender.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
import type { DeliveryWorker } from "../../src/delivery/worker-contract.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, truncateAll } from "../helpers/db.js";
import { deliveredPerChat, seedRecipients, summarize, textRows } from "../helpers/delivery.js";

const TOKEN = "123456:delivery-test";
let emu: Emulator;
let db: Database;
let workers: DeliveryWorker[] = [];
const silent = createLogger({ level: "silent" });

beforeAll(async () => {
  emu = await startEmulator({ globalRatePerSec: 400, perChatPerSec: 1 });
  db = await createTestDatabase();
});
// Each test starts from an empty outbox: a row another test left queued (say, after a failure) must not be
// claimed here.
beforeEach(() => truncateAll(db));
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
  emu.reset();
  emu.setRateLimits({ globalRatePerSec: 400, perChatPerSec: 1 });
});
afterAll(async () => {
  await db.close();
  await emu.close();
});

const realClock = () => new Date();

function startWorker(
  opts: { now?: () => Date; rate?: number; leaseSeconds?: number; sendTimeoutSeconds?: number } = {},
) {
  const now = opts.now ?? realClock;
  const outbox = createOutboxRepository(db.prisma, now);
  const worker = createDeliveryWorker({
    outbox,
    send: createTelegramSender(TOKEN, emu.apiRoot),
    logger: silent,
    ratePerSec: opts.rate ?? 300,
    timeZone: "Asia/Phnom_Penh",
    defaultQuiet: { start: "21:00", end: "07:00" },
    idlePollMs: 50,
    now,
    ...(opts.leaseSeconds ? { leaseSeconds: opts.leaseSeconds } : {}),
    ...(opts.sendTimeoutSeconds ? { sendTimeoutSeconds: opts.sendTimeoutSeconds } : {}),
    onBlocked: async (p) => {
      await db.prisma.member.update({ where: { pseudonym: p }, data: { unreachableAt: new Date() } });
    },
  });
  workers.push(worker);
  worker.start();
  return { worker, delivery: createDelivery(outbox, worker, now), outbox };
}

async function untilDone(outbox: ReturnType<typeof createOutboxRepository>, jobId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await outbox.progress(jobId);
    if (p && (p.status === "done" || p.status === "cancelled")) return p;
    if (Date.now() > deadline) throw new Error(`job not done: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("delivery worker", () => {
  it("When Telegram answers 10% 5xx and a storm of 429s, then every recipient gets exactly one message", async () => {
    const people = await seedRecipients(db.prisma, 300, 7_000_000, "storm");
    emu.setFaults({ error5xxRate: 0.1, methods: ["sendMessage"] });
    emu.force429(8, 1);
    const { delivery, outbox } = startWorker();
    const job = await delivery.queue({ key: "storm", kind: "broadcast", urgent: true }, textRows(people, "storm"));
    const progress = await untilDone(outbox, job.id);
    const result = summarize(people, deliveredPerChat(emu, "storm"));
    expect(result).toEqual({ lost: 0, duplicates: 0, delivered: 300 });
    expect(progress).toMatchObject({ sent: 300, remaining: 0, failed: {} });
    expect(emu.calls.some((c) => c.status === 429)).toBe(true);
    expect(emu.calls.some((c) => c.status === 500)).toBe(true);
  });

  it("When a recipient blocked the bot, then the row fails as blocked, they are marked unreachable and skipped next time", async () => {
    const people = await seedRecipients(db.prisma, 6, 7_100_000, "block");
    const blocked = people.slice(0, 2);
    for (const p of blocked) emu.blockChat(p.chatId);
    const { delivery, outbox } = startWorker();
    const first = await delivery.queue({ key: "block-1", kind: "broadcast", urgent: true }, textRows(people, "one"));
    expect(await untilDone(outbox, first.id)).toMatchObject({ sent: 4, failed: { blocked: 2 } });
    const marked = await db.prisma.member.findMany({
      where: { unreachableAt: { not: null }, pseudonym: { startsWith: "block" } },
    });
    expect(marked.map((m) => m.pseudonym).sort()).toEqual(blocked.map((p) => p.pseudonym).sort());

    const attemptsBefore = emu.calls.length;
    const second = await delivery.queue({ key: "block-2", kind: "broadcast", urgent: true }, textRows(people, "two"));
    expect(await untilDone(outbox, second.id)).toMatchObject({ sent: 4, skipped: { unreachable: 2 } });
    const triedAgain = emu.calls
      .slice(attemptsBefore)
      .filter((c) => blocked.some((b) => b.chatId === c.params.chat_id));
    expect(triedAgain).toEqual([]);
  });

  it("When Telegram rejects a message with 400, then the row fails with Telegram's reason and is not retried", async () => {
    const [p] = await seedRecipients(db.prisma, 1, 7_200_000, "bad");
    const { delivery, outbox } = startWorker();
    const rows = [
      {
        recipient: p?.pseudonym ?? "",
        payload: { method: "sendMessage" as const, params: { text: "x".repeat(5000) } },
      },
    ];
    const job = await delivery.queue({ key: "too-long", kind: "broadcast", urgent: true }, rows);
    const progress = await untilDone(outbox, job.id);
    expect(Object.keys(progress.failed)[0]).toMatch(/too long/i);
    expect(emu.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("When the same job key is queued twice, then nobody gets the message twice", async () => {
    const people = await seedRecipients(db.prisma, 5, 7_300_000, "twice");
    const { delivery, outbox } = startWorker();
    const a = await delivery.queue({ key: "twice", kind: "tip", urgent: true }, textRows(people, "twice"));
    const b = await delivery.queue({ key: "twice", kind: "tip", urgent: true }, textRows(people, "twice"));
    expect(b).toMatchObject({ id: a.id, created: false });
    await untilDone(outbox, a.id);
    expect(summarize(people, deliveredPerChat(emu, "twice"))).toEqual({ lost: 0, duplicates: 0, delivered: 5 });
  });

  it("When a job is paused, then sending stops; when resumed, it finishes without duplicates", async () => {
    const people = await seedRecipients(db.prisma, 120, 7_400_000, "pause");
    const { delivery, outbox } = startWorker({ rate: 40 });
    const job = await delivery.queue({ key: "pause", kind: "broadcast", urgent: true }, textRows(people, "pause"));
    await emu.waitFor((c) => c.ok && (c.message?.text ?? "").startsWith("pause"));
    expect(await delivery.pause(job.id)).toBe(true);
    // Rows already claimed may still go out; once they settle, no row of a paused job can be claimed.
    let atPause = await outbox.progress(job.id);
    while (atPause && atPause.sending > 0) {
      await new Promise((r) => setTimeout(r, 20)); // poll without starving PGlite's single connection
      atPause = await outbox.progress(job.id);
    }
    expect(atPause?.queued).toBeGreaterThan(0);
    expect(await outbox.claim(500, new Date(), "someone-else")).toEqual([]);
    expect(deliveredPerChat(emu, "pause").size).toBe(atPause?.sent);
    expect(await delivery.resume(job.id)).toBe(true);
    await untilDone(outbox, job.id);
    expect(summarize(people, deliveredPerChat(emu, "pause"))).toEqual({ lost: 0, duplicates: 0, delivered: 120 });
  });

  it("When a job is cancelled, then the rest is skipped as cancelled and never sent", async () => {
    const people = await seedRecipients(db.prisma, 100, 7_500_000, "cancel");
    const { delivery, outbox } = startWorker({ rate: 20 });
    const job = await delivery.queue({ key: "cancel", kind: "broadcast", urgent: true }, textRows(people, "cancel"));
    await emu.waitFor((c) => c.ok && (c.message?.text ?? "").startsWith("cancel"));
    expect(await delivery.cancel(job.id)).toBe(true);
    const progress = await untilDone(outbox, job.id);
    expect(progress.status).toBe("cancelled");
    expect(progress.skipped.cancelled ?? 0).toBeGreaterThan(50);
    expect(progress.sent + (progress.skipped.cancelled ?? 0) + progress.remaining).toBe(100);
  });

  it("When a non-urgent job is due in quiet hours, then it waits for 07:00 local time while an urgent one goes out", async () => {
    const people = await seedRecipients(db.prisma, 2, 7_600_000, "quiet");
    // 22:30 in Phnom Penh (UTC+7).
    const late = () => new Date("2026-11-23T15:30:00Z");
    const { delivery, outbox } = startWorker({ now: late });
    const held = await delivery.queue({ key: "quiet-tip", kind: "tip" }, textRows(people.slice(0, 1), "held"));
    const urgent = await delivery.queue(
      { key: "quiet-urgent", kind: "broadcast", urgent: true },
      textRows(people.slice(1), "urgent"),
    );
    await untilDone(outbox, urgent.id);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { jobId: held.id } });
    expect(row.state).toBe("queued");
    expect(row.notBefore.toISOString()).toBe("2026-11-24T00:00:00.000Z"); // 07:00 local
    expect(row.attempts).toBe(0);
    expect(deliveredPerChat(emu, "held").size).toBe(0);
  });

  it("When a worker died with rows claimed, then another worker sends them after the lease", async () => {
    const people = await seedRecipients(db.prisma, 3, 7_700_000, "stale");
    const outbox = createOutboxRepository(db.prisma, realClock);
    const job = await outbox.createJob({ key: "stale", kind: "broadcast", urgent: true }, textRows(people, "stale"));
    expect(await outbox.claim(10, new Date(), "dead-worker")).toHaveLength(3);
    // The claiming worker vanished two minutes ago.
    await db.prisma.outboxMessage.updateMany({
      where: { jobId: job.id },
      data: { claimedAt: new Date(Date.now() - 120_000) },
    });
    startWorker();
    await untilDone(outbox, job.id);
    expect(summarize(people, deliveredPerChat(emu, "stale"))).toEqual({ lost: 0, duplicates: 0, delivered: 3 });
  });

  it("When settled rows are older than the retention period, then their message bodies are emptied and their state kept", async () => {
    const people = await seedRecipients(db.prisma, 2, 7_800_000, "retain");
    const { delivery, outbox } = startWorker();
    const job = await delivery.queue({ key: "retain", kind: "notification", urgent: true }, textRows(people, "retain"));
    await untilDone(outbox, job.id);
    expect(await outbox.clearSettledPayloads(new Date(Date.now() - 86_400_000))).toBe(0);
    expect(await outbox.clearSettledPayloads(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(2);
    const rows = await db.prisma.outboxMessage.findMany({ where: { jobId: job.id } });
    expect(rows.map((r) => [r.state, r.payload])).toEqual([
      ["sent", {}],
      ["sent", {}],
    ]);
  });
});

describe("outbox claims", () => {
  it("When a 429 pause outlasts a claimed row's lease, then its worker hands it back unsent and the other worker sends it once", async () => {
    const people = await seedRecipients(db.prisma, 60, 7_960_000, "lease");
    // Lease 2 s, sends may take 1 s: a row that waited more than 1 s for the pacer must not be sent by its claimer.
    const a = startWorker({ rate: 20, leaseSeconds: 2, sendTimeoutSeconds: 1 });
    startWorker({ rate: 20, leaseSeconds: 2, sendTimeoutSeconds: 1 });
    emu.force429(1, 3);
    const job = await a.delivery.queue({ key: "lease", kind: "broadcast", urgent: true }, textRows(people, "lease"));
    await untilDone(a.outbox, job.id);
    expect(summarize(people, deliveredPerChat(emu, "lease"))).toEqual({ lost: 0, duplicates: 0, delivered: 60 });
  });

  it("When a worker's claim lapsed and another worker took the row, then the first worker's settles change nothing", async () => {
    const people = await seedRecipients(db.prisma, 1, 7_900_000, "owner");
    const t0 = new Date("2026-03-02T03:00:00Z");
    const outbox = createOutboxRepository(db.prisma, () => t0);
    await outbox.createJob({ key: "owner", kind: "broadcast", urgent: true }, textRows(people, "owner"));
    const [first] = await outbox.claim(1, t0, "worker-a");
    // worker-a stalls past its lease; the row goes back and worker-b claims it.
    expect(await outbox.requeueStale(new Date(t0.getTime() + 1))).toBe(1);
    const [again] = await outbox.claim(1, t0, "worker-b");
    expect(again?.id).toBe(first?.id);
    const id = first?.id ?? 0n;

    expect(await outbox.markSent([{ id, messageId: 1 }], t0, "worker-a")).toBe(0);
    expect(await outbox.markFinal(id, "failed", "late", t0, "worker-a")).toBe(0);
    expect(await outbox.release([id], t0, true, "worker-a")).toBe(0);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "sending" });

    expect(await outbox.markSent([{ id, messageId: 2 }], t0, "worker-b")).toBe(1);
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "sent", telegramMessageId: 2, claimToken: null });
  });

  it("When rows are queued without a due time, then they are due at the application's clock, not the database's", async () => {
    const people = await seedRecipients(db.prisma, 1, 7_950_000, "clock");
    const past = new Date("2020-01-06T01:00:00Z");
    const outbox = createOutboxRepository(db.prisma, () => past);
    const job = await outbox.createJob({ key: "clock", kind: "broadcast", urgent: true }, textRows(people, "clock"));
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { jobId: job.id } });
    expect(row.notBefore.toISOString()).toBe(past.toISOString());
    expect(await outbox.claim(5, past, "w")).toHaveLength(1);
  });
});

describe("worker memory", () => {
  it("When a job reaches many chats, then the per-chat pacing remembers only a bounded number of them", async () => {
    const people = await seedRecipients(db.prisma, 60, 7_990_000, "bound");
    const outbox = createOutboxRepository(db.prisma, realClock);
    const worker = createDeliveryWorker({
      outbox,
      send: createTelegramSender(TOKEN, emu.apiRoot),
      logger: silent,
      ratePerSec: 40,
      timeZone: "Asia/Phnom_Penh",
      defaultQuiet: { start: "21:00", end: "07:00" },
      idlePollMs: 50,
      now: realClock,
      maxTrackedChats: 5,
    });
    workers.push(worker);
    worker.start();
    const job = await createDelivery(outbox, worker, realClock).queue(
      { key: "bound", kind: "broadcast", urgent: true },
      textRows(people, "bound"),
    );
    await untilDone(outbox, job.id);
    expect(summarize(people, deliveredPerChat(emu, "bound"))).toEqual({ lost: 0, duplicates: 0, delivered: 60 });
    expect(worker.trackedChats).toBeLessThan(60);
  });
});
