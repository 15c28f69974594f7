// Which migrations a database still lacks, read from `_prisma_migrations` with one query: start-up asks this
// first, so a database that is up to date never loads Prisma's migration engine (about 60 MB that would stay
// in the process). The engine itself (src/db/migrations.ts) still does the applying, in a child process.
import type { PrismaClient } from "./generated/client.ts";
import { migrationNames, PRISMA_DIR } from "./migrations.js";

export async function pendingMigrations(prisma: PrismaClient, prismaDir = PRISMA_DIR): Promise<string[]> {
  const names = await migrationNames(prismaDir);
  const [table] = await prisma.$queryRaw<{ name: string | null }[]>`
    SELECT to_regclass('public._prisma_migrations')::text AS name`;
  if (!table?.name) return names;
  // A failed or rolled-back attempt counts as pending: the engine then reports it as it would on `db:migrate`.
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return names.filter((n) => !applied.has(n));
}
