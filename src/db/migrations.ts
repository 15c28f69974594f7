// Applies and checks Prisma migrations offline through the WASM schema engine.
// It writes the same `_prisma_migrations` table (sha256 checksums, advisory lock 72707369) as the CLI.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SchemaFile } from "./schema-engine.js";

/** The engine's module is loaded on first use: the bot imports this file for migrationNames() alone. */
const createSchemaEngine: typeof import("./schema-engine.js").createSchemaEngine = async (...args) =>
  (await import("./schema-engine.js")).createSchemaEngine(...args);

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function readSchema(prismaDir = PRISMA_DIR): Promise<SchemaFile> {
  const schemaPath = path.join(prismaDir, "schema.prisma");
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

/** The names of the migrations in prisma/migrations, in the order they apply. */
export async function migrationNames(prismaDir = PRISMA_DIR): Promise<string[]> {
  const entries = await readdir(path.join(prismaDir, "migrations"), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The migrations folder in the shape Prisma's CLI hands to the engine. */
export async function readMigrationsList(prismaDir = PRISMA_DIR) {
  const baseDir = path.join(prismaDir, "migrations");
  const dirs = await migrationNames(prismaDir);
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(baseDir, dir, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8") },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

/** Applies pending migrations; returns the names applied now. */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  prismaDir = PRISMA_DIR,
): Promise<string[]> {
  const engine = await createSchemaEngine(await readSchema(prismaDir), adapterFactory);
  try {
    const out = await engine.applyMigrations({
      migrationsList: await readMigrationsList(prismaDir),
      filters: NO_FILTERS,
    });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

export async function migrationStatus(adapterFactory: SqlMigrationAwareDriverAdapterFactory, prismaDir = PRISMA_DIR) {
  const engine = await createSchemaEngine(await readSchema(prismaDir), adapterFactory);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await readMigrationsList(prismaDir),
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would bring the migrations up to schema.prisma ("" when they agree).
 * The migrations are replayed into a throwaway in-memory PGlite that serves as main and shadow DB,
 * so this never touches a real database (stock adapter-pg would put the shadow in the main DB).
 */
export async function diffMigrationsToSchema(prismaDir = PRISMA_DIR): Promise<string> {
  const scratch = new PGlite();
  const base = new PrismaPGlite(scratch);
  const selfShadow: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: () => base.connect(),
  };
  const schema = await readSchema(prismaDir);
  const engine = await createSchemaEngine(schema, selfShadow);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrationsList(prismaDir)) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    engine.free();
    await scratch.close();
  }
}
