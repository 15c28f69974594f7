// The delivery engine's crash guarantee, with the real process (`npm start` runs src/main.ts): a 2,000-recipient
// job, SIGKILL mid-way, a restart, and every recipient ends with exactly one message, except at most the rows
// whose send was in flight at the kill (DELIVERY_CONCURRENCY of them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { createDatabase } from "../../src/db/client.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { createProcessDatabaseEnv } from "../helpers/db.js";
import { seedRecipients, summarize, textRows, trackDeliveries } from "../helpers/delivery.js";
import { type BotProcess, startBotProcess } from "../helpers/process.js";

const RECIPIENTS = 2000;
const CONCURRENCY = 4;
let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;
let proc: BotProcess | undefined;

beforeAll(async () => {
  emu = await startEmulator({ globalRatePerSec: 400, perChatPerSec: 1 });
  dbEnv = await createProcessDatabaseEnv();
});
afterAll(async () => {
  await proc?.stop("SIGKILL");
  await emu.close();
  await dbEnv.cleanup();
});

async function boot(): Promise<BotProcess> {
  proc = startBotProcess({
    BOT_TOKEN: "123456:CRASH",
    TELEGRAM_API_ROOT: emu.apiRoot,
    SEND_RATE_PER_SEC: "250",
    DELIVERY_CONCURRENCY: String(CONCURRENCY),
    DELIVERY_LEASE_SECONDS: "3",
    DELIVERY_SEND_TIMEOUT_SECONDS: "1",
    DELIVERY_MAX_RETRY_AFTER_SECONDS: "1",
    ...dbEnv.env,
  });
  await proc.waitForLine("Mitt is running", 60_000);
  return proc;
}

describe("delivery after a crash", () => {
  it("When the sending process is killed with SIGKILL mid-job and restarted, then every recipient gets one message, duplicates only from sends in flight", async () => {
    const db = await createDatabase({ databaseUrl: dbEnv.env.DATABASE_URL, dataDir: dbEnv.env.DATA_DIR });
    await db.migrate();
    const people = await seedRecipients(db.prisma, RECIPIENTS, 9_000_000, "crash");
    await createOutboxRepository(db.prisma, () => new Date()).createJob(
      { key: "crash-job", kind: "broadcast", urgent: true },
      textRows(people, "crash"),
    );
    await db.close();

    const track = trackDeliveries(emu, "crash");
    const first = await boot();
    await track.waitForChats(600);
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeRestart = track.counts.size;
    expect(beforeRestart).toBeLessThan(RECIPIENTS);

    await boot();
    await track.waitForChats(RECIPIENTS, 90_000);
    const result = summarize(people, track.counts);
    expect(result.lost).toBe(0);
    expect(result.duplicates).toBeLessThanOrEqual(CONCURRENCY);
    track.stop();
  }, 180_000);
});
