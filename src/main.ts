// Entry point: read .env and the environment, validate, start Mitt, stop cleanly on SIGINT/SIGTERM.
import { createApp } from "./app.js";
import { bootConfig } from "./boot.js";
import { createLogger, logFatalAndExit } from "./logger.js";

const { config, botInfo } = await bootConfig();

const logger = createLogger({
  level: config.LOG_LEVEL,
  pretty: config.NODE_ENV === "development" && process.stdout.isTTY,
  secrets: [config.BOT_TOKEN, config.PSEUDONYM_KEY ?? ""],
});
logFatalAndExit(logger);

try {
  const app = await createApp({ config, logger, botInfo });
  const shutdown = async (signal: string) => {
    logger.info({ msg: "shutting down", signal });
    await app.stop();
    logger.info({ msg: "stopped" });
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.start();
} catch (err) {
  logger.fatal({ msg: "start-up failed", err });
  process.exit(1);
}
