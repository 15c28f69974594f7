// A fresh, migrated database for one test file (or one bot process), on the backend this run uses.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDatabase, type Database } from "../../src/db/client.js";
import { adminQuery, databaseUrl } from "./postgres.js";

export const backend = (): "postgres" | "pglite" => inject("testDb").kind;

/**
 * Creates a new Postgres database from the run's template. Postgres refuses to copy a template that
 * another CREATE DATABASE is copying, so parallel test files take turns through an advisory lock.
 */
async function cloneTemplate(): Promise<string> {
  const info = inject("testDb");
  if (info.kind !== "postgres") throw new Error("not in Postgres mode");
  const name = `${info.runId}_${randomBytes(4).toString("hex")}`;
  await adminQuery(info.adminUrl, [
    "SELECT pg_advisory_lock(727073)",
    `CREATE DATABASE ${name} TEMPLATE ${info.template}`,
    "SELECT pg_advisory_unlock(727073)",
  ]);
  return databaseUrl(info.adminUrl, name);
}

export async function createTestDatabase(): Promise<Database> {
  const info = inject("testDb");
  if (info.kind === "postgres") return createDatabase({ databaseUrl: await cloneTemplate() });
  return createDatabase({ loadDataDir: new Blob([await readFile(info.dumpPath)]) });
}

/** Environment for a bot child process: its own database (DATABASE_URL) or its own DATA_DIR (PGlite). */
export async function createProcessDatabaseEnv(): Promise<{
  env: Record<string, string>;
  dataDir: string;
  cleanup: () => Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "mitt-proc-"));
  const cleanup = () => rm(dataDir, { recursive: true, force: true });
  if (inject("testDb").kind === "postgres")
    return { env: { DATABASE_URL: await cloneTemplate(), DATA_DIR: dataDir }, dataDir, cleanup };
  return { env: { DATA_DIR: dataDir }, dataDir, cleanup };
}

/**
 * Empties every table but the migration history (and `keep`), so a test that shares its file's database starts
 * from nothing another test left behind, including after that test failed half-way.
 */
export async function truncateAll(db: Database, keep: string[] = []): Promise<void> {
  const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const names = tables.map((t) => t.table_name).filter((t) => !keep.includes(t));
  if (!names.length) return;
  const truncate = `TRUNCATE ${names.map((n) => `"${n}"`).join(", ")} CASCADE`;
  // TRUNCATE locks table after table; a job of the app under test touching two of them in another order can make
  // PostgreSQL pick it as a deadlock victim (40P01). It holds nothing afterwards, so trying again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.prisma.$executeRawUnsafe(truncate);
      return;
    } catch (err) {
      if (attempt >= 3 || !String((err as Error).message).includes("40P01")) throw err;
    }
  }
}
