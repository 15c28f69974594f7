// Checks made before anything starts, so a wrong setting stops Mitt within seconds with one line that names it,
// instead of hanging (grammY retries an unreachable Bot API for ever, with back-offs of up to 20 minutes) or
// failing later with a message about something else. Each check is bounded by a timeout; they run side by side.
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import path from "node:path";
import type { UserFromGetMe } from "grammy/types";
import pg from "pg";
import type { Config } from "./config.js";

const TIMEOUT_MS = 5_000;

export interface StartupCheck {
  /** One line each for the operator: the setting's name first, then what is wrong. No secrets. */
  problems: string[];
  /** The bot's own account from the Bot API's getMe, handed to grammY so that it does not ask again. */
  botInfo: UserFromGetMe | undefined;
}

export async function runStartupChecks(config: Config): Promise<StartupCheck> {
  const needsDataDir = !config.DATABASE_URL || !config.PSEUDONYM_KEY;
  const [dataDir, database, api] = await Promise.all([
    needsDataDir ? checkDataDir(config.DATA_DIR) : undefined,
    config.DATABASE_URL ? checkDatabase(config.DATABASE_URL) : undefined,
    checkBotApi(config.TELEGRAM_API_ROOT, config.BOT_TOKEN),
  ]);
  const problems = [dataDir, database, api.problem].filter((r): r is string => typeof r === "string");
  return { problems, botInfo: api.botInfo };
}

async function checkDataDir(dir: string): Promise<string | undefined> {
  const probe = path.join(dir, `.write-check-${randomBytes(4).toString("hex")}`);
  try {
    await makeDirectory(path.resolve(dir));
    await writeFile(probe, "");
    await rm(probe);
    return undefined;
  } catch (err) {
    return `DATA_DIR ${path.resolve(dir)} is not a writable directory (${codeOf(err)})`;
  }
}

/**
 * `mkdir -p` one level at a time: Node 20's recursive mkdir never returns for some paths (under /proc it loops
 * on ENOENT), and a check must end.
 */
async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "EEXIST") return;
    const parent = path.dirname(dir);
    if (code !== "ENOENT" || parent === dir) throw err;
    await makeDirectory(parent);
    await mkdir(dir);
  }
}

async function checkDatabase(url: string): Promise<string | undefined> {
  let where: string;
  try {
    const u = new URL(url);
    // Host, port and database only: the URL may hold a password.
    where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "DATABASE_URL is not a valid URL (postgresql://user:password@host:5432/database)";
  }
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  client.on("error", () => {}); // A connection lost after the check is not this check's business.
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (err) {
    return `DATABASE_URL: cannot use the database at ${where} (${codeOf(err)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkBotApi(root: string, token: string): Promise<{ problem?: string; botInfo?: UserFromGetMe }> {
  let res: { status: number; body: unknown };
  try {
    res = await getJson(`${root.replace(/\/$/, "")}/bot${token}/getMe`, TIMEOUT_MS);
  } catch (err) {
    const timedOut = err instanceof Error && err.name === "TimeoutError";
    return {
      problem: timedOut
        ? `TELEGRAM_API_ROOT ${root} did not answer within ${TIMEOUT_MS / 1000} s`
        : `TELEGRAM_API_ROOT ${root} is unreachable (${codeOf(err)})`,
    };
  }
  if (res.status === 401 || res.status === 404)
    return { problem: `BOT_TOKEN was refused by the Bot API at ${root} (${res.status})` };
  const body = res.body as { ok?: boolean; result?: UserFromGetMe } | undefined;
  if (res.status !== 200 || body?.ok !== true || !body.result)
    return { problem: `TELEGRAM_API_ROOT ${root} does not answer as a Bot API (HTTP ${res.status})` };
  return { botInfo: body.result };
}

/**
 * One GET with a deadline for the whole exchange, through node:http(s): the global fetch would load undici (about
 * 50 ms of start-up) for this one request, and grammY does not use it.
 */
function getJson(url: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    // No keep-alive: the connection closes with the check.
    const req = (url.startsWith("https:") ? httpsGet : httpGet)(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("end", () => {
        clearTimeout(timer);
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })),
      timeoutMs,
    );
    req.on("error", fail);
    function fail(err: Error) {
      clearTimeout(timer);
      reject(err);
    }
  });
}

/** A short, secret-free reason: the system error code when there is one, else the error's first line. */
function codeOf(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  const code = (err as { code?: unknown })?.code ?? (cause as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  // PostgreSQL's own errors (SQLSTATE codes) say it best in words: "database "x" does not exist".
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return message.split("\n")[0] ?? code;
  if (typeof code === "string" && code) return code;
  return message.split("\n")[0]?.slice(0, 160) || "unknown error";
}
