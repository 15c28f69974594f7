// Prometheus metrics (GET /metrics, src/http): one registry per process, with Node's default metrics. Counters
// carry kinds and outcomes only, never a person, a chat or a text. Gauges read from the database (outbox rows by
// state) are collected when scraped.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export function createTelemetry() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "mitt_" });
  const lag = new Gauge({
    name: "mitt_update_lag_seconds",
    help: "How late the last update with a date reached its handler",
    registers: [registry],
  });
  let lastLag = { seconds: 0, at: 0 };
  let readOutbox: (() => Promise<Record<string, number>>) | undefined;
  new Gauge({
    name: "mitt_outbox_rows",
    help: "Outbox rows by state (read from the database when scraped)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await readOutbox?.().catch(() => undefined);
      for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
    },
  });
  return {
    registry,
    updates: new Counter({
      name: "mitt_updates_total",
      help: "Updates received, by type and outcome (handled, duplicate, error)",
      labelNames: ["type", "outcome"] as const,
      registers: [registry],
    }),
    updateSeconds: new Histogram({
      name: "mitt_update_duration_seconds",
      help: "Time to handle one update, by type",
      labelNames: ["type"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    sends: new Counter({
      name: "mitt_sends_total",
      help: "Bulk sends (outbox) by outcome: sent, rate_limited, blocked, rejected, transient",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "mitt_telegram_429_total",
      help: "429 Too Many Requests answers to bulk sends",
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: "mitt_scheduler_runs_total",
      help: "Scheduler job ticks by outcome: ran, failed, taken (another instance ran it), busy (still running)",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
    jobSeconds: new Histogram({
      name: "mitt_scheduler_run_seconds",
      help: "Run time of scheduler jobs",
      labelNames: ["job"] as const,
      buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    sender: new Gauge({
      name: "mitt_elected_sender",
      help: "1 while this process is the elected bulk sender",
      registers: [registry],
    }),
    /** An update sent `seconds` ago reached its handler at `at` (epoch ms). */
    observeLag(seconds: number, at: number) {
      lastLag = { seconds: Math.max(0, seconds), at };
      lag.set(lastLag.seconds);
    },
    get lastLag() {
      return lastLag;
    },
    /** Where the outbox gauge reads its counts (the last app composed in this process). */
    outboxCounts(read: () => Promise<Record<string, number>>) {
      readOutbox = read;
    },
  };
}

export type Telemetry = ReturnType<typeof createTelemetry>;

/** A process has one telemetry; tests that build several apps in one process share it. */
let shared: Telemetry | undefined;
export function telemetry(): Telemetry {
  shared ??= createTelemetry();
  return shared;
}
