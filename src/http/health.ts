// /healthz: the process is alive and its event loop turns. /readyz: this instance can serve: the database answers
// within two seconds, every migration is applied, the outbox backlog and the update lag are under their limits.
// A load balancer sends updates only to ready instances; a supervisor restarts an instance that is not healthy.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Now } from "../clock.js";
import type { PrismaClient } from "../db/generated/client.ts";
import { telemetry } from "../telemetry.js";
import { sendJson } from "./server.js";

export interface ReadinessOptions {
  prisma: PrismaClient;
  now: Now;
  /** How many migrations this build ships (all must be applied). */
  migrations: () => Promise<number>;
  dueBacklog: (at: Date) => Promise<number>;
  maxBacklog: number;
  maxLagSeconds: number;
  timeoutMs?: number;
}

export function healthz(_req: IncomingMessage, res: ServerResponse) {
  sendJson(res, 200, { ok: true });
}

export function readyz(opts: ReadinessOptions) {
  const timeoutMs = opts.timeoutMs ?? 2000;
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const checks: Record<string, unknown> = {};
    let ready = true;
    try {
      await withTimeout(
        (async () => {
          const [row] = await opts.prisma.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
          checks.database = "ok";
          const applied = Number(row?.n ?? 0);
          const expected = await opts.migrations();
          checks.migrations = applied >= expected ? "ok" : `${expected - applied} pending`;
          if (applied < expected) ready = false;
          const backlog = await opts.dueBacklog(opts.now());
          checks.outbox_backlog = backlog;
          if (backlog > opts.maxBacklog) ready = false;
        })(),
        timeoutMs,
      );
    } catch {
      checks.database = "unreachable";
      ready = false;
    }
    // The lag of the last update counts for a minute: an idle bot has no lag to report.
    const lag = telemetry().lastLag;
    if (opts.now().getTime() - lag.at < 60_000) {
      checks.update_lag_seconds = Math.round(lag.seconds);
      if (lag.seconds > opts.maxLagSeconds) ready = false;
    }
    sendJson(res, ready ? 200 : 503, { ready, checks });
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => undefined); // a late failure after the timeout is not an unhandled rejection
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
