// Applies migrations in a short-lived child process (`src/db/cli/migrate.ts --json`), so the WASM migration
// engine's memory goes away with it instead of staying in the bot for its whole life. The child runs the
// same code as `npm run db:migrate`: compiled JavaScript next to this file, or TypeScript through tsx in dev.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface MigrateTarget {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export class MigrationError extends Error {}

export function migrateInChild(target: MigrateTarget): Promise<string[]> {
  const typescript = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(`./cli/migrate.${typescript ? "ts" : "js"}`, import.meta.url));
  const loader = typescript ? ["--import", import.meta.resolve("tsx")] : [];
  const child = spawn(process.execPath, [...loader, entry, "--json"], {
    env: { ...process.env, DATABASE_URL: target.databaseUrl ?? "", DATA_DIR: target.dataDir ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) return resolve((JSON.parse(last) as { applied: string[] }).applied);
      const reason = stderr.trim().split("\n").filter(Boolean).at(-1) ?? `exit code ${code}`;
      reject(new MigrationError(`migrations could not be applied: ${reason}`));
    });
  });
}
