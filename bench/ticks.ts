// `npx tsx bench/ticks.ts`: what the scheduler's ticks cost the bot's event loop. A fresh database with 1,000
// enrolled officers (tips three times a week at 08:00, as the defaults) and a week of usage events, the bot's real
// services and jobs (src/compose.ts), and the ticks of a Friday morning in Phnom Penh run as the scheduler runs them
// (each job due that minute claimed and run in its own turn, as they fire at seconds of their own): 07:58 (the first,
// cold), 07:59, 08:00 (the 08:00 tip slot for every officer, the idle check-in job), 08:01, and 03:05 (the nightly
// rollup). For each tick: the jobs run and the longest event-loop block while they ran (on PGlite a statement runs
// on the event loop itself; an update waiting then waits that long). BENCH_TOGETHER=1 starts a minute's jobs
// together instead. PGlite by default; PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set (a database of its
// own, dropped afterwards). Last line: JSON.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import cron from "node-cron";
import { composeServices } from "../src/compose.js";
import { createConfig } from "../src/config.js";
import { openDatabase } from "../src/db/open-database.js";
import { createLogger } from "../src/logger.js";
import { createPseudonymizer } from "../src/services/pseudonym.js";
import { adminQuery, databaseUrl } from "../test/helpers/postgres.js";
import { seedEnrolledOfficers } from "./seed-officers.js";

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 1_000);
const EVENTS_PER_OFFICER = 20;
const KEY = "bench-ticks-pseudonym-key-0123456789abcdef";
const TZ = "Asia/Phnom_Penh";
const TICKS = ["2026-11-27T07:58", "2026-11-27T07:59", "2026-11-27T08:00", "2026-11-27T08:01", "2026-11-28T03:05"];
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
// BENCH_TOGETHER=1: the jobs due in a minute start together, as they did before each had a second of its own.
const TOGETHER = process.env.BENCH_TOGETHER === "1";

const dir = await mkdtemp(path.join(tmpdir(), "mitt-ticks-"));
const name = `bench_ticks_${randomBytes(4).toString("hex")}`;
if (adminUrl) await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
const url = adminUrl ? databaseUrl(adminUrl, name) : undefined;
const config = createConfig({ BOT_TOKEN: "123456:BENCH-ticks", PSEUDONYM_KEY: KEY, DATA_DIR: dir, DATABASE_URL: url });
const logger = createLogger({ level: "warn" });
const { db } = await openDatabase({ databaseUrl: url, dataDir: dir });

// Officers as enrolment leaves them, and a week of their usage (the rollup's input).
let clock = new Date(`${TICKS[0]}:00+07:00`).getTime() - 60_000;
const now = () => new Date(clock);
const pseudonyms = createPseudonymizer(KEY);
const people = Array.from({ length: OFFICERS }, (_, i) => ({ id: 8_000_000 + i, pseudonym: pseudonyms.fresh() }));
const at = now();
await seedEnrolledOfficers(db.prisma, pseudonyms, people, at);
await db.prisma.usageEvent.createMany({
  data: people.flatMap((p) =>
    Array.from({ length: EVENTS_PER_OFFICER }, (_, i) => ({
      pseudonym: p.pseudonym,
      type: i % 2 ? "tip.sent" : "tip.feedback",
      attrs: { topic: "rapport", via: "on_demand", kind: "helpful" },
      occurredAt: new Date(at.getTime() - i * 6 * 3_600_000),
    })),
  ),
});

const s = await composeServices({
  config,
  logger,
  db,
  now,
  api: () => {
    throw new Error("no Telegram in this bench");
  },
});
// node-cron's matcher (the one the scheduler ticks by) decides which jobs are due at a minute of the app's clock.
type Matcher = { match(at: Date): boolean };
const matchers = s.scheduler.list().map((j) => {
  const task = cron.createTask(j.cron, () => {}, { timezone: TZ });
  return { name: j.name, task, matcher: (task as unknown as { timeMatcher: Matcher }).timeMatcher };
});
const dueAt = (at: Date) => matchers.filter((m) => m.matcher.match(at)).map((m) => m.name);

/** Runs `work`, returning its wall time and the longest gap between 1 ms timer turns meanwhile. */
async function blocking(work: () => Promise<void>): Promise<{ ms: number; block: number }> {
  let block = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const t = performance.now();
    block = Math.max(block, t - last - 1);
    last = t;
  }, 1);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(timer);
  return { ms, block: Math.max(0, block) };
}

const result: Record<string, number> = {};
for (const tick of TICKS) {
  clock = new Date(`${tick}:00+07:00`).getTime();
  const jobs = dueAt(now());
  let longest = 0;
  const parts: string[] = [];
  if (TOGETHER) {
    const r = await blocking(async () => void (await Promise.all(jobs.map((job) => s.scheduler.tick(job, now())))));
    longest = r.block;
    parts.push(`${jobs.join(" + ")} together ${r.ms.toFixed(0)} ms`);
  } else {
    for (const job of jobs) {
      const r = await blocking(() => s.scheduler.tick(job, now()));
      longest = Math.max(longest, r.block);
      parts.push(`${job} ${r.ms.toFixed(0)} ms (block ${r.block.toFixed(0)})`);
    }
  }
  result[tick.slice(11)] = Math.round(longest);
  console.log(`${tick} local: longest block ${longest.toFixed(0)} ms; ${parts.join(", ")}`);
}
for (const m of matchers) await m.task.destroy();
await db.close();
if (adminUrl) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await rm(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: "ticks",
    db: adminUrl ? "postgres" : "pglite",
    officers: OFFICERS,
    longest_block_ms: result,
  }),
);
process.exit(0);
