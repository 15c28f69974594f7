// The "done when" of staff summaries, tried as people would against the emulator: an admin invites a staff member,
// who enrols in Khmer and asks /summary for the last 4 weeks by province. 3 officers in Kep and 20 in Kampot: Kep
// is "< 5" everywhere and cannot be recovered from the totals; wellbeing is never broken down.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { enrol, freshData, hasKhmer, pseudonymOf, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";
import { seedOfficers } from "../helpers/summary.js";

let bot: TestBot;
const ADMIN_ID = 956_100_001;
const STAFF_ID = 956_100_002;
let officerIds: string[] = [];

beforeAll(async () => {
  bot = await startTestBot({ env: { ADMIN_TELEGRAM_IDS: String(ADMIN_ID) } });
});
// Each test starts with its own programme: 3 officers in Kep and 20 in Kampot.
beforeEach(async () => {
  await freshData(bot);
  const prisma = bot.db.prisma;
  officerIds = [
    ...(await seedOfficers(prisma, { prefix: "sumkep", province: "kep", count: 3 })),
    ...(await seedOfficers(prisma, { prefix: "sumkampot", province: "kampot", count: 20, checkinsEach: 2 })),
  ];
});
afterAll(async () => {
  await bot.stop();
});

/** Everything the bot sent to a chat from `since` until (and including) the CSV. */
async function summaryReplies(user: TestUser, since: number) {
  const doc = await bot.emu.waitFor((c) => c.ok && c.method === "sendDocument" && c.params.chat_id === user.id, {
    since,
    timeoutMs: 120_000,
  });
  const calls = bot.emu.calls.slice(since, doc.index + 1).filter((c) => c.ok && c.params.chat_id === user.id);
  const texts = calls.filter((c) => c.method === "sendMessage").map((c) => String(c.params.text));
  const photos = calls.filter((c) => c.method === "sendPhoto").map((c) => c.message?.photo?.at(-1)?.file_id ?? "");
  const csv = bot.emu.fileData(doc.message?.document?.file_id ?? "")?.toString("utf8") ?? "";
  return { texts, photos: photos.map((id) => bot.emu.fileData(id) ?? Buffer.alloc(0)), csv };
}

