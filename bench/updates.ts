// `npm run bench:updates`: Mitt beside a bare grammY bot (bench/updates-bare-bot.ts, same grammY and runner
// settings), each started in turn as a child process against the emulator, itself a child process that also drives
// the load (bench/updates-emulator.ts). Per command (/start by enrolled officers, /help, /tip, a tip's "helpful"
// press): updates/s of both and their ratio; then reply latency at a steady rate over a mix of the four, resident
// memory after start and after all updates, the cold start (spawn to first reply, fresh data directory or
// database, migrations included), and per update of each command: CPU time of both bots, Mitt's garbage-collection
// pauses, and its SQL statements and transactions (bench/probe.mjs measures them inside each bot).
// Embedded PGlite by default; PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set (a database of its own,
// dropped afterwards). Quick run: BENCH_STEADY_SECONDS=10 BENCH_BURST=500. The last line is the JSON result.
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadTipLibrary, tipFilesDigest } from "../src/content/tips.js";
import { createDatabase } from "../src/db/client.js";
import { createTipRepository } from "../src/db/repositories/tips.js";
import { tipButton } from "../src/services/buttons.js";
import { createPseudonymizer } from "../src/services/pseudonym.js";
import { adminQuery, databaseUrl } from "../test/helpers/postgres.js";
import { seedEnrolledOfficers } from "./seed-officers.js";
import type { Kind, Op } from "./updates-emulator.js";

const ALL_KINDS: Kind[] = ["start", "help", "tip", "press"];
// BENCH_KINDS=help,tip: bursts of those only (a profile of one command); the JSON line then has only their ratios.
const KINDS = process.env.BENCH_KINDS
  ? ALL_KINDS.filter((k) => process.env.BENCH_KINDS?.split(",").includes(k))
  : ALL_KINDS;
if (!KINDS.length) throw new Error(`BENCH_KINDS: none of ${ALL_KINDS.join(", ")}`);
const USERS = Number(process.env.BENCH_USERS ?? 1_000);
const BURST = Number(process.env.BENCH_BURST ?? 2_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const WARM_UP = Math.min(200, BURST);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 60);
const TOKEN = "123456:BENCH-updates";
const KEY = "bench-updates-pseudonym-key-0123456789abcdef";
const ROOT = path.resolve(import.meta.dirname, "..");
const PROBE = path.join(ROOT, "bench/probe.mjs");
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
const DB = adminUrl ? "postgres" : "pglite";
const FIRST_USER = 7_000_000;

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) c.kill("SIGKILL");
});

/**
 * How Mitt is started: the compiled build when there is one (`npm run build`) with `npm start`'s node flags, else
 * the TypeScript source through tsx. The one place to change when the production command line changes.
 */
