// Runs once per `npm test`: prepares a migrated template database, on the real Postgres named by
// TEST_DATABASE_URL (fresh per run, dropped afterwards) or as a PGlite dump when it is not set.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrations.js";
import { ensurePgliteTemplate } from "../src/db/pglite-template.js";
import { adminQuery, databaseUrl } from "./helpers/postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    testDb:
      | { kind: "postgres"; adminUrl: string; template: string; runId: string }
      | { kind: "pglite"; dumpPath: string };
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const runId = `mitt_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const template = `${runId}_tpl`;
    await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
    const db = await createDatabase({ databaseUrl: databaseUrl(adminUrl, template) });
    await db.migrate();
    await db.close();
    project.provide("testDb", { kind: "postgres", adminUrl, template, runId });
    return async () => {
      const rows = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${runId}%'`);
      for (const { datname } of rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    };
  }
  // Bot processes started by tests begin a fresh DATA_DIR from the build's template, as production does.
  await ensurePgliteTemplate();
  const dir = await mkdtemp(path.join(tmpdir(), "mitt-test-"));
  const pglite = new PGlite();
  await applyMigrations(new PrismaPGlite(pglite));
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const dumpPath = path.join(dir, "migrated.tar");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDb", { kind: "pglite", dumpPath });
  return () => rm(dir, { recursive: true, force: true });
}
