// Bad text never loses a note, and a failed save says so: NUL bytes, lone surrogates, zero-width and direction
// marks, emoji sequences and 4,096-character messages, in Khmer and English, and a database that fails once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { freshData, pseudonymOf, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
let nextId = 6_300_001;
beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

const officer = (locale: "km" | "en") =>
  seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: locale }), "officer", { locale });

/** A check-in up to its free-text question, by buttons. */
async function upToQ5(u: TestUser, km: boolean) {
  await u.askCommand("reflect");
  await u.askPress(km ? "មិនបានធ្វើទាំងនេះទេ" : "None of these");
  await u.askPress(km ? "មិនប្រាកដទេ" : "Not sure");
  return u.askPress("😐");
}

async function finish(u: TestUser, km: boolean) {
  await u.askPress(km ? "⏭ រំលង" : "⏭ Skip");
  return u.askPress(km ? "បញ្ចប់ ✔️" : "Finish ✔️");
}

const savedTexts = async (u: TestUser) =>
  (await bot.db.prisma.freeText.findMany({ where: { pseudonym: await pseudonymOf(bot, u.id) } })).map((t) => t.text);

describe("bad text", () => {
  it("When a Khmer check-in's free text holds a NUL byte, a lone surrogate, a direction override and emoji, then it is saved clean", async () => {
    const u = await officer("km");
    await upToQ5(u, true);
    const typed = "កុមារ\u0000និយាយ\u200Bបានល្អ \u202Eok\u202C 👨‍👩‍👧 \uD83D";
    const kept = await u.ask(typed);
    expect(kept.text).toContain("កុមារនិយាយ\u200Bបានល្អ ok 👨‍👩‍👧 \uFFFD");
    await u.askPress("✅ រក្សាទុក");
    expect((await finish(u, true)).text).toContain("✅");
    await bot.idle();
    expect(await savedTexts(u)).toEqual(["កុមារនិយាយ\u200Bបានល្អ ok 👨‍👩‍👧 \uFFFD"]);
    expect(bot.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });

  it("When an English officer sends 4,096 characters, control characters and right-to-left marks, then each gets a clear reply and the shorter text is saved", async () => {
    const u = await officer("en");
    await upToQ5(u, false);
    expect((await u.ask("x".repeat(4096))).text).toContain("under 400 characters");
    expect((await u.ask(`${"y".repeat(5000)}`)).text).toContain("under 400 characters");
    const kept = await u.ask("It went\u0007 well\r\nafter a break \u200Fmark\u0000");
    expect(kept.text).toContain("It went well\nafter a break \u200Fmark");
    await u.askPress("✅ Save");
    await finish(u, false);
    await bot.idle();
    expect(await savedTexts(u)).toEqual(["It went well\nafter a break \u200Fmark"]);
  });

  it("When saving a check-in fails, then the officer is told plainly, keeps the answers and can try again", async () => {
    for (const locale of ["km", "en"] as const) {
      const km = locale === "km";
      const u = await officer(locale);
      await upToQ5(u, km);
      await u.ask(km ? "ការសម្ភាសន៍ល្អ" : "The interview went well");
      await u.askPress(km ? "✅ រក្សាទុក" : "✅ Save");
      await u.askPress(km ? "⏭ រំលង" : "⏭ Skip");
      const checkins = bot.app.deps.checkins;
      const original = checkins.finish;
      checkins.finish = () => Promise.reject(new Error("connection to the database was lost"));
      let failed: string | undefined;
      try {
        failed = (await u.askPress(km ? "បញ្ចប់ ✔️" : "Finish ✔️")).text;
      } finally {
        checkins.finish = original;
      }
      expect(failed).toContain(km ? "មិនអាចរក្សាទុក" : "could not be saved");
      expect(failed).not.toMatch(/Nothing you did was lost|មិនបាត់បង់ទេ/);
      expect(await savedTexts(u)).toEqual([]);
      const done = await u.askPress(km ? "🔁 ព្យាយាមម្តងទៀត" : "🔁 Try again");
      expect(done.text).toContain("✅");
      await bot.idle();
      expect(await savedTexts(u)).toEqual([km ? "ការសម្ភាសន៍ល្អ" : "The interview went well"]);
    }
    const saveErrors = bot.logs.filter((l) => l.includes('"msg":"could not save"'));
    expect(saveErrors).toHaveLength(2);
    expect(saveErrors.join("")).not.toContain("interview went well");
    expect(bot.logs.filter((l) => l.includes('"msg":"update failed"'))).toEqual([]);
  });
});
