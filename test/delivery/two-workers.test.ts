// Two workers on one database never send the same row: two worker loops claiming from one outbox (on either
// backend). On real Postgres, two worker processes (`npm run worker`) hold an election and only the elected one
// sends (SEND_RATE_PER_SEC is the bot's total, src/fleet/sending.ts); the other stands by.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { createDatabase, type Database } from "../../src/db/client.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { createTelegramSender } from "../../src/delivery/telegram-sender.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
import { createLogger } from "../../src/logger.js";
import { backend, createProcessDatabaseEnv } from "../helpers/db.js";
import { seedRecipients, summarize, textRows, trackDeliveries } from "../helpers/delivery.js";
import { type BotProcess, startWorkerProcess } from "../helpers/process.js";

const RECIPIENTS = 1000;
let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;
let db: Database;

beforeAll(async () => {
  emu = await startEmulator({ globalRatePerSec: 600, perChatPerSec: 1 });
  dbEnv = await createProcessDatabaseEnv();
  db = await createDatabase({ databaseUrl: dbEnv.env.DATABASE_URL, dataDir: dbEnv.env.DATA_DIR });
  await db.migrate();
});
afterAll(async () => {
  await db.close();
  await emu.close();
  await dbEnv.cleanup();
});

describe("two workers", () => {
  it("When two workers drain one job from the same database, then no recipient gets two messages", async () => {
    const people = await seedRecipients(db.prisma, RECIPIENTS, 9_500_000, "pair");
    const outbox = createOutboxRepository(db.prisma, () => new Date());
    const track = trackDeliveries(emu, "pair");
    await outbox.createJob({ key: "pair", kind: "broadcast", urgent: true }, textRows(people, "pair"));

    const workers = [1, 2].map(() =>
      createDeliveryWorker({
        outbox,
        send: createTelegramSender("123456:PAIR", emu.apiRoot),
        logger: createLogger({ level: "silent" }),
        ratePerSec: 250,
        timeZone: "Asia/Phnom_Penh",
        defaultQuiet: { start: "21:00", end: "07:00" },
        idlePollMs: 50,
        now: () => new Date(),
      }),
    );
    for (const w of workers) w.start();
    await track.waitForChats(RECIPIENTS, 60_000);
    await Promise.all(workers.map((w) => w.stop()));
    for (const w of workers) expect(w.stats.sent).toBeGreaterThan(0);
    track.stop();
    expect(summarize(people, track.counts)).toEqual({ lost: 0, duplicates: 0, delivered: RECIPIENTS });
  }, 120_000);

  it.runIf(backend() === "postgres")(
    "When two worker processes run, then one is elected and sends everything, once",
    async () => {
      const people = await seedRecipients(db.prisma, RECIPIENTS, 9_600_000, "elect");
      const outbox = createOutboxRepository(db.prisma, () => new Date());
      const track = trackDeliveries(emu, "elect");
      await outbox.createJob({ key: "elect", kind: "broadcast", urgent: true }, textRows(people, "elect"));
      const env = { BOT_TOKEN: "123456:PAIR", TELEGRAM_API_ROOT: emu.apiRoot, SEND_RATE_PER_SEC: "250", ...dbEnv.env };
      const procs: BotProcess[] = [startWorkerProcess(env), startWorkerProcess(env)];
      await Promise.all(procs.map((p) => p.waitForLine("delivery worker running", 60_000)));
      await track.waitForChats(RECIPIENTS, 60_000);
      await Promise.all(procs.map((p) => p.stop()));
      const elected = procs.filter((p) => p.lines.some((l) => l.includes('"msg":"elected sender"')));
      expect(elected).toHaveLength(1);
      expect(JSON.parse(await (elected[0] as BotProcess).waitForLine("delivery worker stopped")).sent).toBe(RECIPIENTS);
      track.stop();
      expect(summarize(people, track.counts)).toEqual({ lost: 0, duplicates: 0, delivered: RECIPIENTS });
    },
    120_000,
  );
});
