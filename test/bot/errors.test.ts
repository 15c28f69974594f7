import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enrol, freshData, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

describe("error boundary", () => {
  it("When a handler fails, then the user gets an apology in their language and the button stops spinning", async () => {
    const u = await enrol(bot, bot.emu.user({ id: 966_000_001, language_code: "en" }));
    await u.askCommand("language");
    await u.askPress("ភាសាខ្មែរ");
    const members = bot.app.deps.members;
    const original = members.update;
    members.update = () => Promise.reject(new Error("database is down"));
    try {
      await u.askCommand("language");
      const since = bot.emu.calls.length;
      const press = u.press("English");
      const apology = await u.nextReply({ since });
      expect(apology.text).toContain("សូមអភ័យទោស");
      await u.answerTo(press, { since });
    } finally {
      members.update = original;
    }
    const failure = bot.logs.find((l) => l.includes('"msg":"update failed"'));
    expect(failure).toContain('"kind":"internal"');
    expect(failure).not.toContain("966000001");
    // …and the bot keeps working afterwards.
    expect((await u.askCommand("help")).text).toContain("/settings");
  });

  it("When an invite code is far too long, then the user is told the limit and can try again", async () => {
    const u = bot.emu.user({ id: 966_000_002, language_code: "en" });
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    await u.askPress("I agree");
    expect((await u.ask("X".repeat(500))).text).toContain("under 40 characters");
  });
});
