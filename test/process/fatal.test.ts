// What nothing caught ends the process through pino, redacted, with a non-zero exit (so a supervisor restarts it):
// both entry points (src/main.ts, src/worker.ts) install this handler first (logFatalAndExit in src/logger.ts).
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function run(kind: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/fatal-entry.ts", kind], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.once("exit", (code) => resolve({ code, out }));
  });
}

describe("fatal errors", () => {
  it.each([
    ["rejection", "unhandled rejection"],
    ["exception", "uncaught exception"],
  ])(
    "When an unhandled %s reaches the top, then one redacted fatal line is logged and the exit code is 1",
    async (kind, msg) => {
      const { code, out } = await run(kind);
      expect(code).toBe(1);
      const line = JSON.parse(out.trim().split("\n").at(-1) as string);
      expect(line).toMatchObject({ level: 60, msg });
      expect(out).not.toContain("FATALTOKEN");
      expect(out).toContain("[redacted]");
    },
  );

  it("When the entry points start, then each installs the fatal handler before anything else can fail", async () => {
    for (const entry of ["src/main.ts", "src/worker.ts"]) {
      expect(await readFile(path.join(ROOT, entry), "utf8")).toMatch(/logFatalAndExit\(logger\)/);
    }
  });
});
