// A press delivered twice gives the same result as once: the same update again (a duplicate delivery), and the same
// press in a new update (what a restart between handling and confirming looks like to the new process).
import type { Update } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { freshData, pseudonymOf, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
let nextId = 6_400_001;
beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

const officer = (locale: "km" | "en") =>
  seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: locale }), "officer", { locale });

/** The checklist as the officer sees it now: the label of each ticked box. */
const ticked = (u: TestUser) =>
  (u.last()?.buttons.flat() ?? []).filter((b) => b.text.startsWith("✅")).map((b) => b.text);

async function pressTwice(u: TestUser, label: string, again: (press: Update) => void) {
  const since = bot.emu.calls.length;
  const press = u.press(label);
  await u.nextReply({ since });
  await bot.idle();
  again(press);
  await bot.idle();
}

describe("idempotent presses", () => {
  it("When a checklist press is delivered twice with the same update_id, then the box is ticked once", async () => {
    const u = await officer("en");
    await u.askCommand("reflect");
    await pressTwice(u, "Rapport built first", (press) => bot.emu.redeliver(press));
    expect(ticked(u)).toEqual(["✅ Rapport built first"]);
    await u.askPress("Done ✔️");
    await bot.idle();
    const c = await bot.db.prisma.checkIn.findFirstOrThrow({ where: { pseudonym: await pseudonymOf(bot, u.id) } });
    expect(c.status).toBe("open");
    expect(bot.logs.filter((l) => l.includes('"handler":"duplicate"'))).toHaveLength(1);
  });

  it("When the same Khmer checklist press comes again in a new update (as after a restart), then the box stays ticked once and Done keeps it", async () => {
    const u = await officer("km");
    await u.askCommand("reflect");
    await pressTwice(u, "បានកសាងទំនុកចិត្តជាមុន", (press) => {
      bot.emu.inject({ callback_query: press.callback_query } as Omit<Update, "update_id">);
    });
    expect(ticked(u)).toEqual(["✅ បានកសាងទំនុកចិត្តជាមុន"]);
    await u.askPress("រួចរាល់ ✔️");
    await u.askPress("⏭ រំលង"); // Q2
    await u.askPress("⏭ រំលង"); // Q4
    await u.askPress("⏭ រំលង"); // Q5
    await u.askPress("⏭ រំលង"); // Q6
    await u.askPress("បញ្ចប់ ✔️");
    await bot.idle();
    const c = await bot.db.prisma.checkIn.findFirstOrThrow({ where: { pseudonym: await pseudonymOf(bot, u.id) } });
    expect(c.elements).toEqual(["rapport"]);
    expect(bot.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });

  it("When a settings button is pressed again in a new update, then the setting keeps the value the button set", async () => {
    const u = await officer("en");
    await u.askCommand("reflect", "settings");
    const weekly = (b: { callback_data?: string }) => b.callback_data?.startsWith("ci:set:weekly") === true;
    const since = bot.emu.calls.length;
    const press = u.press(weekly);
    await u.nextReply({ since });
    await bot.idle();
    bot.emu.inject({ callback_query: press.callback_query } as Omit<Update, "update_id">);
    await bot.idle();
    const m = await bot.app.deps.members.find(await pseudonymOf(bot, u.id));
    expect(m?.weeklyPrompt).toBe(true);
  });
});
