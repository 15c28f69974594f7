// Entry point: read .env and the environment, validate, start Mitt, stop cleanly on SIGINT/SIGTERM.
// Start-up overlaps what can overlap: the bot's modules load while the start-up checks wait on the network, and
// the database opens (an embedded one compiles its WASM off the main thread) while the last of them load.
import { bootConfig } from "./boot.js";
import { createLogger, logFatalAndExit } from "./logger.js";
import { markStartup, startupMarks } from "./startup-timing.js";

markStartup("main");
const loadingApp = import("./app.js");
// Awaited below, after the checks: a failure to load must not end the process before they speak.
loadingApp.catch(() => {});

const { config, botInfo } = await bootConfig();
markStartup("checks");

const logger = createLogger({
  level: config.LOG_LEVEL,
  pretty: config.NODE_ENV === "development" && process.stdout.isTTY,
  secrets: [config.BOT_TOKEN, config.PSEUDONYM_KEY ?? ""],
});
logFatalAndExit(logger);

try {
  const opening = import("./db/open-database.js").then(({ openDatabase }) =>
    openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }),
  );
  opening.catch(() => {});
  const { createApp } = await loadingApp;
  markStartup("modules");
  const { db, applied } = await opening;
  markStartup("database");
  if (applied.length) logger.info({ msg: "migrations applied", applied });
  const app = await createApp({ config, logger, db, botInfo });
  const shutdown = async (signal: string) => {
    logger.info({ msg: "shutting down", signal });
    await app.stop();
    await db.close();
    logger.info({ msg: "stopped" });
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.start();
  logger.debug({ msg: "start-up phases (ms since the process started)", ...startupMarks() });
} catch (err) {
  logger.fatal({ msg: "start-up failed", err });
  process.exit(1);
}
