// Entry point: read .env and the environment, validate, start Mitt, stop cleanly on SIGINT/SIGTERM.
import { existsSync } from "node:fs";
import { createApp } from "./app.js";
import { ConfigError, createConfig } from "./config.js";
import { createLogger, logFatalAndExit } from "./logger.js";

// Node's own .env loader; variables already in the environment win.
if (existsSync(".env")) process.loadEnvFile(".env");

let config: ReturnType<typeof createConfig>;
try {
  config = createConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    for (const line of err.lines) console.error(line);
    process.exit(1);
  }
  throw err;
}

const logger = createLogger({
  level: config.LOG_LEVEL,
  pretty: config.NODE_ENV === "development" && process.stdout.isTTY,
  secrets: [config.BOT_TOKEN, config.PSEUDONYM_KEY ?? ""],
});
logFatalAndExit(logger);

try {
  const app = await createApp({ config, logger });
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
