// `npm run bench:summary`: a year of data for 5,000 officers (1,000,000 usage events, 100,000 check-ins), then
// the time of the full /summary computation for the last 4 weeks with a province breakdown (median of 3): bringing
// the rollup up to date, every aggregate query, and suppression. The last quarter is timed too (…_quarter).
// Drawing the charts and writing the text and CSV is timed apart (ms_render_*). Embedded PGlite always; real Postgres too when TEST_DATABASE_URL or DATABASE_URL is set
// (in a database of its own, dropped afterwards). The last line is the JSON result.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createI18n } from "../src/bot/i18n.js";
import { createDatabase, type Database } from "../src/db/client.js";
import { createMetricsRepository } from "../src/db/repositories/metrics.js";
import { createMetricsRollup } from "../src/db/repositories/metrics-rollup.js";
import { METRIC_PASSIVE_EVENTS } from "../src/services/metrics/catalogue.js";
import { createSummaryService } from "../src/services/metrics/summary-service.js";
import { seedSummaryData } from "./summary-seed.js";

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 5_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CHECKINS = Number(process.env.BENCH_CHECKINS ?? 100_000);
/** The headline period (the default a staff member picks); the last quarter is timed too, for comparison. */
const PERIOD = process.env.BENCH_PERIOD ?? "4w";
const ALSO = "quarter";
const RUNS = 3;
const TZ = "Asia/Phnom_Penh";
const now = new Date("2026-11-25T10:00:00+07:00");
const i18n = createI18n();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

interface Timings {
  compute: number;
  render: number;
  quarter: number;
}

async function bench(db: Database, label: string): Promise<Timings> {
  await db.migrate();
  let t = performance.now();
  await seedSummaryData(db.prisma, { officers: OFFICERS, events: EVENTS, checkins: CHECKINS, now, timeZone: TZ });
  console.log(`${label}: seeded in ${Math.round(performance.now() - t)} ms`);
  // What the metrics-rollup job has done by the time someone asks: the rollup built, statistics fresh.
  const rollup = createMetricsRollup(db.prisma, { timeZone: TZ, passive: METRIC_PASSIVE_EVENTS });
  t = performance.now();
  const rows = await rollup.rebuildAll(now);
  await rollup.analyze();
  console.log(`${label}: rollup built (${rows} officer-weeks) and analysed in ${Math.round(performance.now() - t)} ms`);
  const summaries = createSummaryService({
    rollup,
    metrics: createMetricsRepository(db.prisma, TZ),
    topics: async () => [],
    events: { async record() {} },
    t: (l, k, v) => i18n.t(l, k, v),
    timeZone: TZ,
    now: () => now,
  });
  const compute: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    const view = await summaries.compute(PERIOD, "province", "full");
    compute.push(performance.now() - t);
    if (!view) throw new Error("no period");
    t = performance.now();
    const report = await summaries.report(view, "km");
    render.push(performance.now() - t);
    if (i === 0) console.log(`${label}: ${view.groups.length} provinces, ${report.charts.length} charts`);
  }
  console.log(
    `${label}: compute ${compute.map(Math.round).join(", ")} ms; render ${render.map(Math.round).join(", ")} ms`,
  );
  const quarter: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await summaries.compute(ALSO, "province", "full");
    quarter.push(performance.now() - t);
  }
  console.log(`${label}: compute for the last quarter ${quarter.map(Math.round).join(", ")} ms`);
  return {
    compute: Math.round(median(compute)),
    render: Math.round(median(render)),
    quarter: Math.round(median(quarter)),
  };
}

const lite = await createDatabase({});
const pglite = await bench(lite, "pglite");
await lite.close();

let postgres: Timings | undefined;
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) {
  const name = `mitt_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await createDatabase({ databaseUrl: target.toString() });
  try {
    postgres = await bench(db, "postgres");
  } finally {
    await db.close();
  }
  // Not WITH (FORCE): killing a connection that a pool still holds idle would crash this process. Idle pool
  // connections close by themselves within seconds, so the drop is retried for a while.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      break;
    } catch (err) {
      if (attempt >= 30) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await admin.end();
}

console.log(
  JSON.stringify({
    bench: "summary",
    events: EVENTS,
    checkins: CHECKINS,
    officers: OFFICERS,
    period: PERIOD,
    breakdown: "province",
    ms_pglite: pglite.compute,
    ...(postgres ? { ms_postgres: postgres.compute } : {}),
    ms_pglite_quarter: pglite.quarter,
    ...(postgres ? { ms_postgres_quarter: postgres.quarter } : {}),
    ms_render_pglite: pglite.render,
    ...(postgres ? { ms_render_postgres: postgres.render } : {}),
  }),
);
