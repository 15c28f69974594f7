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

function startProcess(entry: string, env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
