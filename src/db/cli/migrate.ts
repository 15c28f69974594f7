// `npm run db:migrate` applies pending migrations; `npm run db:status` compares the database's history
// with prisma/migrations. Both use the same database the bot would (DATABASE_URL, else PGlite in DATA_DIR).
import { existsSync } from "node:fs";
import { createDatabase } from "../client.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const databaseUrl = process.env.DATABASE_URL || undefined;
const db = await createDatabase({ databaseUrl, dataDir: process.env.DATA_DIR || "./data" });
const where = databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${process.env.DATA_DIR || "./data"}`;
try {
  if (process.argv[2] === "status") {
    const status = await db.status();
    console.log(JSON.stringify({ database: where, ...status }, null, 2));
  } else {
    const applied = await db.migrate();
    console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
  }
} finally {
  await db.close();
}
