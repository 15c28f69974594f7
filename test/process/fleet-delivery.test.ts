// Two bot instances (webhook mode) and a worker on one PostgreSQL send a broadcast to 2,000 officers and a tip slot
// for the same 2,000: no officer is missed, none gets a message twice, and Telegram never sees more than
// SEND_RATE_PER_SEC sends in any second, although every process could send: one of them is elected to. Half-way,
// the elected sender is killed with SIGKILL; another takes over. Rows whose send was in flight at the kill may go out
// again (Telegram has no idempotency key): at most DELIVERY_CONCURRENCY of them. /metrics shows the sends moving.
// PostgreSQL only: PGlite is one process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, isSendingMethod, startEmulator } from "../../emulator/index.js";
import { createDatabase, type Database } from "../../src/db/client.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { backend, createProcessDatabaseEnv } from "../helpers/db.js";
import { seedRecipients, textRows } from "../helpers/delivery.js";
import { freePort, until } from "../helpers/fleet.js";
import { type BotProcess, startBotProcess, startWorkerProcess } from "../helpers/process.js";
import { queueMondayTipSlot, queueOnlyDelivery } from "../helpers/tip-slot.js";

const OFFICERS = 2000;
const FIRST_CHAT = 8_300_000;
const RATE = 300;
const CONCURRENCY = 16;
let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;
let db: Database;

beforeAll(async () => {
  // Telegram's own limits are not what is measured here: the emulator admits far more, and the test counts.
  emu = await startEmulator({ globalRatePerSec: 5000, perChatPerSec: Infinity });
  dbEnv = await createProcessDatabaseEnv();
  if (backend() !== "postgres") return;
  db = await createDatabase({ databaseUrl: dbEnv.env.DATABASE_URL });
  await db.migrate();
});
afterAll(async () => {
  await db?.close();
  await emu.close();
  await dbEnv.cleanup();
});

const common = () => ({
  BOT_TOKEN: "123456:FLEETSEND",
  TELEGRAM_API_ROOT: emu.apiRoot,
  SEND_RATE_PER_SEC: String(RATE),
  DELIVERY_CONCURRENCY: String(CONCURRENCY),
  DELIVERY_LEASE_SECONDS: "5",
  DELIVERY_SEND_TIMEOUT_SECONDS: "2",
  DELIVERY_MAX_RETRY_AFTER_SECONDS: "2",
  QUIET_HOURS: "00:00-00:00",
  // The test queues the broadcast and the tip slot itself. With the scheduler on, the worker's own tips job would
  // also queue the real slot of the hour the suite happens to run at (08:00 local, for example) to the same officers.
  JOBS: "off",
  ...dbEnv.env,
});

async function bot(port: number): Promise<BotProcess> {
  const p = startBotProcess({
    ...common(),
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://mitt.example.org/telegram",
    WEBHOOK_SECRET: "fleet-send-secret-0123456789",
    PORT: String(port),
  });
  await p.waitForLine("Mitt is running", 60_000);
  return p;
}

/** The most sends Telegram saw in any 1,000 ms window. */
function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

const sentCount = async (port: number) => {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^mitt_sends_total\{outcome="sent"\} (\d+)/m.exec(text)?.[1] ?? 0);
};

describe("two instances and a worker", () => {
  it.runIf(backend() === "postgres")(
    "When a broadcast and a tip slot go to 2,000 officers and the sending instance is killed half-way, then nobody is missed, duplicates are at most the sends in flight, and the rate holds",
    async () => {
      const people = await seedRecipients(db.prisma, OFFICERS, FIRST_CHAT, "fl");
      const delivery = queueOnlyDelivery(db.prisma);

      // The first bot instance starts alone, so it is the elected sender; then the other and the worker.
      const ports = [await freePort(), await freePort(), await freePort()];
      const first = await bot(ports[0] as number);
      const [, worker] = await Promise.all([
        bot(ports[1] as number),
        (async () => {
          const w = startWorkerProcess({ ...common(), PORT: String(ports[2]) });
          await w.waitForLine("delivery worker running", 60_000);
          return w;
        })(),
      ]);
      expect(first.lines.some((l) => l.includes("elected sender"))).toBe(true);

      const chats = new Set(people.map((p) => p.chatId));
      const sendTimes: number[] = [];
      const broadcast = new Map<number, number>();
      const tips = new Map<number, number>();
      emu.on("call", (c) => {
        if (c.ok && isSendingMethod(c.method)) sendTimes.push(c.at);
        if (!c.ok || c.method !== "sendMessage" || !c.message || !chats.has(c.message.chat.id)) return;
        const to = c.message.text?.startsWith("fleet-bc") ? broadcast : tips;
        to.set(c.message.chat.id, (to.get(c.message.chat.id) ?? 0) + 1);
      });

      await delivery.queue({ key: "fleet-bc", kind: "broadcast", urgent: true }, textRows(people, "fleet-bc"));
      expect(await queueMondayTipSlot(db.prisma)).toBe(OFFICERS);

      await until(() => broadcast.size + tips.size >= OFFICERS, 40_000, "half of the messages sent");
      const before = await sentCount(ports[0] as number);
      expect(before).toBeGreaterThan(0);
      first.child.kill("SIGKILL");
      await first.exited;

      await until(() => broadcast.size >= OFFICERS && tips.size >= OFFICERS, 60_000, "every message sent");
      // Someone else took over, and its /metrics counts what it sent.
      const successor = await Promise.any(
        ports.slice(1).map(async (port) => ((await sentCount(port)) > 0 ? port : Promise.reject(new Error("idle")))),
      );
      expect(await sentCount(successor)).toBeGreaterThan(0);

      const dup = (m: Map<number, number>) => [...m.values()].reduce((a, n) => a + n - 1, 0);
      expect(broadcast.size).toBe(OFFICERS);
      expect(tips.size).toBe(OFFICERS);
      expect(dup(broadcast) + dup(tips)).toBeLessThanOrEqual(CONCURRENCY);
      // Every sending call counts (edits and replies too). The pacer keeps the rate when it sends; the emulator stamps
      // arrivals, which network jitter bunches by a few percent: Telegram's burst tolerance.
      expect(peakPerSecond(sendTimes)).toBeLessThanOrEqual(RATE * 1.1);
      const states = await createOutboxRepository(db.prisma, () => new Date()).countByState();
      expect(states.queued ?? 0).toBe(0);
      expect(states.sending ?? 0).toBe(0);
      await worker.stop();
    },
    120_000,
  );
});