function startMitt(env: NodeJS.ProcessEnv): ChildProcess {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of Mitt, written there when it stops (open it in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const dist = path.join(ROOT, "dist/main.js");
  if (existsSync(dist)) return spawnNode(dist, [...startFlags(), ...prof, "--import", PROBE], env);
  return spawnNode(path.join(ROOT, "src/main.ts"), [...prof, "--import", "tsx", "--import", PROBE], env);
}

/** Node's flags in `npm start` (package.json), so Mitt runs here as it does in production (heap sizes). */
function startFlags(): string[] {
  // BENCH_NODE_FLAGS="…" instead, to compare others (an empty string: none).
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((arg) => arg.startsWith("--"));
}

function spawnNode(file: string, execArgv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = fork(file, [], { cwd: ROOT, env, execArgv, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  child.stderr?.on("data", (d) => process.stderr.write(d));
  return child;
}

/**
 * Keeps reading a child's output, so a full pipe never blocks it. BENCH_MITT_LOG=<file>: appended there instead
 * (to see which job ran when latency spiked; `job run` lines are at info level).
 */
function drain(child: ChildProcess) {
  const file = process.env.BENCH_MITT_LOG;
  if (file) child.stdout?.pipe(createWriteStream(file, { flags: "a" }));
  else child.stdout?.resume();
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

interface Probe {
  statements: number;
  transactions: number;
  rss: number;
  heapUsed: number;
  cpuMs: number;
  gcMs: number;
}
const probe = (child: ChildProcess) =>
  new Promise<Probe>((resolve) => {
    const on = (m: unknown) => {
      if (!(m && typeof m === "object" && "probe" in m)) return;
      child.off("message", on);
      resolve((m as { probe: Probe }).probe);
    };
    child.on("message", on);
    child.send({ probe: true });
  });

// The emulator and load driver.
const emulator = spawnNode(path.join(ROOT, "bench/updates-emulator.ts"), ["--import", "tsx"], process.env);
const { apiRoot } = await new Promise<{ apiRoot: string }>((resolve) =>
  emulator.once("message", (m) => resolve(m as { apiRoot: string })),
);
let seq = 0;
function drive<T>(op: Op): Promise<T> {
  const id = ++seq;
  return new Promise<T>((resolve) => {
    const on = (m: unknown) => {
      if ((m as { id?: number }).id !== id) return;
      emulator.off("message", on);
      resolve((m as { result: T }).result);
    };
    emulator.on("message", on);
    emulator.send({ id, ...op });
  });
}
const userIds = Array.from({ length: USERS }, (_, i) => FIRST_USER + i);
await drive({ op: "users", ids: userIds });

/** A fresh database: a new PGlite data directory, or a new PostgreSQL database (dropped by cleanup). */
async function freshStore() {
  const dir = await mkdtemp(path.join(tmpdir(), "mitt-bench-"));
  if (!adminUrl) return { dir, url: "", cleanup: () => rm(dir, { recursive: true, force: true }) };
  const name = `bench_updates_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  return {
    dir,
    url: databaseUrl(adminUrl, name),
    async cleanup() {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const mittEnv = (store: { dir: string; url: string }): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "production",
  BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  PSEUDONYM_KEY: KEY,
  DATA_DIR: store.dir,
  DATABASE_URL: store.url,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  BENCH_SQL_COUNT: "1",
  // Quick runs send each officer more than a person would: the limiter still runs, but drops nothing.
  FLOOD_LIMIT_PER_10S: "10000",
  BENCH_SQL_LOG: process.env.BENCH_SQL_LOG,
  BENCH_SQL_SLOW: process.env.BENCH_SQL_SLOW,
});

/** Enrolled officers (as earlier onboardings left them) and the tip library, as Mitt would have synced it. */
async function seed(store: { dir: string; url: string }): Promise<string> {
  const db = await createDatabase({ databaseUrl: store.url || undefined, dataDir: store.dir });
  await db.migrate();
  const now = () => new Date();
  const tips = createTipRepository(db.prisma, now);
  // With the files' digest, as Mitt's own start records it: a restart then skips reading them (as in production).
  await tips.sync(await loadTipLibrary(), await tipFilesDigest());
  const pseudonyms = createPseudonymizer(KEY);
  await seedEnrolledOfficers(
    db.prisma,
    pseudonyms,
    userIds.map((id) => ({ id, pseudonym: pseudonyms.fresh() })),
    now(),
  );
  const tip = await db.prisma.tip.findFirst({ where: { archivedAt: null }, orderBy: { id: "asc" } });
  await db.close();
  return tipButton.pack({ act: "h", id: tip?.id ?? "none" });
}

interface Run {
  perSec: Record<Kind, number>;
  /** Each officer's first update of the day (/help): the sender read and the activity write. */
  firstPerSec: number;
  lost: number;
  sql?: Record<Kind, { statements: number; transactions: number }>;
  /** CPU time (user + system) of the bot's process, and its garbage-collection pauses, per update in each burst (ms). */
  cpuPerUpdate: Record<Kind, number>;
  gcPerUpdate: Record<Kind, number>;
  steady?: { sent: number; replies: number; p50: number; p99: number; max: number; worstAt: string };
  rssStartMb: number;
  rssEndMb: number;
  heapEndMb: number;
  updates: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const round1 = (x: number) => Math.round(x * 10) / 10;
// Statements per update are fractions once updates handled together share one (tip-view-batches.ts).
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Starts a bot and resolves once it waits for updates (its first long poll). */
async function launch(start: () => ChildProcess): Promise<ChildProcess> {
  const polling = drive({ op: "await-poll" });
  const child = start();
  drain(child);
  await polling;
  return child;
}

async function measure(child: ChildProcess, pressData: string, withSteady: boolean): Promise<Run> {
  const rssStartMb = mb((await probe(child)).rss);
  let updates = 0;
  let lost = 0;
  // Every officer's first update of the day reads who they are and writes the day's activity; later ones are
  // answered from memory. One /help from each officer first, measured on its own, so the bursts below compare
  // commands as an officer's later updates of the day (before this, /start, measured first, paid all of that).
  const first = await drive<{ replies: number; perSec: number }>({
    op: "burst",
    kind: "help",
    n: USERS,
    pressData,
    timeoutMs: 120_000,
  });
  updates += USERS;
  lost += USERS - first.replies;
  // Warm-up (JIT, connection pool, caches): a short burst of each.
  for (const kind of KINDS) {
    const r = await drive<{ replies: number }>({ op: "burst", kind, n: WARM_UP, pressData, timeoutMs: 60_000 });
    updates += WARM_UP;
    lost += WARM_UP - r.replies;
  }
  const perSec = {} as Record<Kind, number>;
  const sql = {} as Record<Kind, { statements: number; transactions: number }>;
  const cpuPerUpdate = {} as Record<Kind, number>;
  const gcPerUpdate = {} as Record<Kind, number>;
  for (const kind of KINDS) {
    const before = await probe(child);
    const r = await drive<{ replies: number; perSec: number }>({
      op: "burst",
      kind,
      n: BURST,
      pressData,
      timeoutMs: 120_000,
    });
    const after = await probe(child);
    updates += BURST;
    lost += BURST - r.replies;
    perSec[kind] = r.perSec;
    sql[kind] = {
      statements: round2((after.statements - before.statements) / BURST),
      transactions: round2((after.transactions - before.transactions) / BURST),
    };
    cpuPerUpdate[kind] = (after.cpuMs - before.cpuMs) / BURST;
    gcPerUpdate[kind] = (after.gcMs - before.gcMs) / BURST;
  }
  let steady: Run["steady"];
  if (withSteady) {
    steady = await drive({
      op: "steady",
      kinds: KINDS,
      rate: RATE,
      seconds: STEADY_SECONDS,
      pressData,
      timeoutMs: 30_000,
    });
    updates += steady?.sent ?? 0;
    lost += (steady?.sent ?? 0) - (steady?.replies ?? 0);
  }
  const end = await probe(child);
  return {
    perSec,
    firstPerSec: first.perSec,
    lost,
    sql,
    cpuPerUpdate,
    gcPerUpdate,
    steady,
    rssStartMb,
    rssEndMb: mb(end.rss),
    heapEndMb: mb(end.heapUsed),
    updates,
  };
}

console.log(
  `bench:updates on ${DB}: ${USERS} officers, bursts of ${BURST} per command, ${RATE}/s for ${STEADY_SECONDS} s`,
);

// 1. The bare grammY bot.
const bareEnv = { PATH: process.env.PATH, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot };
const bare = await launch(() =>
  spawnNode(path.join(ROOT, "bench/updates-bare-bot.ts"), ["--import", "tsx", "--import", PROBE], bareEnv),
);
const bareRun = await measure(bare, "h:x", true);
await stop(bare);
await drive({ op: "reset" });

// 2. Cold start of Mitt: a fresh data directory (or empty database), an update already waiting.
const cold = await freshStore();
const newcomer = FIRST_USER - 1;
await drive({ op: "inject-start", userId: newcomer });
const reply = drive<number>({ op: "first-reply", userId: newcomer, timeoutMs: 120_000 });
const spawnedAt = Date.now();
const coldMitt = startMitt(mittEnv(cold));
drain(coldMitt);
const coldStartMs = (await reply) - spawnedAt;
await stop(coldMitt);
await cold.cleanup();
await drive({ op: "reset" });

// 3. Mitt on a seeded database.
const store = await freshStore();
let t = performance.now();
const pressData = await seed(store);
console.log(`seeded ${USERS} enrolled officers in ${Math.round(performance.now() - t)} ms`);
t = performance.now();
const mitt = await launch(() => startMitt(mittEnv(store)));
// The start on a migrated database (spawn to the first long poll), beside the cold start above.
const warmStartMs = Math.round(performance.now() - t);
const mittRun = await measure(mitt, pressData, true);
await stop(mitt);
await store.cleanup();
emulator.kill();

const ratio = {} as Record<Kind, number>;
// Per update in the bursts: CPU time of each bot's process, and the part of Mitt's spent in garbage-collection pauses.
const columns = [
  "command",
  "bare/s",
  "Mitt/s",
  "ratio",
  "CPU ms bare",
  "CPU ms Mitt",
  "GC ms Mitt",
  "statements",
  "transactions",
];
const row = (cells: (string | number)[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(8) : String(c).padStart(columns[i]?.length ?? 0))).join("  ");
console.log(`\n${row(columns)}   (per update; statements and transactions: Mitt's SQL)`);
for (const kind of KINDS) {
  ratio[kind] = Math.round((mittRun.perSec[kind] / bareRun.perSec[kind]) * 100) / 100;
  const s = mittRun.sql?.[kind];
  console.log(
    row([
      kind,
      Math.round(bareRun.perSec[kind]),
      Math.round(mittRun.perSec[kind]),
      ratio[kind].toFixed(2),
      bareRun.cpuPerUpdate[kind].toFixed(3),
      mittRun.cpuPerUpdate[kind].toFixed(3),
      mittRun.gcPerUpdate[kind].toFixed(3),
      s?.statements ?? "",
      s?.transactions ?? "",
    ]),
  );
}
console.log(
  `first update of the day per officer (/help, before the bursts): bare ${Math.round(bareRun.firstPerSec)}/s, Mitt ${Math.round(mittRun.firstPerSec)}/s`,
);
const st = mittRun.steady;
const bst = bareRun.steady;
console.log(
  `\nsteady ${RATE}/s for ${STEADY_SECONDS} s (mix of the four): Mitt p50 ${st?.p50.toFixed(1)} ms, p99 ${st?.p99.toFixed(1)} ms, max ${st?.max.toFixed(0)} ms at ${st?.worstAt}; bare p50 ${bst?.p50.toFixed(1)} ms, p99 ${bst?.p99.toFixed(1)} ms`,
);
console.log(
  `memory (RSS): Mitt ${mittRun.rssStartMb} MB after start, ${mittRun.rssEndMb} MB after ${mittRun.updates} updates (heap ${mittRun.heapEndMb} MB); bare ${bareRun.rssStartMb} → ${bareRun.rssEndMb} MB`,
);
console.log(
  `cold start to first reply (fresh ${DB === "pglite" ? "data directory" : "database"}, migrations included): ${coldStartMs} ms`,
);
console.log(`start on a migrated database to polling: ${warmStartMs} ms`);
if (mittRun.lost || bareRun.lost) console.log(`updates without a reply: Mitt ${mittRun.lost}, bare ${bareRun.lost}`);
console.log(
  JSON.stringify({
    bench: "updates",
    db: DB,
    ratio,
    p50_ms: round1(st?.p50 ?? 0),
    p99_ms: round1(st?.p99 ?? 0),
    rss_mb: mittRun.rssEndMb,
    cold_start_ms: coldStartMs,
  }),
);
process.exit(0);
