// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that brings the existing migrations up to schema.prisma. Offline: no database server needed.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { systemClock } from "../../clock.js";
import { diffMigrationsToSchema, PRISMA_DIR } from "../migrations.js";

const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>   (for example: add_peer_posts)");
  process.exit(2);
}
const sql = await diffMigrationsToSchema();
if (!sql) {
  console.log("schema.prisma and prisma/migrations already agree: no migration written.");
  process.exit(0);
}
const stamp = systemClock().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(PRISMA_DIR, "migrations", `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it.`);
