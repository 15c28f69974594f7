// Loaded with `--import` into the processes `npm run bench:updates` starts (never in production): answers
// { probe: true } on IPC with memory figures, the CPU time and garbage-collection pause time used so far and, when
// BENCH_SQL_COUNT=1, the number of SQL statements and transactions Prisma sent through its driver adapter (PGlite
// or pg), counted by wrapping the adapter factory.
// BENCH_SQL_SLOW=<ms>: statements that took longer are written to stderr with their time (what stalled a run).
import { PerformanceObserver } from "node:perf_hooks";

const counts = { statements: 0, transactions: 0 };
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ["gc"] });
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;
const SLOW_MS = Number(process.env.BENCH_SQL_SLOW ?? 0);

function wrapQueryable(q) {
  for (const name of ["queryRaw", "executeRaw"]) {
    const original = q[name].bind(q);
    q[name] = (query) => {
      if (!CONTROL.test(query.sql)) counts.statements++;
      if (process.env.BENCH_SQL_LOG === "1")
        process.stderr.write(`SQL ${Date.now()} ${name} ${query.sql.replace(/\s+/g, " ").slice(0, 160)}\n`);
      if (!SLOW_MS) return original(query);
      const started = performance.now();
      const at = new Date().toISOString();
      return original(query).finally(() => {
        const ms = performance.now() - started;
        if (ms > SLOW_MS)
          process.stderr.write(
            `SLOW SQL started ${at} took ${Math.round(ms)} ms: ${query.sql.replace(/\s+/g, " ").slice(0, 200)}\n`,
          );
      });
    };
  }
  return q;
}

async function patch(modulePath, exportName) {
  const mod = await import(modulePath);
  const Factory = mod[exportName];
  const connect = Factory.prototype.connect;
  Factory.prototype.connect = async function (...args) {
    const adapter = wrapQueryable(await connect.apply(this, args));
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...a) => {
      counts.transactions++;
      return wrapQueryable(await start(...a));
    };
    return adapter;
  };
}

if (process.env.BENCH_SQL_COUNT === "1") {
  // Not awaited: awaiting held Mitt's own start behind these imports (about a second of the start figures on a busy
  // machine). Mitt loads the same modules meanwhile and first connects long after they are patched.
  void patch("pglite-prisma-adapter", "PrismaPGlite");
  void patch("@prisma/adapter-pg", "PrismaPg");
}

process.on("message", (msg) => {
  if (msg?.probe !== true) return;
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  process.send?.({
    probe: { ...counts, rss: m.rss, heapUsed: m.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000, gcMs },
  });
});
