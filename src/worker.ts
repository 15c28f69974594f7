// `npm run worker`: a process without the bot (no updates), for sending and for the scheduler's jobs.
// Composed from the same wiring as the bot (src/compose.ts), so it renders tips and digests the same way.
// Needs real PostgreSQL (DATABASE_URL): PGlite is one process. It takes part in the sender election with the bot
// instances (only the elected process sends, and edits broadcast progress), runs the scheduler when JOBS=worker,
// and serves /healthz, /readyz and /metrics on PORT when set.
import { Api } from "grammy";
import { bootConfig } from "./boot.js";
import { createBroadcastProgress } from "./bot/broadcast-progress.js";
import { systemClock } from "./clock.js";
import { composeServices } from "./compose.js";
import { openDatabase } from "./db/open-database.js";
import { createSendingRole } from "./fleet/sending.js";
import { healthRoutes } from "./http/routes.js";
import { createHttpServer } from "./http/server.js";
import { createLogger, logFatalAndExit } from "./logger.js";

const { config } = await bootConfig();
const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.BOT_TOKEN, config.PSEUDONYM_KEY ?? ""] });
logFatalAndExit(logger);
if (!config.DATABASE_URL) {
  logger.fatal({ msg: "a separate delivery worker needs DATABASE_URL (the embedded database is single-process)" });
  process.exit(1);
}
const now = systemClock;
const { db, applied } = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
if (applied.length) logger.info({ msg: "migrations applied", applied });
const api = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
const s = await composeServices({ config, logger, db, now, api: () => api });
const broadcastProgress = createBroadcastProgress({
  api,
  service: s.broadcasts,
  members: s.members,
  i18n: s.i18n,
  logger,
  quiet: { timeZone: config.TZ, hours: config.QUIET_HOURS, now },
});
const sending = createSendingRole({ config, logger, worker: s.worker, broadcastProgress });
const http =
  config.PORT !== undefined ? createHttpServer(healthRoutes({ config, db, now, outbox: s.outbox }), logger) : undefined;
const shutdown = async (signal: string) => {
  logger.info({ msg: "shutting down", signal });
  await http?.close();
  await s.scheduler.stop();
  await sending.stop();
  await db.close();
  logger.info({ msg: "stopped" });
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
if (http) await http.listen(config.PORT as number);
if (config.JOBS === "worker") s.scheduler.start();
sending.start();
logger.info({ msg: "delivery worker running", db: db.backend, jobs: config.JOBS === "worker" });
