// The first steps of every entry point (bot and worker): read .env and the environment, validate them, and
// check the settings that only the world can confirm (database, data directory, Bot API). Anything wrong
// prints one line per problem, naming the setting, and exits non-zero before a logger or database exists.
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import type { UserFromGetMe } from "grammy/types";
import { type Config, ConfigError, createConfig } from "./config.js";
import { runStartupChecks } from "./startup-checks.js";

/** The validated config, and the bot's account as the Bot API described it during the checks. */
export async function bootConfig(): Promise<{ config: Config; botInfo: UserFromGetMe | undefined }> {
  tuneWasmTiering();
  // Node's own .env loader; variables already in the environment win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = createConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return exitWith(err.lines);
  }
  const { problems, botInfo } = await runStartupChecks(config);
  if (problems.length) return exitWith(problems);
  return { config, botInfo };
}

/**
 * V8 recompiles a WASM function with its optimising compiler once it has run a certain amount. PGlite's start
 * runs enough of PostgreSQL to send hundreds of functions there, compiled on background threads that compete with
 * start-up on a small machine and keep their code for good (about 1 s of CPU and 20-40 MB). A hundred times the
 * default budget leaves that to the functions that stay hot under load. Before any WASM is compiled: the budget is
 * read when a module is.
 */
function tuneWasmTiering(): void {
  setFlagsFromString("--wasm-tiering-budget=180000000");
}

function exitWith(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}
