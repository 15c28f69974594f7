// `npm run db:migrate` applies pending migrations; `npm run db:status` compares the database's history
// with prisma/migrations. Both use the same database the bot would (DATABASE_URL, else PGlite in DATA_DIR).
// With --json (how start-up runs it, in a child process: src/db/migrate-in-child.ts) it prints one JSON line
// with the names applied, and the error's message alone on failure.
import { existsSync } from "node:fs";
import { createDatabase } from "../client.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const json = process.argv.includes("--json");
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";
const where = databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${dataDir}`;
try {
  const db = await createDatabase({ databaseUrl, dataDir });
  try {
    if (process.argv[2] === "status") {
      const status = await db.status();
      console.log(JSON.stringify({ database: where, ...status }, null, 2));
    } else {
      const applied = await db.migrate();
      if (json) console.log(JSON.stringify({ applied }));
      else console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
    }
  } finally {
    await db.close();
  }
} catch (err) {
  if (!json) throw err;
  // One line, no stack: the parent puts it in its own log. Prisma errors are "minimal" and hold no row data.
  console.error(err instanceof Error ? err.message.split("\n")[0] : String(err));
  process.exit(1);
}
