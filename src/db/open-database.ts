// Opens the bot's database at start-up and brings it up to date. An up-to-date database costs one query
// (src/db/pending-migrations.ts); pending migrations are applied in a child process (src/db/migrate-in-child.ts)
// so the migration engine never stays in the bot. PGlite has one connection, so it is closed while the child
// migrates and opened again after.
import { createDatabase, type Database, isFreshDataDir } from "./client.js";
import { migrateInChild } from "./migrate-in-child.js";
import { pendingMigrations } from "./pending-migrations.js";
import { matchingTemplate } from "./pglite-template.js";

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function openDatabase(opts: OpenOptions): Promise<{ db: Database; applied: string[] }> {
  const target = { databaseUrl: opts.databaseUrl, dataDir: opts.dataDir };
  let applied: string[] = [];
  // A brand-new embedded database with no template: let the child create and migrate it in one go.
  if (!opts.databaseUrl && isFreshDataDir(opts.dataDir) && !(await matchingTemplate())) {
    applied = await migrateInChild(target);
  }
  let db = await createDatabase(target);
  if ((await pendingMigrations(db.prisma)).length === 0) return { db, applied };
  if (db.backend === "pglite") await db.close();
  applied = await migrateInChild(target);
  if (db.backend === "pglite") db = await createDatabase(target);
  return { db, applied };
}
