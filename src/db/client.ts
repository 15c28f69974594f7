// Creates the Prisma client on real Postgres (DATABASE_URL) or on embedded PGlite (DATA_DIR), and
// applies migrations on start-up. Nothing happens at import time. Errors are "minimal": Prisma's default message
// quotes the call with its arguments (ids, texts), and error messages reach the log.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations, migrationStatus } from "./migrations.js";
import { copyTemplate, matchingTemplate } from "./pglite-template.js";
import { observeWrites, type WriteListener } from "./write-observer.js";

/**
 * PGlite's defaults are a server's (128 MB of shared buffers, all of it resident in the WASM heap). Mitt's
 * database is small and the files sit in the OS page cache anyway: 16 MB keeps the embedded bot's memory near
 * 200 MB instead of 500 MB, with no measurable cost at its scale (see README, Performance).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB", "-c", "temp_buffers=1MB"];

/** Where PGlite keeps its files inside DATA_DIR. */
export const pgliteDir = (dataDir: string) => path.resolve(dataDir, "pglite");
/** True when DATA_DIR holds no embedded database yet. */
export const isFreshDataDir = (dataDir: string) => !existsSync(path.join(pgliteDir(dataDir), "PG_VERSION"));

export type Prisma = PrismaClient;
export type DbBackend = "postgres" | "pglite";

export interface Database {
  prisma: PrismaClient;
  backend: DbBackend;
  /** Applies pending migrations; returns the names applied now. */
  migrate(): Promise<string[]>;
  /** The engine's diagnosis of the migration history (pending, failed or edited migrations). */
  status(): ReturnType<typeof migrationStatus>;
  close(): Promise<void>;
  /** Calls `listener` with every statement this process sends that may change rows (write-observer.ts). */
  onWrite(listener: WriteListener): () => void;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** For PGlite: a data directory, or undefined for an in-memory database. */
  dataDir?: string | undefined;
  /** For PGlite: start from a dump made by dumpDataDir() (fast test databases). */
  loadDataDir?: Blob | File | undefined;
}

export async function createDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // We own the pool: prisma.$disconnect() does not end an adapter's pool, and a lingering
    // connection keeps the database busy (for example a test template that is being copied).
    const url = opts.databaseUrl;
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const listeners = new Set<WriteListener>();
    // The migration engine takes Prisma's session-level advisory lock: give it a connection of its own and
    // close it afterwards, or the lock stays with the pool and another process could never migrate.
    const withMigrationAdapter = async <T>(use: (f: SqlMigrationAwareDriverAdapterFactory) => Promise<T>) => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      try {
        return await use(new PrismaPg(own));
      } finally {
        await own.end();
      }
    };
    const adapter = observeWrites(new PrismaPg(pool), (q) => notify(listeners, q));
    return wrap(
      new PrismaClient({ adapter, errorFormat: "minimal" }),
      "postgres",
      withMigrationAdapter,
      () => pool.end(),
      listeners,
    );
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = pgliteDir(opts.dataDir);
    // A new data directory starts as a copy of the migrated template made at build time, when one matches.
    const template = !opts.loadDataDir && isFreshDataDir(opts.dataDir) ? await matchingTemplate() : undefined;
    if (template) await copyTemplate(template, dir);
    else await mkdir(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir, {
    startParams: PGLITE_START_PARAMS,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const listeners = new Set<WriteListener>();
  const factory = observeWrites(new PrismaPGlite(pglite), (q) => notify(listeners, q));
  // PGlite has a single connection, shared by the client and the migration engine.
  return wrap(
    new PrismaClient({ adapter: factory, errorFormat: "minimal" }),
    "pglite",
    (use) => use(factory),
    () => pglite.close(),
    listeners,
    // PGlite learns the database's array types when it opens: without this, an enum array made by a migration run
    // in this process (an in-memory database) would go out as "a,b" instead of {a,b} until the next open.
    () => pglite.refreshArrayTypes(),
  );
}

function notify(listeners: Set<WriteListener>, query: Parameters<WriteListener>[0]) {
  for (const listener of listeners) listener(query);
}

function wrap(
  prisma: PrismaClient,
  backend: DbBackend,
  withMigrationAdapter: <T>(use: (f: SqlMigrationAwareDriverAdapterFactory) => Promise<T>) => Promise<T>,
  closeDriver: () => Promise<void>,
  listeners: Set<WriteListener>,
  afterMigrate: () => Promise<void> = async () => {},
): Database {
  let closed = false;
  return {
    prisma,
    backend,
    async migrate() {
      const applied = await withMigrationAdapter((f) => applyMigrations(f));
      if (applied.length) await afterMigrate();
      return applied;
    },
    status: () => withMigrationAdapter((f) => migrationStatus(f)),
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
