// `npm run worker`: a delivery worker without the bot (no polling), for sending from more processes.
// Composed from the same wiring as the bot (src/compose.ts), so it renders tips and digests the same way.
// Needs real PostgreSQL (DATABASE_URL): PGlite is one process. Several workers never send the same row.
import { existsSync } from "node:fs";
import { Api } from "grammy";
import { systemClock } from "./clock.js";
import { composeServices } from "./compose.js";
import { ConfigError, createConfig } from "./config.js";
import { createDatabase } from "./db/client.js";
import { createLogger, logFatalAndExit } from "./logger.js";

if (existsSync(".env")) process.loadEnvFile(".env");
let config: ReturnType<typeof createConfig>;
try {
  config = createConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  for (const line of err.lines) console.error(line);
  process.exit(1);
}
const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.BOT_TOKEN, config.PSEUDONYM_KEY ?? ""] });
logFatalAndExit(logger);
if (!config.DATABASE_URL) {
  logger.fatal({ msg: "a separate delivery worker needs DATABASE_URL (the embedded database is single-process)" });
  process.exit(1);
}
const db = await createDatabase({ databaseUrl: config.DATABASE_URL });
await db.migrate();
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
