import { GrammyError } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enrol, freshData, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";

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

  it("When identifying the sender fails (before sessions and translations ran), then the apology still comes in the person's language and one redacted error is logged", async () => {
    const km = bot.emu.user({ id: 966_000_003, language_code: "km" });
    const en = bot.emu.user({ id: 966_000_004, language_code: "en" });
    const members = bot.app.deps.members;
    const original = members.findSender;
    members.findSender = () => Promise.reject(new Error("database is down"));
    const logsBefore = bot.logs.length;
    try {
      expect((await km.askCommand("help")).text).toContain("សូមអភ័យទោស");
      expect((await en.askCommand("help")).text).toContain("Sorry, something went wrong");
      const press = en.pressData("menu:help");
      await en.answerTo(press);
      await bot.idle();
    } finally {
      members.findSender = original;
    }
    const errors = bot.logs.slice(logsBefore).filter((l) => l.includes('"level":50'));
    expect(errors).toHaveLength(3);
    for (const line of errors) {
      expect(line).toContain('"msg":"update failed"');
      expect(line).not.toMatch(/96600000[34]/);
    }
    expect(bot.logs.join("")).not.toContain("translate is not a function");
    expect(bot.logs.slice(logsBefore).join("")).not.toContain("could not send the apology");
  });

  it("When a handler answered a press and then fails, then the press is not answered a second time", async () => {
    const u = await seedEnrolled(bot, bot.emu.user({ id: 966_000_005, language_code: "en" }), "officer", {
      locale: "en",
    });
    const checkins = bot.app.deps.checkins;
    const original = checkins.recordStress;
    checkins.recordStress = () => Promise.reject(new Error("database is down"));
    try {
      const since = bot.emu.calls.length;
      const press = u.pressData("wb:sisq:5");
      expect((await u.nextReply({ since })).text).toContain("Sorry");
      await bot.idle();
      const answers = bot.emu.calls.filter(
        (c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === press.callback_query?.id,
      );
      expect(answers.map((c) => c.ok)).toEqual([true]);
    } finally {
      checkins.recordStress = original;
    }
  });

  it("When a Telegram error is thrown inside a conversation's external step, then it is still logged as a Telegram error", async () => {
    const u = await seedEnrolled(bot, bot.emu.user({ id: 966_000_006, language_code: "km" }), "officer");
    const checkins = bot.app.deps.checkins;
    const original = checkins.start;
    checkins.start = () =>
      Promise.reject(
        new GrammyError(
          "Call to 'sendMessage' failed!",
          { ok: false, error_code: 400, description: "Bad Request: chat not found" },
          "sendMessage",
          {},
        ),
      );
    const logsBefore = bot.logs.length;
    try {
      expect((await u.askCommand("reflect")).text).toContain("សូមអភ័យទោស");
    } finally {
      checkins.start = original;
    }
    const failure = bot.logs.slice(logsBefore).find((l) => l.includes('"msg":"update failed"'));
    expect(failure).toContain('"kind":"telegram"');
    expect(failure).toContain('"error_code":400');
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