describe("staff summaries", () => {
  it("When an admin invites a staff member who enrols in Khmer and asks for the last 4 weeks by province, then Khmer text, charts and a CSV come, with Kep suppressed everywhere", async () => {
    const admin = await enrol(bot, bot.emu.user({ id: ADMIN_ID, language_code: "en" }), "admin");
    await admin.askCommand("invite");
    await admin.askPress("programme staff");
    await admin.askPress("5");
    const created = await admin.askPress("7 days");
    const code = /Invite code: (\S+)/.exec(created.text ?? "")?.[1] ?? "";
    expect(code).not.toBe("");

    const staff = bot.emu.user({ id: STAFF_ID, first_name: "Sokha", username: "sokha_staff", language_code: "km" });
    await staff.askCommand("start");
    await staff.askPress("ភាសាខ្មែរ");
    await staff.askPress("បន្ត");
    await staff.askPress("ខ្ញុំយល់ព្រម");
    await staff.ask(code);
    await staff.askPress("កំពត");
    await staff.askPress("ផ្សេងៗ");
    await staff.askPress("មិនទាន់ចង់បានគន្លឹះទេ");

    const periods = await staff.askCommand("summary");
    expect(periods.text).toContain("តើរយៈពេលណា");
    const breakdowns = await staff.askPress("៤ សប្តាហ៍ចុងក្រោយ");
    expect(breakdowns.text).toContain("បែងចែក");
    const since = bot.emu.calls.length;
    staff.press("តាមខេត្ត");
    const { texts, photos, csv } = await summaryReplies(staff, since);

    // Khmer text with Khmer digits: 23 officers, Kep "fewer than 5", Kampot hidden so Kep cannot be worked out.
    const text = texts.join("\n");
    expect(hasKhmer(text)).toBe(true);
    expect(text).toContain("មន្ត្រី (ចុះឈ្មោះយ៉ាងហោចណាស់ ២ សប្តាហ៍)៖ ២៣");
    expect(text).toMatch(/កែប៖ មន្ត្រីតិចជាង ៥ នាក់/);
    expect(text).toMatch(/កំពត៖ មន្ត្រី លាក់/);
    expect(text).not.toMatch(/[0-9]/); // Khmer digits throughout
    expect(text).toContain("សុខុមាលភាពតាមក្រុម៖ បដិសេធ");

    // At least two real PNG charts.
    expect(photos.length).toBeGreaterThanOrEqual(2);
    for (const png of photos) expect(png.subarray(1, 4).toString()).toBe("PNG");

    // The CSV: a header naming each metric, the same suppression, nothing that identifies a person.
    const rows: string[][] = parse(csv, { bom: true });
    const header = rows[0] ?? [];
    expect(header.join("|")).toContain("[officers.value]");
    expect(header.join("|")).toContain("[active-officers.num]");
    const total = rows.find((r) => r[1] === "programme") ?? [];
    const kep = rows.find((r) => r[1] === "province" && r[2] === "កែប") ?? [];
    const kampot = rows.find((r) => r[1] === "province" && r[2] === "កំពត") ?? [];
    expect(total[header.indexOf("មន្ត្រី (ចុះឈ្មោះយ៉ាងហោចណាស់ ២ សប្តាហ៍): តម្លៃ [officers.value]")]).toBe("23");
    for (let i = 3; i < header.length; i++) {
      // Every Kep cell is "< 5" (or not a group figure at all); never a number.
      expect(["< 5", "programme only", "n/a"], `${header[i]}: ${kep[i]}`).toContain(kep[i]);
      // Subtraction attack: where the total is published and Kep is small, Kampot is not a number either.
      if (/^\d+$/.test(total[i] ?? "") && kep[i] === "< 5") expect(kampot[i], header[i]).not.toMatch(/^\d/);
    }
    const wellbeing = header.findIndex((h) => h.includes("[wellbeing-mean.value]"));
    expect(kampot[wellbeing]).toBe("programme only");
    const everything = `${csv}\n${text}`;
    const handles = await bot.db.prisma.member.findMany({ select: { handle: true } });
    for (const needle of [
      String(STAFF_ID),
      "Sokha",
      "sokha_staff",
      String(ADMIN_ID),
      ...handles.map((h) => h.handle),
    ]) {
      expect(everything).not.toContain(needle);
    }

    // Pseudonymous staff-side events (recorded once the update is handled).
    await bot.idle();
    const pseudonym = await pseudonymOf(bot, STAFF_ID);
    const events = await bot.db.prisma.usageEvent.findMany({ where: { pseudonym, type: { startsWith: "summary." } } });
    expect(events.map((e) => e.type).sort()).toEqual(["summary.csv_exported", "summary.viewed"]);
    expect(events.find((e) => e.type === "summary.viewed")?.attrs).toEqual({
      period: "4w",
      breakdown: "province",
      scope: "full",
    });
    expect(officerIds).toHaveLength(23);
  });

  it("When staff pick 'a month', then the months are named in Khmer, and a forged period is answered as expired", async () => {
    const staff = await seedEnrolled(bot, bot.emu.user({ id: STAFF_ID + 10, language_code: "km" }), "staff");
    await staff.askCommand("summary");
    const months = await staff.askPress("មួយខែ…");
    const labels = months.buttons.flat().map((b) => b.text);
    expect(labels).toHaveLength(12);
    expect(labels.every((l) => /^[\u1780-\u17FF]+ [០-៩]{4}$/.test(l))).toBe(true);
    const breakdown = await staff.askPress(labels[1] ?? "");
    expect(breakdown.text).toContain("បែងចែក");
    const since = bot.emu.calls.length;
    staff.press("តាមប្រភេទអង្គភាព");
    const { texts } = await summaryReplies(staff, since);
    expect(texts.join("\n")).toContain("តាមប្រភេទអង្គភាព");
    const forged = await staff.answerTo(staff.pressData("sumgo:m209913:province"));
    expect(String(forged.params.text)).toContain("ប៊ូតុង");
  });

  it("When an officer sends /summary or forges its button, then it is refused on the server", async () => {
    const officer = await enrol(bot, bot.emu.user({ id: 956_100_010, language_code: "en" }));
    expect((await officer.askCommand("summary")).text).toContain("not available for your role");
    const answer = await officer.answerTo(officer.pressData("sumgo:4w:province"));
    expect(String(answer.params.text)).toContain("not available for your role");
    const sent = bot.emu.calls.filter((c) => c.params.chat_id === officer.id && c.method === "sendDocument");
    expect(sent).toHaveLength(0);
  });

  it("When a trainer asks for a summary, then only the tips and broadcast parts come (no wellbeing)", async () => {
    const trainer = await enrol(bot, bot.emu.user({ id: 956_100_020, language_code: "en" }), "trainer");
    await trainer.askCommand("summary");
    await trainer.askPress("Last 4 weeks");
    const since = bot.emu.calls.length;
    trainer.press("Whole programme");
    const { texts, csv } = await summaryReplies(trainer, since);
    const text = texts.join("\n");
    expect(text).toContain("Tips acknowledged");
    expect(text).not.toContain("Wellbeing");
    expect(text).not.toContain("Reflections");
    expect(csv).not.toContain("wellbeing");
  });
});
