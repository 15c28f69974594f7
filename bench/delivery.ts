// `npm run bench:delivery`: 10,000 recipients through the real delivery worker against the local emulator
// enforcing a global cap of 300/s and per-chat pacing. Embedded PGlite by default; BENCH_DATABASE_URL for
// real Postgres. The last line is the JSON result.
import { fork } from "node:child_process";
import { createDatabase } from "../src/db/client.js";
import { createOutboxRepository } from "../src/db/repositories/outbox.js";
import { createTelegramSender } from "../src/delivery/telegram-sender.js";
import { createDeliveryWorker } from "../src/delivery/worker.js";
import { createLogger } from "../src/logger.js";
import { seedRecipients, summarize, textRows } from "../test/helpers/delivery.js";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CAP = 300;
// The pacer keeps every sliding second at or under SEND_RATE_PER_SEC; 2.5% below the cap absorbs the jitter
// between leaving this process and arriving at the emulator.
const RATE = CAP * 0.975;

interface Summary {
  perChat: Record<string, number>;
  http429: number;
  first: number;
  last: number;
}
const emulator = fork(new URL("./emulator-process.ts", import.meta.url).pathname, {
  env: { ...process.env, CAP: String(CAP) },
  execArgv: ["--import", "tsx"],
});
const nextMessage = <T>() => new Promise<T>((resolve) => emulator.once("message", (m) => resolve(m as T)));
const { apiRoot } = await nextMessage<{ apiRoot: string }>();
const db = await createDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL });
await db.migrate();
await db.prisma.$executeRawUnsafe("TRUNCATE outbox, delivery_jobs, members, identities CASCADE");
const people = await seedRecipients(db.prisma, RECIPIENTS, 5_000_000, "bench");
const now = () => new Date();
const outbox = createOutboxRepository(db.prisma, now);
await outbox.createJob({ key: `bench-${Date.now()}`, kind: "broadcast", urgent: true }, textRows(people, "bench"));

const worker = createDeliveryWorker({
  outbox,
  send: createTelegramSender("123456:BENCH", apiRoot),
  logger: createLogger({ level: "silent" }),
  ratePerSec: RATE,
  concurrency: 8,
  timeZone: "Asia/Phnom_Penh",
  defaultQuiet: { start: "21:00", end: "07:00" },
  idlePollMs: 50,
  now,
});
const started = performance.now();
worker.start();
console.log(`sending ${RECIPIENTS} messages at up to ${RATE}/s against a ${CAP}/s cap …`);
const deadline = Date.now() + (RECIPIENTS / CAP) * 3000 + 30_000;
// A benchmark may poll: nothing here asserts on timing, it only waits for the queue to drain.
while (
  Date.now() < deadline &&
  (await db.prisma.outboxMessage.count({ where: { state: { in: ["queued", "sending"] } } }))
)
  await new Promise((r) => setTimeout(r, 250));
const seconds = (performance.now() - started) / 1000;
await worker.stop();

emulator.send("summary");
const summary = await nextMessage<Summary>();
emulator.kill();
const counts = new Map(Object.entries(summary.perChat).map(([chat, n]) => [Number(chat), n]));
const sent = [...counts.values()].reduce((a, b) => a + b, 0);
const achieved = sent / Math.max(0.001, (summary.last - summary.first) / 1000);
const { lost, duplicates } = summarize(people, counts);
await db.close();
console.log(`done in ${seconds.toFixed(1)} s (wall clock, including start-up of the first claim)`);
console.log(
  JSON.stringify({
    bench: "delivery",
    recipients: RECIPIENTS,
    cap_per_sec: CAP,
    achieved_per_sec: Math.round(achieved * 10) / 10,
    ratio: Math.round((achieved / CAP) * 1000) / 1000,
    sent,
    duplicates,
    lost,
    http_429: summary.http429,
  }),
);
