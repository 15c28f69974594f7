// Tips as an officer meets them, against the emulator: a Khmer officer gets a tip at the chosen time,
// answers its quiz, marks it, pauses tips, and browses topics; forged tip buttons are refused politely.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { enrolKhmer, freshData, hasKhmer, seedInvite, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
let clock = new Date("2026-11-23T09:00:00Z"); // Monday 16:00 in Phnom Penh
let nextId = 8_300_000;

beforeAll(async () => {
  bot = await startTestBot({ now: () => clock });
});
beforeEach(() => freshData(bot));
afterAll(() => bot.stop());

/** A Khmer officer who chose daily tips at 17:00, enrolled entirely by buttons. */
async function khmerOfficer(): Promise<TestUser> {
  const u = bot.emu.user({ id: nextId++, language_code: "km" });
  const done = await enrolKhmer(bot, u, { tips: "រៀងរាល់ថ្ងៃ", time: "17:00" });
  expect(hasKhmer(done.text)).toBe(true);
  return u;
}

describe("tips for an officer", () => {
  it("When a Khmer officer's chosen time comes, then a Khmer tip arrives, its quiz works in Khmer, and pausing stops the next slot", async () => {
    const u = await khmerOfficer();
    clock = new Date("2026-11-23T10:00:00Z"); // 17:00 local
    const since = bot.emu.calls.length;
    await bot.app.scheduler.runNow("tip-slots", clock);
    const tip = await u.nextReply({ since, timeoutMs: 10_000 });
    expect(tip.text).toContain("📘");
    expect(hasKhmer(tip.text)).toBe(true);
    // The source line names the topic in Khmer and introduces the English reference in Khmer.
    expect(tip.text).toContain("— ប្រភព៖ រៀបចំផែនការមុនពេលសម្ភាស · ឯកសារយោង (ភាសាអង់គ្លេស)៖ Scottish Government");
    expect(tip.text).not.toContain("Planning;");
    expect(tip.buttons.flat().map((b) => b.text)).toEqual([
      "👍 មានប្រយោជន៍",
      "🔁 រំលឹកម្តងទៀតពេលក្រោយ",
      "❓ សួរខ្ញុំ",
      "⏸ ផ្អាកគន្លឹះ",
    ]);

    const question = await u.askPress("❓ សួរខ្ញុំ");
    expect(hasKhmer(question.text)).toBe(true);
    const answer = await u.askPress("អ្នកណាសួរ អ្នកណាសង្កេត និងសញ្ញាមួយ");
    expect(answer.text).toContain("✅ ត្រឹមត្រូវ");

    const pressHelpful = u.press("👍 មានប្រយោជន៍", { messageId: tip.message_id });
    expect((await u.answerTo(pressHelpful)).params.text).toContain("អរគុណ");

    const paused = await u.askPress("⏸ ផ្អាកគន្លឹះ");
    expect(paused.text).toContain("⏸");
    await bot.idle();
    clock = new Date("2026-11-24T10:00:00Z"); // Tuesday 17:00 local
    await bot.app.scheduler.runNow("tip-slots", clock);
    const rows = await bot.db.prisma.outboxMessage.count({ where: { job: { key: "tip:2026-11-24T17:00" } } });
    expect(rows).toBe(0);
    const events = await bot.db.prisma.usageEvent.findMany({ where: { type: { startsWith: "tip" } } });
    expect(events.map((e) => e.type).sort()).toEqual(["tip.feedback", "tip.quiz_answered", "tip.sent", "tips.paused"]);
  });

  it("When an officer asks /tip and browses /topics, then they get the next unseen tip and can open any topic's tips", async () => {
    const u = bot.emu.user({ id: nextId++, language_code: "en" });
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    await u.askPress("I agree");
    await u.ask(await seedInvite(bot));
    await u.askPress("Kampot");
    await u.askPress("Other");
    await u.askPress("No tips for now");
    const menu = await u.askCommand("start");
    expect(menu.buttons.flat().map((b) => b.text)).toContain("💡 A tip now");
    const first = await u.askPress("💡 A tip now");
    expect(first.text).toContain("Plan before you interview");
    const second = await u.askCommand("tip");
    expect(second.text).not.toBe(first.text);
    const topics = await u.askCommand("topics");
    expect(topics.buttons.flat().map((b) => b.text)).toContain("Rapport first, and never skip it");
    const list = await u.askPress("Rapport first, and never skip it");
    expect(list.text).toContain("Rapport");
    const opened = await u.askPress((b) => b.callback_data?.startsWith("tipshow:rapport-01") ?? false);
    expect(opened.text).toContain("📘 Rapport");
  });

  it("When someone presses a forged or archived tip button, then they get a polite answer and nothing is recorded", async () => {
    const u = bot.emu.user({ id: nextId++, language_code: "en" });
    const stranger = u.pressData("tip:h:planning-01");
    expect((await u.answerTo(stranger)).params.text).toMatch(/invite/i);
    const before = await bot.db.prisma.tipView.count();
    const officer = await khmerOfficer();
    const forged = officer.pressData("tip:h:no-such-tip");
    expect((await officer.answerTo(forged)).params.text).toContain("លែងមាន");
    await bot.idle();
    expect(await bot.db.prisma.tipView.count()).toBe(before);
  });

  it("When an officer changes tip preferences in /settings, then the new frequency and time are saved and shown", async () => {
    const u = bot.emu.user({ id: nextId++, language_code: "km" });
    await enrolKhmer(bot, u);
    const settings = await u.askCommand("settings");
    expect(settings.buttons.flat().map((b) => b.text)).toContain("🔔 គន្លឹះ៖ មិនទាន់ចង់បានគន្លឹះទេ 08:00");
    await u.askPress("🔔 គន្លឹះ៖ មិនទាន់ចង់បានគន្លឹះទេ 08:00");
    await u.askPress("រៀងរាល់ថ្ងៃច័ន្ទ");
    const saved = await u.askPress("06:00");
    expect(saved.text).toBe("បានរក្សាទុក៖ រៀងរាល់ថ្ងៃច័ន្ទ នៅម៉ោង 06:00។");
    const forged = u.pressData("tipset:t:weekly:03:00");
    expect((await u.answerTo(forged)).params.text).toBeTruthy();
    await bot.idle();
    const member = await bot.db.prisma.member.findFirstOrThrow({ where: { tipTime: "06:00" } });
    expect(member).toMatchObject({ tipFrequency: "weekly", tipTime: "06:00" });
  });
});
