// The operational endpoints every process serves on PORT: /healthz, /readyz, /metrics.
import type { Now } from "../clock.js";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { readMigrationsList } from "../db/migrations.js";
import type { OutboxRepository } from "../db/repositories/outbox.js";
import { healthz, readyz } from "./health.js";
import { metrics } from "./metrics.js";
import type { Route } from "./server.js";

export function healthRoutes(opts: {
  config: Config;
  db: Database;
  now: Now;
  outbox: Pick<OutboxRepository, "dueBacklog">;
}): Record<string, Route> {
  let shipped: Promise<number> | undefined;
  return {
    "/healthz": healthz,
    "/readyz": readyz({
      prisma: opts.db.prisma,
      now: opts.now,
      migrations: () => {
        shipped ??= readMigrationsList().then((l) => l.migrationDirectories.length);
        return shipped;
      },
      dueBacklog: (at) => opts.outbox.dueBacklog(at),
      maxBacklog: opts.config.READY_MAX_OUTBOX_BACKLOG,
      maxLagSeconds: opts.config.READY_MAX_UPDATE_LAG_SECONDS,
    }),
    "/metrics": metrics,
  };
}
