// Fair under a flood: one account sending 30 messages a second must not hold up anyone else. The flooder gets
// FLOOD_LIMIT_PER_10S answers and one short notice per 10-second window; everyone else's messages and presses are
// answered, and before the flood has drained. The clock is the app's (moved, not slept): no timing assertions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { menu } from "../../src/bot/buttons.js";
import { freshData, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";

const LIMIT = 20; // the default FLOOD_LIMIT_PER_10S
let bot: TestBot;
let emu: Emulator;
let t = Date.parse("2026-11-26T03:00:00Z"); // 10:00 in Phnom Penh
let nextId = 6_900_001;

beforeAll(async () => {
  emu = await startEmulator({ globalRatePerSec: Number.POSITIVE_INFINITY, perChatPerSec: Number.POSITIVE_INFINITY });
  bot = await startTestBot({ emu, now: () => new Date(t), env: { FLOOD_LIMIT_PER_10S: String(LIMIT) } });
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
  await emu.close();
});

/** Index of the log line of a handled update (the update logger writes it once the update is done). */
const handledAt = (updateId: number) =>
  bot.logs.findIndex((l) => l.includes('"msg":"update handled"') && l.includes(`"update_id":${updateId},`));

const notices = (chatId: number, fragment: string) =>
  emu.calls.filter((c) => c.ok && c.message?.chat.id === chatId && (c.message.text ?? "").includes(fragment));

describe("flood", () => {
  it("When one officer sends 30 messages a second while others use Mitt, then the others are all answered before the flood drains and the flooder gets one notice", async () => {
    const flooder = await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "en" }), "officer", {
      locale: "en",
    });
    const others = await Promise.all(
      [0, 1, 2, 3].map(() => seedEnrolled(bot, emu.user({ id: nextId++, language_code: "km" }), "officer")),
    );
    const admin = await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "en" }), "admin", { locale: "en" });
    const since = emu.calls.length;

    // Two seconds of flood (30 a second), then everyone else: two messages and two presses.
    const flood = [];
    for (let second = 0; second < 2; second++) {
      for (let i = 0; i < 30; i++) flood.push(flooder.command("help"));
      t += 1000;
    }
    const [a, b, c, d] = others as [(typeof others)[0], (typeof others)[0], (typeof others)[0], (typeof others)[0]];
    const theirs = [a.command("help"), b.command("help"), c.pressData(menu("help")), d.pressData(menu("help"))];
    await bot.idle();

    // Everyone else: a reply each (presses answered too), each handled before the flooder's last update.
    const lastFlood = handledAt(flood.at(-1)?.update_id ?? -1);
    expect(lastFlood).toBeGreaterThan(-1);
    for (const [i, person] of [a, b, c, d].entries()) {
      const replies = emu.calls.slice(since).filter((x) => x.ok && x.message?.chat.id === person.id);
      expect(replies.length, `person ${i}`).toBe(1);
      expect(replies[0]?.message?.text).toContain("/start");
      expect(handledAt(theirs[i]?.update_id ?? -1)).toBeLessThan(lastFlood);
    }
    expect(emu.unansweredCallbackQueries()).toEqual([]);

    // The flooder: LIMIT answers, then exactly one notice (in their language) for the window.
    const toFlooder = emu.calls.slice(since).filter((x) => x.ok && x.message?.chat.id === flooder.id);
    expect(toFlooder.filter((x) => x.message?.text?.includes("/start")).length).toBe(LIMIT);
    expect(notices(flooder.id, "sending messages very fast").length).toBe(1);

    // The next window: again LIMIT answers and one more notice. Admins are limited like everyone.
    t += 10_000;
    for (let i = 0; i < 30; i++) flooder.command("help");
    for (let i = 0; i < 30; i++) admin.command("help");
    await bot.idle();
    expect(notices(flooder.id, "sending messages very fast").length).toBe(2);
    expect(notices(admin.id, "sending messages very fast").length).toBe(1);
    const adminReplies = emu.calls.slice(since).filter((x) => x.ok && x.message?.chat.id === admin.id);
    expect(adminReplies.length).toBe(LIMIT + 1);
  });

  it("When a flooder writes in Khmer, then the one notice is in Khmer", async () => {
    const flooder = await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "km" }), "officer");
    t += 10_000;
    for (let i = 0; i < LIMIT + 5; i++) flooder.send("សួស្តី");
    await bot.idle();
    expect(notices(flooder.id, "អ្នកកំពុងផ្ញើសារលឿនពេក").length).toBe(1);
  });
});
