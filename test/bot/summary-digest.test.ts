// The weekly digest and the data the summaries need that Mitt did not record before: staff opt in from
// /settings and get last week's summary as a photo through the delivery engine; officers say whether their unit
// has a child-friendly room; the weekly stress question and the weekly interview count are counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { localParts } from "../../src/domain/local-time.js";
import { CHECKIN_JOBS } from "../../src/jobs/checkin-jobs.js";
import { DIGEST_JOB } from "../../src/services/metrics/summary-digest.js";
import { enrol, freshData, pseudonymOf, replyContaining, startTestBot, type TestBot } from "../helpers/bot.js";
import { seedOfficers, TZ } from "../helpers/summary.js";

let bot: TestBot;
const ADMIN_ID = 956_200_001;
let officer: TestUser;
let admin: TestUser;

const eventsOf = async (u: TestUser) =>
  (await bot.db.prisma.usageEvent.findMany({ where: { pseudonym: await pseudonymOf(bot, u.id) } })).map(
    (e) => `${e.type} ${JSON.stringify(e.attrs)}`,
  );

// Today at 10:00 in Phnom Penh, moving with real time: outside quiet hours whenever the test runs.
const today = localParts(new Date(), TZ).date;
const started = Date.now();
const now = () => new Date(Date.parse(`${today}T10:00:00+07:00`) + (Date.now() - started));

beforeAll(async () => {
  bot = await startTestBot({ env: { ADMIN_TELEGRAM_IDS: String(ADMIN_ID) }, now });
});
// Each test starts with the same programme of its own: 12 seeded officers, an admin and an officer.
beforeEach(async () => {
  await freshData(bot);
  await seedOfficers(bot.db.prisma, { prefix: "digest", province: "kandal", count: 12 }, now());
  admin = await enrol(bot, bot.emu.user({ id: ADMIN_ID, language_code: "en" }), "admin");
  officer = await enrol(bot, bot.emu.user({ id: 956_200_010, language_code: "en" }));
});
afterAll(async () => {
  await bot.stop();
});

describe("summary data and the weekly digest", () => {
  it("When an officer answers the room question in /settings, then it is stored and only staff see a digest button", async () => {
    const settings = await officer.askCommand("settings");
    const labels = settings.buttons.flat().map((b) => b.text);
    expect(labels.some((l) => l.includes("Child-friendly room at my unit: not answered"))).toBe(true);
    expect(labels.some((l) => l.includes("Weekly summary"))).toBe(false);
    const ask = await officer.askPress("Child-friendly room at my unit");
    expect(ask.text).toContain("child-friendly interview room");
    const answer = await officer.answerTo(officer.press("Yes"));
    expect(String(answer.params.text)).toContain("Saved");
    const member = await bot.app.deps.members.find(await pseudonymOf(bot, officer.id));
    expect(member?.unitRoom).toBe("yes");
    await bot.idle(); // the question's buttons are removed after the answer
    const again = await officer.askCommand("settings");
    expect(again.buttons.flat().some((b) => b.text.includes("Child-friendly room at my unit: Yes"))).toBe(true);

    const forged = await officer.answerTo(officer.pressData("sumdig:1"));
    expect(String(forged.params.text)).toContain("not available for your role");
    await bot.idle();
    expect(await eventsOf(officer)).toEqual(expect.arrayContaining(['settings.unit_room {"room":"yes"}']));
  });

  it("When an officer answers the weekly interview question, then the interviews reported are counted", async () => {
    await officer.answerTo(officer.pressData("ci:wk:0"));
    await bot.idle();
    expect(await eventsOf(officer)).toEqual(expect.arrayContaining(['checkin.interviews_reported {"count":0}']));
  });

  it("When an admin turns the digest on and Monday 08:00 comes, then last week's summary arrives as one photo", async () => {
    const settings = await admin.askCommand("settings");
    expect(settings.buttons.flat().some((b) => b.text.includes("Weekly summary (Mondays 08:00): off"))).toBe(true);
    const saved = await admin.askPress("Weekly summary (Mondays 08:00)");
    expect(saved.text).toContain("every Monday at 08:00");
    const shown = await admin.askCommand("settings");
    expect(shown.buttons.flat().some((b) => b.text.includes("Weekly summary (Mondays 08:00): on"))).toBe(true);

    // The officer also takes the weekly stress question, so a delivered prompt is counted.
    await bot.app.deps.checkins.setPreferences(await pseudonymOf(bot, officer.id), { stressCheck: true });
    let since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(CHECKIN_JOBS.stressCheck, now());
    await replyContaining(bot.emu, officer, "stress", since);

    since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(DIGEST_JOB, now());
    const photo = await bot.emu.waitFor((c) => c.ok && c.method === "sendPhoto" && c.params.chat_id === admin.id, {
      since,
      timeoutMs: 60_000,
    });
    const caption = photo.message?.caption ?? "";
    expect(caption).toContain("Weekly summary");
    expect(caption).toContain("Officers (enrolled at least 2 weeks): 12");
    expect(caption).toContain("/summary");
    expect(caption.length).toBeLessThanOrEqual(1024);
    const png = bot.emu.fileData(photo.message?.photo?.at(-1)?.file_id ?? "");
    expect(png?.subarray(1, 4).toString()).toBe("PNG");
    // Queued once per week: running the job again sends nothing more.
    await bot.app.scheduler.runNow(DIGEST_JOB, now());
    expect(
      await bot.db.prisma.outboxMessage.count({ where: { job: { key: { startsWith: "summary-digest:" } } } }),
    ).toBe(1);

    // Sent events are recorded when Telegram confirmed the message (the worker settles them before it stops).
    await bot.app.worker.stop();
    expect(await eventsOf(admin)).toEqual(
      expect.arrayContaining(["summary.digest_sent {}", 'summary.digest_changed {"on":true}']),
    );
    expect(await eventsOf(officer)).toEqual(expect.arrayContaining(["wellbeing.prompted {}"]));
  });
});
