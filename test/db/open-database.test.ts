// Start-up's database step: an up-to-date database costs one query, a new one is migrated (in a child process,
// so the migration engine never stays in the bot), and either way the bot gets a database with nothing pending.

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import { migrationNames } from "../../src/db/migrations.js";
import { openDatabase } from "../../src/db/open-database.js";
import { pendingMigrations } from "../../src/db/pending-migrations.js";
import { adminQuery, databaseUrl } from "../helpers/postgres.js";

describe("opening the database at start-up", { timeout: 120_000 }, () => {
  it("When DATA_DIR is new, then the embedded database opens with every migration applied, and again with none to apply", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "mitt-open-"));
    try {
      const first = await openDatabase({ dataDir });
      expect(await pendingMigrations(first.db.prisma)).toEqual([]);
      await first.db.close();
      const again = await openDatabase({ dataDir });
      expect(again.applied).toEqual([]);
      expect(await pendingMigrations(again.db.prisma)).toEqual([]);
      await again.db.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  const testDb = inject("testDb");
  it.runIf(testDb.kind === "postgres")(
    "When a PostgreSQL database is empty, then every migration is applied in a child process and a second start applies none",
    async () => {
      if (testDb.kind !== "postgres") return;
      const name = `${testDb.runId}_open_${randomBytes(3).toString("hex")}`;
      await adminQuery(testDb.adminUrl, `CREATE DATABASE ${name}`);
      const url = databaseUrl(testDb.adminUrl, name);
      const dataDir = await mkdtemp(path.join(tmpdir(), "mitt-open-"));
      try {
        const first = await openDatabase({ databaseUrl: url, dataDir });
        expect(first.applied).toEqual(await migrationNames());
        await first.db.close();
        const again = await openDatabase({ databaseUrl: url, dataDir });
        expect(again.applied).toEqual([]);
        await again.db.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  it("When an in-memory embedded database is migrated in this process, then an enum array parameter is sent as an array", async () => {
    // What bench:tips does: the tip slot query filters by TipFrequency[], a type the migrations create.
    const db = await createDatabase({});
    try {
      expect((await db.migrate()).length).toBeGreaterThan(0);
      const rows = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM unnest(${["daily", "weekly"]}::"TipFrequency"[]) AS f`;
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });
});
