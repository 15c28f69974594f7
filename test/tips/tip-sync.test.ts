// The start-up content sync: a fresh database gets the whole library, and an unchanged library writes nothing
// (start-up waits for the sync on every start).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTipLibrary, type TipLibrary } from "../../src/content/tips.js";
import type { Database } from "../../src/db/client.js";
import { syncTipLibrary } from "../../src/db/repositories/tip-sync.js";
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
});
