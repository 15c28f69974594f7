// findSender answers every update with the sender's member row from its own SQL (one statement with their state):
// it must carry the same member as find(), every field, or a setting would show its default after a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createMemberRepository } from "../../src/db/repositories/members.js";
import { createTestDatabase } from "../helpers/db.js";

let db: Database;
const at = new Date("2026-11-23T03:00:00Z");
const TG = 88_200_001;
const P = "member-sender-p1";

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.identity.create({
    data: { pseudonym: P, telegramUserId: BigInt(TG), chatId: BigInt(TG), createdAt: at },
  });
  // Every field away from its default, so a column the sender query forgets shows as a difference.
  await db.prisma.member.create({
    data: {
      pseudonym: P,
      handle: "MS0001",
      role: "staff",
      peerSupporter: true,
      locale: "en",
      province: "kampot",
      unitType: "cpu",
      consentedAt: at,
      enrolledAt: at,
      unreachableAt: at,
      lastActiveOn: new Date("2026-11-22T00:00:00Z"),
      tipFrequency: "daily",
      tipTime: "17:30",
      weeklyPrompt: true,
      stressCheck: true,
      peerNight: true,
      summaryDigest: true,
      unitRoom: "unsure",
      createdAt: at,
      updatedAt: at,
    },
  });
});
afterAll(async () => {
  await db.close();
});

describe("the sender's member row", () => {
  it("When a member has every setting changed from its default, then findSender's member equals find()'s", async () => {
    const members = createMemberRepository(db.prisma, () => at);
    const found = await members.find(P);
    expect(found).toMatchObject({ peerNight: true, summaryDigest: true, unitRoom: "unsure", tipFrequency: "daily" });
    expect((await members.findSender(TG))?.member).toEqual(found);
  });
});
