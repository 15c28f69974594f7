// Runs `src/main.ts` as a real child process (what `npm start` runs), for restart and start-up tests.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface BotProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first log line containing `fragment` (already seen or still to come). */
  waitForLine(fragment: string, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startBotProcess(env: Record<string, string>): BotProcess {
  return startProcess("src/main.ts", env);
}

/** `npm run worker`: a delivery worker without the bot. */
export function startWorkerProcess(env: Record<string, string>): BotProcess {
  return startProcess("src/worker.ts", env);
}

/**
 * Every child process a test started and that may still run. Each is the leader of its own process group,
 * so killing the group also ends anything it started. test/process-cleanup.ts kills what a test leaves behind
 * (after each test, including one that timed out, and when the test file ends).
 */
const live = new Set<ChildProcess>();

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The processes started since `mark` (a value of `processMark()`) that are still running. */
export const processMark = () => [...live];
export function killProcessesSince(before: ChildProcess[]): void {
  for (const child of live) if (!before.includes(child)) killGroup(child);
}
export function killAllProcesses(): void {
  for (const child of live) killGroup(child);
}

/**
 * A child shares the test's clock: when the suite runs under libfaketime (`faketime -f +400d npm test`), the
 * preload and its settings pass on, as every process of one deployment shares one machine clock.
 */
function clockEnv(): Record<string, string> {
  const pass = Object.entries(process.env).filter(
    ([k, v]) => v !== undefined && (k === "LD_PRELOAD" || k.startsWith("FAKETIME") || k === "DONT_FAKE_MONOTONIC"),
  );
  return Object.fromEntries(pass) as Record<string, string>;
}

/** What `npm start` runs after `npm run build`: the compiled bot, without the TypeScript launcher. */
export function startBuiltBotProcess(env: Record<string, string>): BotProcess {
  return startProcess("dist/main.js", env);
}

function startProcess(entry: string, env: Record<string, string>): BotProcess {
  const loader = entry.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...loader, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...clockEnv(), NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      for (const l of listeners) l(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitForLine(fragment, timeoutMs = 30_000) {
      const seen = lines.find((l) => l.includes(fragment));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(on);
          reject(
            new Error(`no log line with "${fragment}" in ${timeoutMs} ms; last lines:\n${lines.slice(-10).join("\n")}`),
          );
        }, timeoutMs);
        const on = (line: string) => {
          if (!line.includes(fragment)) return;
          clearTimeout(timer);
          listeners.delete(on);
          resolve(line);
        };
        listeners.add(on);
        void exited.then(() => {
          if (!listeners.has(on)) return;
          clearTimeout(timer);
          listeners.delete(on);
          reject(new Error(`process exited before "${fragment}"; last lines:\n${lines.slice(-10).join("\n")}`));
        });
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
