// The worker process on its own (`npm run worker`, no bot) delivers a tip slot: it is composed from the same
// wiring as the bot (src/compose.ts), so it has the tip renderer. It needs real PostgreSQL (PGlite is one process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { createDatabase, type Database } from "../../src/db/client.js";
import { backend, createProcessDatabaseEnv } from "../helpers/db.js";
import { seedRecipients, summarize } from "../helpers/delivery.js";
import { startWorkerProcess } from "../helpers/process.js";
import { queueMondayTipSlot } from "../helpers/tip-slot.js";

const OFFICERS = 2000;
const FIRST_CHAT = 8_100_000;
let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;
let db: Database;

beforeAll(async () => {
  emu = await startEmulator({ globalRatePerSec: 1000, perChatPerSec: 1 });
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

describe("the worker alone", () => {
  it.runIf(backend() === "postgres")(
    "When only the worker process runs through a tip slot for 2,000 officers, then every officer gets their tip",
    async () => {
      const people = await seedRecipients(db.prisma, OFFICERS, FIRST_CHAT, "wt");
      // Queued here, sent by the worker alone.
      expect(await queueMondayTipSlot(db.prisma)).toBe(OFFICERS);

      const chats = new Set(people.map((p) => p.chatId));
      const counts = new Map<number, number>();
      let done: () => void = () => {};
      const allReached = new Promise<void>((resolve) => {
        done = resolve;
      });
      emu.on("call", (c) => {
        if (!c.ok || c.method !== "sendMessage" || !c.message || !chats.has(c.message.chat.id)) return;
        counts.set(c.message.chat.id, (counts.get(c.message.chat.id) ?? 0) + 1);
        if (counts.size === OFFICERS) done();
      });
      const worker = startWorkerProcess({
        BOT_TOKEN: "123456:WORKERTIPS",
        TELEGRAM_API_ROOT: emu.apiRoot,
        SEND_RATE_PER_SEC: "500",
        // Sending hours are not what this test is about: the real clock may be in the default quiet hours.
        QUIET_HOURS: "00:00-00:00",
        ...dbEnv.env,
      });
      await worker.waitForLine("delivery worker running", 60_000);
      await allReached;
      await worker.stop();

      const result = summarize(people, counts);
      expect(result).toEqual({ lost: 0, duplicates: 0, delivered: OFFICERS });
      const skipped = await db.prisma.outboxMessage.count({ where: { state: { not: "sent" } } });
      expect(skipped).toBe(0);
    },
    120_000,
  );
});
