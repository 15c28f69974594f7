import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enrol, freshData, pseudonymOf, rowsContaining, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

describe("privacy core", () => {
  it("When an officer completes onboarding, then no log line or analytics row holds their Telegram id, names or invite code", async () => {
    const u = bot.emu.user({
      id: 987_654_321,
      first_name: "Sreymom",
      last_name: "Chan",
      username: "sreymom_kh",
      language_code: "km",
    });
    const code = await (async () => {
      const { code } = await bot.app.deps.enrolment.create({
        role: "officer",
        maxUses: 1,
        days: 7,
        createdBy: "seed",
        now: new Date(),
      });
      return code;
    })();
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    await u.askPress("I agree");
    await u.ask(code);
    await u.askPress("Kampot");
    await u.askPress("Child Protection Unit");
    await u.askPress("Mon, Wed and Fri");
    const done = await u.askPress("08:00");
    expect(done.text).toContain("All set");
    await bot.idle();

    const logs = bot.logs.join("");
    expect(logs).toContain("update handled");
    for (const secret of [
      "987654321",
      "Sreymom",
      "Chan",
      "sreymom_kh",
      code,
      code.replace("-", ""),
      "TEST-token-secret",
    ]) {
      expect(logs, `logs contain ${secret}`).not.toContain(secret);
    }
    const analytics = ["usage_events", "members", "kv_state", "invites", "enrol_failures"];
    for (const secret of ["987654321", "Sreymom", "sreymom_kh", code, code.replace("-", "")]) {
      expect(await rowsContaining(bot, secret, analytics), secret).toEqual([]);
    }
    // Only the identities table links the pseudonym to Telegram.
    expect((await rowsContaining(bot, "987654321")).map((h) => h.split(":")[0])).toEqual(["identities"]);
  });

  it("When a member deletes their data with the two-step confirmation, then no table holds their Telegram id", async () => {
    const u = bot.emu.user({ id: 912_345_678, first_name: "Vanna", username: "vanna_pp", language_code: "en" });
    await enrol(bot, u);
    const p = await pseudonymOf(bot, u.id);
    expect(await rowsContaining(bot, "912345678")).not.toEqual([]);

    await u.askCommand("settings");
    expect((await u.askPress("Delete my data")).text).toContain("Deleting removes");
    expect((await u.askPress("Continue")).text).toContain("Are you sure");
    expect((await u.askPress("Yes, delete everything")).text).toContain("has been deleted");

    expect(await rowsContaining(bot, "912345678")).toEqual([]);
    expect(await rowsContaining(bot, p)).toEqual([]);
    // Events stay for the programme's totals, unlinked.
    expect(
      await bot.db.prisma.usageEvent.count({ where: { type: "enrol.completed", pseudonym: { startsWith: "gone-" } } }),
    ).toBeGreaterThan(0);
    // And the person is a stranger again.
    expect((await u.askCommand("settings")).text).toContain("invite code from your trainer");
  });

  it("When /mydata is asked, then it shows the pseudonymous handle and no name", async () => {
    const u = bot.emu.user({ id: 923_456_789, first_name: "Bopha", username: "bopha_kh", language_code: "en" });
    await enrol(bot, u);
    const reply = await u.askCommand("mydata");
    const member = await bot.app.deps.members.find(await pseudonymOf(bot, u.id));
    expect(reply.text).toContain(member?.handle);
    expect(reply.text).not.toContain("Bopha");
    expect(reply.text).toContain("Kampot");
  });
});

describe("conversation state at rest", () => {
  it("When onboarding is paused mid-way, then the stored conversation state holds no Telegram id, name or username", async () => {
    const u = bot.emu.user({ id: 934_567_890, first_name: "Kosal", username: "kosal_kh", language_code: "en" });
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    await bot.idle();
    // Before consent a person has no pseudonym: their state is under a visitor key.
    const rows = await bot.db.prisma.kvState.findMany({
      where: { key: `conv:${bot.app.deps.pseudonyms.visitorKey(u.id)}` },
    });
    expect(rows).toHaveLength(1);
    for (const secret of ["934567890", "Kosal", "kosal_kh"]) expect(rows[0]?.value).not.toContain(secret);
    // …and it still resumes correctly, with the identity restored from the live update.
    expect((await u.askPress("I agree")).text).toContain("invite code");
  });
});
