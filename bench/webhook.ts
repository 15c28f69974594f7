// `npm run bench:webhook`: updates posted to 1 and then 2 bot instances in webhook mode (real processes, the real
// middleware: update claims, chat locks, sessions), each answering /help through the local emulator. A client posts
// from 200 chats at once, each chat's updates one after the other, round robin over the instances, and measures how
// long each webhook request takes. Real PostgreSQL from BENCH_DATABASE_URL (a database is created and dropped);
// without it, PGlite and 1 instance only. One JSON line per run; the last line is JSON.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator } from "../emulator/index.js";
import { commandUpdate, freePort, postUpdate } from "../test/helpers/fleet.js";
import { adminQuery, databaseUrl } from "../test/helpers/postgres.js";
import { type BotProcess, startBotProcess } from "../test/helpers/process.js";

const UPDATES = Number(process.env.BENCH_UPDATES ?? 2000);
const CHATS = 200;
const SECRET = "bench-webhook-secret-0123456789";
const PATH = "/telegram";
const admin = process.env.BENCH_DATABASE_URL;

const emu = await startEmulator({ globalRatePerSec: Infinity, perChatPerSec: Infinity });
const dataDir = await mkdtemp(path.join(tmpdir(), "mitt-bench-webhook-"));
const dbName = `mitt_bench_webhook_${randomBytes(4).toString("hex")}`;
if (admin) await adminQuery(admin, `CREATE DATABASE ${dbName}`);
const env = { DATA_DIR: dataDir, ...(admin ? { DATABASE_URL: databaseUrl(admin, dbName) } : {}) };

async function instance(port: number): Promise<BotProcess> {
  const p = startBotProcess({
    BOT_TOKEN: "123456:BENCHWEBHOOK",
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_MODE: "webhook",
    WEBHOOK_URL: `https://mitt.example.org${PATH}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: "info",
    ...env,
  });
  await p.waitForLine("Mitt is running", 120_000);
  return p;
}

let nextId = 1;
async function run(instances: number) {
  const ports: number[] = [];
  const procs: BotProcess[] = [];
  // One after the other: the first applies the migrations.
  for (let i = 0; i < instances; i++) {
    const port = await freePort();
    ports.push(port);
    procs.push(await instance(port));
  }
  const perChat = Math.ceil(UPDATES / CHATS);
  const date = Math.floor(Date.now() / 1000);
  const latencies: number[] = [];
  const firstId = nextId;
  nextId += perChat * CHATS;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CHATS }, async (_, c) => {
      for (let k = 0; k < perChat; k++) {
        const id = firstId + k * CHATS + c;
        const t = performance.now();
        const status = await postUpdate(
          ports[id % instances] as number,
          PATH,
          commandUpdate(id, 6_600_000 + c, "help", date),
          SECRET,
        );
        latencies.push(performance.now() - t);
        if (status !== 200) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(procs.map((p) => p.stop("SIGTERM")));
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return {
    bench: "webhook",
    instances,
    db: admin ? "postgres" : "pglite",
    updates: latencies.length,
    failed,
    per_sec: Math.round(latencies.length / seconds),
    p50_ms: pct(0.5),
    p99_ms: pct(0.99),
  };
}

try {
  console.log(JSON.stringify(await run(1)));
  if (admin) console.log(JSON.stringify(await run(2)));
  else console.error("BENCH_DATABASE_URL is not set: PGlite is one process, so only 1 instance was measured.");
} finally {
  await emu.close();
  if (admin) await adminQuery(admin, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await rm(dataDir, { recursive: true, force: true });
}
