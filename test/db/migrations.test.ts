import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, PRISMA_DIR } from "../../src/db/migrations.js";
import { createTestDatabase } from "../helpers/db.js";

describe("Prisma migrations through the WASM schema engine", () => {
  const temps: string[] = [];
  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it("When schema.prisma is compared with prisma/migrations, then they agree", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("When schema.prisma gains a field without a migration, then the drift check prints the missing SQL", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mitt-drift-"));
    temps.push(dir);
    await cp(PRISMA_DIR, dir, { recursive: true });
    const schemaPath = path.join(dir, "schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    await writeFile(schemaPath, schema.replace("model TipTopic {", "model TipTopic {\n  colour String?"));
    const sql = await diffMigrationsToSchema(dir);
    expect(sql).toContain('ALTER TABLE "tip_topics" ADD COLUMN     "colour" TEXT');
  });

  it("When migrations are applied to an up-to-date database, then nothing more is applied", async () => {
    const db = await createTestDatabase();
    try {
      expect(await db.migrate()).toEqual([]);
      const rows = await db.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      expect(rows.map((r) => r.migration_name)).toContain("20261122142857_init");
    } finally {
      await db.close();
    }
  });

  it("When the WASM engine is pinned, then it is exactly the engine build of the installed prisma", async () => {
    const pkg = async (name: string) =>
      JSON.parse(await readFile(path.resolve("node_modules", name, "package.json"), "utf8"));
    const enginesPkg = await pkg("@prisma/engines");
    const wasmPkg = await pkg("@prisma/schema-engine-wasm");
    expect(wasmPkg.version).toBe(enginesPkg.dependencies["@prisma/engines-version"]);
  });
});
