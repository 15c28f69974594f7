// The sender cache on a real database: every write this process makes through Prisma (model calls, raw SQL,
// interactive transactions) reaches it through the driver adapter, so findSender never answers with a row
// that this process has changed. A write it cannot see (another process) is served stale until the entry expires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createKvStorage } from "../../src/db/kv-storage.js";
import { createMemberRepository, SENDER_PATCHES, type Sender } from "../../src/db/repositories/members.js";
import { createSenderCache } from "../../src/db/sender-cache.js";
import { createTestDatabase } from "../helpers/db.js";

let db: Database;
const at = new Date("2026-11-23T03:00:00Z");
const now = () => at;
const TG = 88_100_001;
const P = "sender-cache-p1";
let clock = 0;
const cache = createSenderCache<Sender>({ pseudonymOf: (s) => s.pseudonym, ttlMs: 1000, monotonicMs: () => clock });

beforeAll(async () => {
  db = await createTestDatabase();
  db.onWrite(cache.onWrite);
  await db.prisma.identity.create({
    data: { pseudonym: P, telegramUserId: BigInt(TG), chatId: BigInt(TG), createdAt: at },
  });
  await db.prisma.member.create({
    data: {
      pseudonym: P,
      handle: "SC0001",
      locale: "km",
      role: "officer",
      consentedAt: at,
      createdAt: at,
      updatedAt: at,
    },
  });
});
afterAll(async () => {
  await db.close();
});

describe("sender cache on the database", () => {
  it("When this process changes a sender in any way, then the next findSender sees the change", async () => {
    const members = createMemberRepository(db.prisma, now, cache);
    expect((await members.findSender(TG))?.member?.role).toBe("officer");

    await db.prisma.member.update({ where: { pseudonym: P }, data: { role: "trainer" } });
    expect((await members.findSender(TG))?.member?.role).toBe("trainer");

    await db.prisma.$executeRaw`UPDATE members SET locale = 'en' WHERE pseudonym = ${P}`;
    expect((await members.findSender(TG))?.member?.locale).toBe("en");

    await db.prisma.$transaction(async (tx) => {
      await tx.member.update({ where: { pseudonym: P }, data: { peerSupporter: true } });
    });
    expect((await members.findSender(TG))?.member?.peerSupporter).toBe(true);

    await createKvStorage<{ n: number }>(db.prisma, "session:", now).write(P, { n: 1 });
    expect((await members.findSender(TG))?.state.session).toBe(JSON.stringify({ n: 1 }));

    await members.touch(P, new Date("2026-11-23T00:00:00Z"));
    expect((await members.findSender(TG))?.member?.lastActiveOn).toBe("2026-11-23");

    await db.prisma.identity.delete({ where: { pseudonym: P } });
    expect(await members.findSender(TG)).toBeNull();
  });

  it("When a caller changes the member record it was given, then the cached sender stays as stored", async () => {
    await db.prisma.identity.create({
      data: { pseudonym: P, telegramUserId: BigInt(TG), chatId: BigInt(TG), createdAt: at },
    });
    const members = createMemberRepository(db.prisma, now, cache);
    const first = await members.findSender(TG);
    if (first?.member) first.member.role = "admin";
    expect((await members.findSender(TG))?.member?.role).toBe("trainer");
  });

  it("When the activity date is written, then the cached sender follows it without reading again", async () => {
    const patched = createSenderCache<Sender>({
      pseudonymOf: (s) => s.pseudonym,
      ttlMs: 1000,
      monotonicMs: () => clock,
      patches: SENDER_PATCHES,
    });
    const unsubscribe = db.onWrite(patched.onWrite);
    const members = createMemberRepository(db.prisma, now, patched);
    let reads = 0;
    try {
      const first = await patched.get(TG, async () => {
        reads++;
        return (await createMemberRepository(db.prisma, now).findSender(TG)) ?? null;
      });
      expect(first?.member?.lastActiveOn).not.toBe("2026-12-01");
      await members.touch(P, new Date("2026-12-01T00:00:00Z"));
      const row = await db.prisma.member.findUniqueOrThrow({ where: { pseudonym: P } });
      expect(row.lastActiveOn?.toISOString().slice(0, 10)).toBe("2026-12-01");
      const again = await patched.get(TG, async () => {
        reads++;
        return null;
      });
      expect(again?.member?.lastActiveOn).toBe("2026-12-01");
      expect(again?.member?.unreachable).toBe(false);
      expect(reads).toBe(1);
    } finally {
      unsubscribe();
    }
  });

  it("When a write is not observed (another process), then it is seen once the entry expires", async () => {
    const members = createMemberRepository(db.prisma, now, cache);
    expect((await members.findSender(TG))?.member?.role).toBe("trainer");
    // A second cache that stops listening stands for a process that cannot see this write.
    const blind = createSenderCache<Sender>({ pseudonymOf: (s) => s.pseudonym, ttlMs: 1000, monotonicMs: () => clock });
    const unsubscribe = db.onWrite(blind.onWrite);
    const seenByOther = createMemberRepository(db.prisma, now, blind);
    expect((await seenByOther.findSender(TG))?.member?.role).toBe("trainer");
    unsubscribe();
    await db.prisma.member.update({ where: { pseudonym: P }, data: { role: "staff" } });
    expect((await members.findSender(TG))?.member?.role).toBe("staff");
    expect((await seenByOther.findSender(TG))?.member?.role).toBe("trainer");
    clock += 1001;
    expect((await seenByOther.findSender(TG))?.member?.role).toBe("staff");
  });
});
