// The start-up content sync: a fresh database gets the whole library, and an unchanged library writes nothing
// (start-up waits for the sync on every start), and files synced as they are now are not read again.
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTipLibrary, TIPS_DIR, type TipLibrary, tipFilesDigest } from "../../src/content/tips.js";
import type { Database } from "../../src/db/client.js";
import { syncTipLibrary } from "../../src/db/repositories/tip-sync.js";
import { createTipRepository } from "../../src/db/repositories/tips.js";
import { createTestDatabase } from "../helpers/db.js";

let db: Database;
let library: TipLibrary;

beforeAll(async () => {
  db = await createTestDatabase();
  library = await loadTipLibrary();
  await db.prisma.$executeRawUnsafe("TRUNCATE tips, tip_topics CASCADE");
});
afterAll(() => db.close());

describe("tip sync", () => {
  it("When the database has no tips, then one sync creates every topic and tip of the library", async () => {
    const report = await syncTipLibrary(db.prisma, library, new Date("2026-01-05T03:00:00Z"));
    expect(report).toEqual({ created: library.tips.length, updated: 0, archived: 0, unchanged: 0 });
    expect(await db.prisma.tipTopic.count()).toBe(library.topics.length);
    expect(await db.prisma.tip.count({ where: { origin: "content", archivedAt: null } })).toBe(library.tips.length);
  });

  it("When the library is unchanged, then sync writes nothing, and a renamed topic is updated", async () => {
    const later = new Date("2026-01-06T03:00:00Z");
    expect(await syncTipLibrary(db.prisma, library, later)).toEqual({
      created: 0,
      updated: 0,
      archived: 0,
      unchanged: library.tips.length,
    });
    expect(await db.prisma.tip.count({ where: { updatedAt: later } })).toBe(0);

    const [topic, ...rest] = library.topics;
    if (!topic) throw new Error("the library has topics");
    const renamed = { ...library, topics: [{ ...topic, name: { ...topic.name, en: "Renamed" } }, ...rest] };
    await syncTipLibrary(db.prisma, renamed, later);
    expect((await db.prisma.tipTopic.findUnique({ where: { id: topic.id } }))?.nameEn).toBe("Renamed");
  });

  it("When a tip file changes, then its digest changes, and the repository remembers the digest last synced", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mitt-tips-"));
    try {
      await cp(TIPS_DIR, dir, { recursive: true });
      const before = await tipFilesDigest(dir);
      expect(await tipFilesDigest(dir)).toBe(before);
      await appendFile(path.join(dir, "01-planning.yaml"), "\n");
      expect(await tipFilesDigest(dir)).not.toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const repo = createTipRepository(db.prisma, () => new Date());
    expect(await repo.syncedDigest()).toBeNull();
    await repo.sync(library, "digest-1");
    expect(await repo.syncedDigest()).toBe("digest-1");
  });
});
