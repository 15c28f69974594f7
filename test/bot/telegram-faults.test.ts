// A Telegram error never loses work: every non-essential method answers 400, then 500, in turn, while people
// enrol (the per-chat command menu) and reflect (answers to presses, buttons removed from a checklist): each flow
// ends as it should, with no apology and no failed update. A broadcast draft survives a photo Telegram refuses.
// /broadcasts shows a broadcast held by quiet hours as held.
import { GrammyError } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { classify } from "../../src/delivery/telegram-sender.js";
import { enrol, freshData, pseudonymOf, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";
import { movableClock } from "../helpers/peer.js";

let bot: TestBot;
const clock = movableClock();
let nextId = 6_600_001;
beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
beforeEach(async () => {
  bot.emu.setFaults({});
  clock.at(10);
  await freshData(bot);
});
afterAll(async () => {
  await bot.stop();
});

const NON_ESSENTIAL = ["answerCallbackQuery", "setMyCommands", "deleteMyCommands", "editMessageReplyMarkup"];

async function reflect(u: TestUser) {
  await u.askCommand("reflect");
  // Ticking edits the checklist's buttons in place (no reply to wait for, and the edit may be the refused call).
  u.press("Rapport built first");
  await bot.idle();
  await u.askPress("Done ✔️");
  await u.askPress("⏭ Skip");
  await u.askPress("⏭ Skip");
  await u.askPress("⏭ Skip");
  await u.askPress("⏭ Skip");
  return u.askPress("Finish ✔️");
}

describe("Telegram errors", () => {
  it("When each non-essential method answers 400 and then 500, then onboarding and a check-in still finish, with no apology", async () => {
    for (const method of NON_ESSENTIAL) {
      for (const code of [400, 500] as const) {
        const label = `${method} ${code}`;
        bot.emu.setFaults(
          code === 400 ? { error400Rate: 1, methods: [method] } : { error5xxRate: 1, methods: [method] },
        );
        const logsBefore = bot.logs.length;
        const since = bot.emu.calls.length;
        const officer = bot.emu.user({ id: nextId++, language_code: "en" });
        const trainer = bot.emu.user({ id: nextId++, language_code: "en" });
        await Promise.all([enrol(bot, officer), enrol(bot, trainer, "trainer")]);
        expect((await reflect(officer)).text, label).toContain("✅ Saved");
        await bot.idle();
        bot.emu.setFaults({});

        const refused = bot.emu.calls.slice(since).filter((c) => c.method === method && !c.ok);
        expect(refused.length, label).toBeGreaterThan(0);
        const logs = bot.logs.slice(logsBefore).join("\n");
        expect(logs, label).not.toContain('"msg":"update failed"');
        expect(logs, label).not.toContain('"level":50');
        for (const u of [officer, trainer]) {
          expect(
            u.messages().some((m) => m.text?.includes("Sorry, something went wrong")),
            label,
          ).toBe(false);
          expect((await bot.app.deps.members.find(await pseudonymOf(bot, u.id)))?.enrolled, label).toBe(true);
        }
        // Each press was answered at most once (a refused answer is not repeated).
        const answers = bot.emu.calls.slice(since).filter((c) => c.method === "answerCallbackQuery");
        const ids = answers.map((c) => String(c.params.callback_query_id));
        expect(new Set(ids).size, label).toBe(ids.length);
      }
    }
  }, 120_000);

  it("When Telegram refuses a broadcast's photo at the preview, then the draft is kept and the trainer can try again in Khmer", async () => {
    const trainer = await seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: "km" }), "trainer");
    await seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: "km" }), "officer");
    await trainer.askCommand("broadcast");
    await trainer.askPress("មួយកំណែសម្រាប់អ្នកទាំងអស់គ្នា");
    const since = bot.emu.calls.length;
    trainer.sendPhoto("រូបភាពរំលឹក៖ សំណួរបើកចំហ");
    await bot.emu.waitFor((c) => c.ok && c.message?.chat.id === trainer.id && c.index >= since);
    bot.emu.setFaults({ error400Rate: 1, methods: ["sendPhoto"] });
    const failed = await trainer.askPress("បន្ត ▶️");
    expect(failed.text).toContain("សេចក្តីព្រាង");
    bot.emu.setFaults({});
    const retried = bot.emu.calls.length;
    trainer.press("🔁 ព្យាយាមម្តងទៀត");
    await bot.emu.waitFor(
      (c) => c.ok && c.message?.chat.id === trainer.id && (c.message.text ?? "").includes("ខាងលើនេះជាការមើលជាមុន"),
      { since: retried },
    );
    const preview = bot.emu.calls.filter((c) => c.ok && c.method === "sendPhoto" && c.params.chat_id === trainer.id);
    expect(preview.at(-1)?.message?.caption).toBe("រូបភាពរំលឹក៖ សំណួរបើកចំហ");
    await bot.idle();
    expect(bot.logs.join("\n")).not.toContain('"msg":"update failed"');
  });

  it("When a non-urgent broadcast waits for the end of quiet hours, then /broadcasts says it is held, not sending", async () => {
    const trainer = await seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: "en" }), "trainer", {
      locale: "en",
    });
    await seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: "km" }), "officer");
    clock.at(23); // 23:00 in Phnom Penh
    const id = await bot.app.deps.broadcasts.create(
      await pseudonymOf(bot, trainer.id),
      {
        km: { text: "Night broadcast", entities: [] },
        en: null,
        media: null,
        audience: { provinces: [], unitTypes: [], locale: null, inactiveDays: null, includeTrainers: false },
        urgent: false,
      },
      null,
    );
    await bot.app.deps.broadcasts.start(id);
    const list = await trainer.askCommand("broadcasts");
    expect(list.text).toContain("waiting for quiet hours to end");
    expect(list.text).not.toContain("📤");
  });

  it("When a Bot API error has no description or parameters, then the delivery sorter still sorts it", () => {
    const bare = (code: number) =>
      new GrammyError("Call failed", { ok: false, error_code: code } as never, "sendMessage", {});
    expect(classify(bare(400))).toEqual({ kind: "rejected", reason: "error 400" });
    expect(classify(bare(429))).toEqual({ kind: "rate_limited", retryAfterSec: 5 });
    expect(classify(bare(403)).kind).toBe("blocked");
    expect(classify(bare(502)).kind).toBe("transient");
    expect(classify(new Error("anything")).kind).toBe("transient");
  });
});
