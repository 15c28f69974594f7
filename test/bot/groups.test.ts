import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commandsFor } from "../../src/bot/commands.js";
import { freshData, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

const COMMANDS = [...new Set([...commandsFor("admin"), "start", "menu", "cancel", "users", "invite", "invites"])];
const BUTTONS = [
  "menu:settings",
  "menu:mydata",
  "menu:users",
  "menu:reflect",
  "menu:invites",
  "settings:delete",
  "settings:delete3",
  "inv:r:officer:5:7",
  "ci:wk:2",
  "wb:sisq:5",
  "tip:h:planning-01",
  "bcl:new",
  "lang:en",
  "nonsense",
];

/** Every call the bot made about this chat (by chat_id). */
const callsFor = (chatId: number) => bot.emu.calls.filter((c) => c.params.chat_id === chatId);

describe("private chats only", () => {
  it("When an admin adds Mitt to a group and sends every command and button there, then the group gets one notice in Khmer and English and Mitt leaves", async () => {
    const group = -100_970_001;
    const admin = await seedEnrolled(bot, bot.emu.user({ id: 970_000_001, language_code: "en" }), "admin");
    admin.addBotTo(group, "group");
    for (const command of COMMANDS) admin.sendInGroup(group, `/${command}`);
    admin.sendInGroup(group, "I had a hard interview today and want to kill myself");
    const presses = BUTTONS.map((data) => admin.pressInGroup(group, data));
    await bot.idle();

    const calls = callsFor(group);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "leaveChat"]);
    const notice = String(calls[0]?.params.text);
    expect(notice).toContain("private chat");
    expect(notice).toContain("ការជជែកឯកជន");
    expect(calls.every((c) => c.ok)).toBe(true);
    // Every press was answered (a toast only the presser sees), and nothing went to the admin's private chat.
    for (const press of presses) await admin.answerTo(press);
    expect(bot.emu.unansweredCallbackQueries()).toEqual([]);
    expect(callsFor(admin.id)).toEqual([]);
    expect(bot.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });

  it("When someone writes to Mitt in a supergroup it was added to earlier, then it answers once and leaves; a channel is left without a post", async () => {
    const group = -100_970_002;
    const channel = -100_970_003;
    const stranger = bot.emu.user({ id: 970_000_002, language_code: "km" });
    bot.emu.chats.groupTypes.set(group, "supergroup");
    stranger.sendInGroup(group, "/start");
    stranger.sendInGroup(group, "/settings");
    stranger.sendInGroup(group, "សួស្តី");
    stranger.addBotTo(channel, "channel");
    await bot.idle();

    expect(callsFor(group).map((c) => c.method)).toEqual(["sendMessage", "leaveChat"]);
    expect(callsFor(channel).map((c) => c.method)).toEqual(["leaveChat"]);
    expect(bot.emu.chats.left.has(group)).toBe(true);
    // Nothing was kept about the stranger: no member, no session, no conversation.
    expect(await bot.db.prisma.member.count()).toBe(0);
    expect(await bot.db.prisma.kvState.count()).toBe(0);
  });
});
