import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import {
  freshData,
  hasKhmer,
  pseudonymOf,
  replyContaining,
  seedInvite,
  startTestBot,
  type TestBot,
} from "../helpers/bot.js";

let bot: TestBot;
let nextId = 7_000_001;
const newUser = (language_code?: string) =>
  bot.emu.user({
    id: nextId++,
    first_name: "Dara",
    username: `dara_${nextId}`,
    ...(language_code ? { language_code } : {}),
  });

beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

/** Walks the whole onboarding with button presses; returns every bot message text seen. */
async function onboard(u: TestUser, code: string, lang: "km" | "en"): Promise<string[]> {
  const L =
    lang === "km"
      ? {
          lang: "ភាសាខ្មែរ",
          next: "បន្ត",
          agree: "ខ្ញុំយល់ព្រម",
          province: "កំពត",
          unit: "អង្គភាពការពារកុមារ",
          tips: "រៀងរាល់ថ្ងៃ",
        }
      : {
          lang: "English",
          next: "Continue",
          agree: "I agree",
          province: "Kampot",
          unit: "Child Protection Unit",
          tips: "Every day",
        };
  const seen: string[] = [];
  const step = async (p: Promise<{ text?: string }>) => {
    const m = await p;
    seen.push(m.text ?? "");
    return m;
  };
  await step(u.askCommand("start"));
  await step(u.askPress(L.lang));
  await step(u.askPress(L.next));
  await step(u.askPress(L.agree));
  await step(u.ask(code));
  await step(u.askPress(L.province));
  await step(u.askPress(L.unit));
  await step(u.askPress(L.tips));
  const done = await step(u.askPress("17:00"));
  expect(done.text).toBeTruthy();
  return seen;
}

describe("onboarding", () => {
  it("When a Khmer-speaking user enrols with a valid code, then every step is in Khmer and ends at the main menu", async () => {
    const u = newUser("km");
    const seen = await onboard(u, await seedInvite(bot), "km");
    // The first prompt shows both languages; every later one is Khmer.
    for (const text of seen) expect(hasKhmer(text), text).toBe(true);
    expect(seen.slice(1).join("\n")).not.toMatch(/\b(Welcome|privacy|invite|province|menu)\b/i);
    const last = u.last();
    expect(last?.text).toContain("រួចរាល់");
    expect(last?.buttons.flat().map((b) => b.text)).toContain("⚙️ ការកំណត់");
  });

  it("When an English-speaking user enrols, then the flow and the menu are in English", async () => {
    const u = newUser("en");
    const seen = await onboard(u, await seedInvite(bot), "en");
    expect(seen.at(-1)).toContain("All set!");
    expect(seen.slice(1).some(hasKhmer)).toBe(false);
  });

  it("When a user has no language code, then Khmer is pre-selected", async () => {
    const u = newUser();
    const first = await u.askCommand("start");
    expect(first.buttons.flat().map((b) => b.text)).toContain("✅ ភាសាខ្មែរ");
  });

  it("When someone presses Back on the privacy notice, then the welcome comes again", async () => {
    const u = newUser("en");
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    const again = await u.askPress("Back");
    expect(again.text).toContain("Welcome to Mitt");
  });

  it("When someone declines the privacy notice, then nothing but the refusal is stored", async () => {
    const u = newUser("en");
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    const reply = await u.askPress("I don't agree");
    expect(reply.text).toContain("has not kept");
    await bot.idle();
    expect(await pseudonymOf(bot, u.id)).toBe("");
    expect(await bot.db.prisma.identity.count()).toBe(0);
    expect(await bot.db.prisma.member.count()).toBe(0);
    expect(await bot.db.prisma.kvState.count()).toBe(0);
    // The refusal is counted, under no pseudonym.
    const events = await bot.db.prisma.usageEvent.findMany();
    expect(events.map((e) => [e.type, e.pseudonym]).sort()).toEqual([
      ["consent.declined", "anonymous"],
      ["onboarding.started", "anonymous"],
    ]);
  });

  it("When a sticker arrives mid-onboarding, then a nudge and the same question come back", async () => {
    const u = newUser("en");
    await u.askCommand("start");
    await u.askPress("English");
    const since = bot.emu.calls.length;
    u.sendSticker();
    await replyContaining(bot.emu, u, "Please press one of the buttons", since);
    await replyContaining(bot.emu, u, "Welcome to Mitt", since);
  });

  it("When five wrong codes are sent within ten minutes, then the user is politely asked to wait", async () => {
    const u = newUser("en");
    await u.askCommand("start");
    await u.askPress("English");
    await u.askPress("Continue");
    await u.askPress("I agree");
    for (let i = 0; i < 4; i++) expect((await u.ask(`WRONG-${i}`)).text).toContain("isn't right");
    expect((await u.ask("WRONG-5")).text).toContain("Please wait 10 minutes");
    const valid = await seedInvite(bot);
    expect((await u.ask(valid)).text).toContain("Please wait");
  });

  it("When an unenrolled user sends text, a command or a forged button, then each gets the invite message", async () => {
    const u = newUser("km");
    for (const reply of [await u.ask("hello"), await u.askCommand("settings"), await u.askCommand("invite")]) {
      expect(reply.text).toContain("លេខកូដអញ្ជើញ");
    }
    const press = u.pressData("menu:settings");
    const answer = await u.answerTo(press);
    expect(String(answer.params.text)).toContain("លេខកូដអញ្ជើញ");
  });

  it("When an unenrolled user asks for /help or /language, then they get it", async () => {
    const u = newUser("en");
    expect((await u.askCommand("help")).text).toContain("invite code from your trainer");
    const lang = await u.askCommand("language");
    expect(lang.buttons.flat().map((b) => b.text)).toEqual(["ភាសាខ្មែរ", "English"]);
    const changed = await u.askPress("ភាសាខ្មែរ");
    expect(changed.text).toContain("ភាសាខ្មែរ");
  });
});
