// The tip library in memory: read once, served from memory while the content version stays, and reloaded when it
// changes, here or in another instance (a second repository on the same database stands for another process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { readContentVersion } from "../../src/db/repositories/content-version.js";
import { CONTENT_RECHECK_MS, createTipRepository } from "../../src/db/repositories/tips.js";
import { createTestDatabase } from "../helpers/db.js";

let db: Database;
let t = Date.parse("2026-11-23T03:00:00Z");
const now = () => new Date(t);
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe("content cache", () => {
  it("When tips are read again, then they come from memory until the content version changes", async () => {
    const topic = "cache-topic";
    await db.prisma.tipTopic.create({ data: { id: topic, position: 97, nameKm: "ប្រធានបទ", nameEn: "Cache topic" } });
    const here = createTipRepository(db.prisma, now);
    const other = createTipRepository(db.prisma, now); // another instance
    expect(await here.inTopic(topic)).toEqual([]);

    // Another instance adds a tip: this one still serves its library (nothing asked the database) …
    const id = await other.addTrainerTip(
      { topicId: topic, textKm: "ក", textEn: "a cached tip", createdBy: "trainer-c" },
      { type: "tip.added", attrs: { topic } },
    );
    expect(await here.get(id)).toBeNull();
    // … until it sees the new version: with the next update's sender query …
    here.observeContentVersion(await readContentVersion(db.prisma));
    expect((await here.get(id))?.textEn).toBe("a cached tip");
    expect((await here.inTopic(topic)).map((x) => x.id)).toEqual([id]);
    expect((await here.topics()).find((x) => x.id === topic)?.tips).toBe(1);

    // … or, without updates (jobs, the delivery worker), once CONTENT_RECHECK_MS has passed.
    expect(await other.archive(id, "trainer-c")).toBe(true);
    expect((await here.get(id))?.archived).toBe(false);
    t += CONTENT_RECHECK_MS;
    expect((await here.get(id))?.archived).toBe(true);
    expect(await here.inTopic(topic)).toEqual([]);

    // Archiving here is seen here at once.
    const second = await here.addTrainerTip(
      { topicId: topic, textKm: "ខ", textEn: "another", createdBy: "trainer-c" },
      { type: "tip.added", attrs: { topic } },
    );
    expect((await here.inTopic(topic)).map((x) => x.id)).toEqual([second]);
    // Served from memory: a change that bypasses the version (never done by Mitt) is not seen.
    await db.prisma.tip.update({ where: { id: second }, data: { textEn: "changed behind its back" } });
    expect((await here.get(second))?.textEn).toBe("another");
  });
});
