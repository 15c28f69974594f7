// `npm run worker`: a delivery worker without the bot (no polling), for sending from more processes.
// Composed from the same wiring as the bot (src/compose.ts), so it renders tips and digests the same way.
// Needs real PostgreSQL (DATABASE_URL): PGlite is one process. Several workers never send the same row.
import { Api } from "grammy";
import { bootConfig } from "./boot.js";
import { systemClock } from "./clock.js";
import { composeServices } from "./compose.js";
import { openDatabase } from "./db/open-database.js";
import { createLogger, logFatalAndExit } from "./logger.js";

const config = await bootConfig();
const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.BOT_TOKEN, config.PSEUDONYM_KEY ?? ""] });
logFatalAndExit(logger);
if (!config.DATABASE_URL) {
  logger.fatal({ msg: "a separate delivery worker needs DATABASE_URL (the embedded database is single-process)" });
  process.exit(1);
}
const { db, applied } = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
if (applied.length) logger.info({ msg: "migrations applied", applied });
const api = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
const { worker } = await composeServices({ config, logger, db, now: systemClock, api: () => api });
const shutdown = async (signal: string) => {
  logger.info({ msg: "shutting down", signal });
  await worker.stop();
  await db.close();
  logger.info({ msg: "stopped" });
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
worker.start();
logger.info({ msg: "delivery worker running", db: db.backend });
