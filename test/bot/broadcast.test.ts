// Trainer broadcasts against the emulator, as trainers and officers would use them: compose in Khmer and
// English, target, preview, send now or later, watch, pause, resume, cancel, report, CSV, permissions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import type { ApiCall } from "../../emulator/types.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { reportCsv } from "../../src/services/broadcast-report.js";
import { parseLocalDateTime } from "../../src/services/broadcast-time.js";
import { BROADCAST_JOB } from "../../src/services/broadcasts.js";
import { enrol, freshData, hasKhmer, pseudonymOf, seedInvite, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
/** The app's clock: real time plus an offset the scheduling test moves forward. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const TZ = "Asia/Phnom_Penh";

beforeAll(async () => {
  // Quiet hours off, so the result does not depend on the hour the suite runs at.
  bot = await startTestBot({ now: clock, env: { QUIET_HOURS: "00:00-00:00" } });
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

interface Person {
  id: number;
  locale: "km" | "en";
  province: string;
  role?: "officer" | "trainer" | "staff";
}

/** Officers who enrolled earlier (consent + enrolment through the member repository). */
async function seedPeople(people: Person[]) {
  const { members, pseudonyms } = bot.app.deps;
  for (const p of people) {
    bot.emu.chats.rememberUser({ id: p.id, is_bot: false, first_name: `Sokha${p.id}`, username: `sokha_${p.id}` });
    const { pseudonym } = await members.recordConsent({
      locale: p.locale,
      telegramUserId: p.id,
      chatId: p.id,
      mint: () => {
        const fresh = pseudonyms.fresh();
        return { pseudonym: fresh, handle: pseudonyms.handleOf(fresh) };
      },
    });
    await members.enrol(pseudonym, { role: p.role ?? "officer", province: p.province, unitType: "cpu" });
  }
}

/** Successful bot messages to `chatId` created by the delivery engine whose text or caption contains `marker`. */
function received(chatId: number, marker: string): ApiCall[] {
  return bot.emu.calls.filter(
    (c) =>
      c.ok &&
      ["sendMessage", "sendPhoto", "sendDocument"].includes(c.method) &&
      c.message?.chat.id === chatId &&
      (c.message.text ?? c.message.caption ?? "").includes(marker),
  );
}

async function waitForText(user: TestUser, fragment: string, since = 0, timeoutMs = 20_000) {
  const call = await bot.emu.waitFor(
    (c) => c.ok && c.message?.chat.id === user.id && (c.message.text ?? "").includes(fragment),
    { since, timeoutMs },
  );
  return call;
}

async function broadcastByText(fragment: string) {
  const row = await bot.db.prisma.broadcast.findFirst({
    where: { OR: [{ textKm: { contains: fragment } }, { textEn: { contains: fragment } }] },
  });
  if (!row) throw new Error(`no broadcast with ${fragment}`);
  return row;
}

/** Polls the database (with a pause, PGlite has one connection) until `check` holds. */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Many officers at once, straight into the tables (as earlier enrolments would have left them). */
async function seedCrowd(ids: number[], province: string) {
  const { pseudonyms } = bot.app.deps;
  const people = ids.map((id) => ({ id, pseudonym: pseudonyms.fresh() }));
  await bot.db.prisma.identity.createMany({
    data: people.map((p) => ({ pseudonym: p.pseudonym, telegramUserId: BigInt(p.id), chatId: BigInt(p.id) })),
  });
  await bot.db.prisma.member.createMany({
    data: people.map((p) => ({
      pseudonym: p.pseudonym,
      handle: pseudonyms.handleOf(p.pseudonym),
      locale: "en",
      province,
      unitType: "cpu" as const,
      consentedAt: new Date(),
      enrolledAt: new Date(),
    })),
  });
}

/** /broadcast in English, one version for everyone, to one province; stops at "When?". */
async function composeOne(user: TestUser, text: string, province: string) {
  await user.askCommand("broadcast");
  await user.askPress("One version for everyone");
  await user.ask(text);
  await user.askPress("Provinces");
  await user.askPress(province);
  await user.askPress("Done");
  const since = bot.emu.calls.length;
  await user.askPress("Continue");
  await waitForText(user, "When?", since);
}

/** "25/11/2026 09:00": `days` local days from the app's clock, at `hhmm`, Phnom Penh time. */
function localDate(days: number, hhmm: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TZ });
  return `${day.format(new Date(clock().getTime() + days * 86_400_000))} ${hhmm}`;
}

/** The number of the /broadcasts line whose snippet (on the next line) contains `fragment`. */
function listNumber(list: string | undefined, fragment: string): string {
  const lines = (list ?? "").split("\n");
  const at = lines.findIndex((l) => l.includes(fragment));
  return /^(\d+)\./.exec(lines[at - 1] ?? "")?.[1] ?? "";
}

const A = { id: 960_000_001, locale: "km", province: "kampot" } as const;
const B = { id: 960_000_002, locale: "en", province: "takeo" } as const;
const C = { id: 960_000_003, locale: "en", province: "kampot" } as const; // blocks the bot
const D = { id: 960_000_004, locale: "km", province: "siem-reap" } as const;
const E = { id: 960_000_005, locale: "en", province: "kampot", role: "trainer" } as const;
const KM_TEXT = "សួស្តីមន្ត្រីទាំងអស់គ្នា៖ ការរំលឹកអំពីការសម្ភាសកុមារ";
const EN_TEXT = "Hello officers: a reminder about child interviews";
/** Officers A–E (C has blocked the bot) and an English-speaking trainer, enrolled. */
async function setupTrainer(): Promise<TestUser> {
  await seedPeople([A, B, C, D, E]);
  bot.emu.blockChat(C.id);
  return enrol(bot, bot.emu.user({ id: 960_000_100, language_code: "en" }), "trainer");
}

/** The trainer sends the Khmer+English broadcast to Kampot and Takeo and waits for its report. */
async function sendToKampotAndTakeo(trainer: TestUser) {
  await trainer.askCommand("broadcast");
  await trainer.askPress("Khmer and English");
  await trainer.ask(KM_TEXT);
  await trainer.ask(EN_TEXT);
  await trainer.askPress("Provinces");
  await trainer.askPress("Kampot");
  await trainer.askPress("Takeo");
  await trainer.askPress("Done");
  const since = bot.emu.calls.length;
  await trainer.askPress("Continue");
  await waitForText(trainer, "When?", since);
  await trainer.askPress("Send now");
  await trainer.askPress("Confirm and send");
  await waitForText(trainer, "Report:", since);
  return broadcastByText(EN_TEXT);
}

describe("trainer broadcasts", () => {
  it("When a trainer sends a Khmer+English broadcast to two provinces, then each officer there gets exactly one message in their language and the blocked one is reported", async () => {
    const trainer = await setupTrainer();

    const versions = await trainer.askCommand("broadcast");
    expect(versions.text).toContain("Khmer and in English");
    await trainer.askPress("Khmer and English");
    // Bad input is answered, and the same question comes again.
    let mark = bot.emu.calls.length;
    trainer.sendSticker();
    expect((await trainer.nextReply({ since: mark })).text).toContain("photo or PDF");
    await waitForText(trainer, "Send the Khmer version", mark);
    mark = bot.emu.calls.length;
    expect((await trainer.ask("x".repeat(4097))).text).toContain("Telegram allows 4096");
    await waitForText(trainer, "Send the Khmer version", mark);
    expect((await trainer.ask(KM_TEXT)).text).toContain("English version");
    const audience = await trainer.ask(EN_TEXT);
    expect(audience.text).toContain("Who should receive it?");
    expect(audience.text).toMatch(/Recipients now: \d+/);

    await trainer.askPress("Provinces");
    await trainer.askPress("Kampot");
    const toggled = await trainer.askPress("Takeo");
    expect(toggled.buttons.flat().map((b) => b.text)).toEqual(expect.arrayContaining(["✅ Kampot", "✅ Takeo"]));
    expect(toggled.text).toContain("Recipients now: 3"); // A, B, C; not D (Siem Reap), not E (trainer)
    const back = await trainer.askPress("Done");
    expect(back.text).toContain("Kampot, Takeo");

    const since = bot.emu.calls.length;
    await trainer.askPress("Continue");
    const when = await waitForText(trainer, "When?", since);
    // The previews are the very messages officers get, with the 👍 button in each language.
    const previews = bot.emu.calls.slice(since, when.index).filter((c) => c.message?.chat.id === trainer.id);
    const texts = previews.map((c) => c.message?.text ?? "");
    expect(texts).toEqual(expect.arrayContaining([KM_TEXT, EN_TEXT]));
    const kmPreview = previews.find((c) => c.message?.text === KM_TEXT);
    expect(JSON.stringify(kmPreview?.message?.reply_markup)).toContain("👍 មានប្រយោជន៍");

    // 👍 on the preview is answered by the broadcasts feature while the composer keeps waiting.
    const previewPress = trainer.press("👍 Useful");
    expect(String((await trainer.answerTo(previewPress)).params.text)).toContain("preview");
    await trainer.askPress("Send now");
    // The confirmation and the first progress message race each other: wait for the one this test is about.
    const confirming = bot.emu.calls.length;
    await trainer.askPress("Confirm and send");
    await waitForText(trainer, "Sending to 3 recipients", confirming);

    const report = await waitForText(trainer, "Report:", since);
    const reportText = report.message?.text ?? "";
    expect(reportText).toContain("Recipients: 3");
    expect(reportText).toContain("Sent: 2");
    expect(reportText).toContain("Blocked the bot: 1");
    expect(reportText).toContain("blocked the bot: 1");

    expect(received(A.id, KM_TEXT)).toHaveLength(1);
    expect(received(A.id, EN_TEXT)).toHaveLength(0);
    expect(received(B.id, EN_TEXT)).toHaveLength(1);
    expect(received(B.id, KM_TEXT)).toHaveLength(0);
    for (const other of [C, D, E]) {
      expect(received(other.id, KM_TEXT).length + received(other.id, EN_TEXT).length).toBe(0);
    }
    const b = await broadcastByText(EN_TEXT);
    expect(b.status).toBe("finished");
    expect(b.createdBy).toBe(await pseudonymOf(bot, trainer.id));

    // An officer finds it useful once; a second press and a non-recipient's press do not count.
    const officerA = bot.emu.user({ id: A.id, language_code: "km" });
    const useful = officerA.press("👍 មានប្រយោជន៍");
    expect(String((await officerA.answerTo(useful)).params.text)).toContain("អរគុណ");
    const again = officerA.press("👍 មានប្រយោជន៍");
    expect(String((await officerA.answerTo(again)).params.text)).toContain("រួចហើយ");
    const officerD = bot.emu.user({ id: D.id, language_code: "km" });
    await officerD.answerTo(officerD.pressData(`bcu:${b.id}`));
    expect(await bot.db.prisma.broadcastReaction.count({ where: { broadcastId: b.id } })).toBe(1);
    expect(await bot.app.deps.events.countByType("broadcast.useful")).toBe(1);
    expect(await bot.app.deps.events.countByType("broadcast.delivered")).toBe(2);
  });

  it("When a trainer pauses and resumes a broadcast, then it finishes without duplicates; when one is cancelled, the rest is never sent", async () => {
    const trainer = await setupTrainer();
    const crowd = Array.from({ length: 120 }, (_, i) => 961_000_000 + i);
    await seedCrowd(crowd, "kratie");
    const outbox = createOutboxRepository(bot.db.prisma, bot.app.deps.now);
    const delivered = (marker: string) => crowd.map((id) => received(id, marker).length);

    await composeOne(trainer, "Pause test: refresher on open questions", "Kratie");
    await trainer.askPress("Send now");
    const beforeStart = bot.emu.calls.length;
    await trainer.askPress("Confirm and send");
    // The confirmation the trainer pressed becomes the progress message (no new message in their chat).
    const started = await waitForText(trainer, "Sending to 120 recipients", beforeStart);
    const progress = await waitForText(trainer, "“Pause test", beforeStart);
    const progressId = progress.message?.message_id;
    expect(progress.message?.text).toMatch(/Sent \d+ · ⚠️ Failed \d+ · 🚫 Blocked \d+ · ⏳ Remaining \d+/);

    const pause = trainer.press("Pause");
    expect(String((await trainer.answerTo(pause)).params.text)).toContain("Paused");
    const paused = await broadcastByText("Pause test");
    expect(paused.status).toBe("paused");
    const jobId = paused.jobId ?? "";
    // Rows already handed to the sender may still go out; once they settle, nothing more is sent.
    const atPause = await until(
      () => outbox.progress(jobId),
      (p) => p !== null && p.sending === 0,
    );
    expect(atPause?.queued).toBeGreaterThan(0);
    expect(delivered("Pause test").reduce((a, b) => a + b, 0)).toBe(atPause?.sent);
    const pausedView = await waitForText(trainer, "paused", progress.index);
    expect(pausedView.message?.message_id).toBe(progressId);

    const resume = trainer.press("Resume");
    expect(String((await trainer.answerTo(resume)).params.text)).toContain("Sending again");
    const report = await waitForText(trainer, "Report:", pausedView.index);
    expect(report.message?.text).toContain("Sent: 120");
    expect(delivered("Pause test").every((n) => n === 1)).toBe(true);
    // The progress message was edited at most once every 3 seconds, from when it became one.
    expect(started.message?.message_id).toBe(progressId);
    const edits = bot.emu.calls.filter(
      (c) =>
        c.index >= started.index &&
        c.method === "editMessageText" &&
        c.params.chat_id === trainer.id &&
        c.params.message_id === progressId,
    );
    for (let i = 1; i < edits.length; i++) {
      expect((edits[i]?.at ?? 0) - (edits[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(3000);
    }

    await composeOne(trainer, "Cancel test: this one is stopped", "Kratie");
    await trainer.askPress("Send now");
    const since = bot.emu.calls.length;
    await trainer.askPress("Confirm and send");
    await waitForText(trainer, "“Cancel test", since);
    const ask = await trainer.askPress("Cancel broadcast");
    expect(ask.text).toContain("Cancel this broadcast?");
    const yes = trainer.press("Yes, cancel it");
    expect(String((await trainer.answerTo(yes)).params.text)).toContain("Broadcast cancelled");
    const cancelReport = await waitForText(trainer, "Report:", since);
    const cancelled = await broadcastByText("Cancel test");
    expect(cancelled.status).toBe("cancelled");
    const final = await outbox.progress(cancelled.jobId ?? "");
    const sent = delivered("Cancel test").reduce((a, b) => a + b, 0);
    expect(sent).toBe(final?.sent);
    expect(sent).toBeLessThan(120);
    expect(final?.skipped.cancelled).toBe(120 - sent);
    expect(cancelReport.message?.text).toContain(`Not sent (cancelled): ${120 - sent}`);
    expect(delivered("Cancel test").every((n) => n <= 1)).toBe(true);
  });

  it("When a Khmer-speaking trainer schedules a photo broadcast and edits its time, then it fires once at that time; one cancelled before its time never fires", async () => {
    const trainer = await setupTrainer();
    const kmTrainer = bot.emu.user({ id: 960_000_200, language_code: "km" });
    await kmTrainer.askCommand("start");
    await kmTrainer.askPress("ភាសាខ្មែរ");
    await kmTrainer.askPress("បន្ត");
    await kmTrainer.askPress("ខ្ញុំយល់ព្រម");
    await kmTrainer.ask(await seedInvite(bot, "trainer"));
    await kmTrainer.askPress("កំពត");
    await kmTrainer.askPress("អង្គភាពការពារកុមារ (CPU)");
    await kmTrainer.askPress("មិនទាន់ចង់បានគន្លឹះទេ");

    const seen: string[] = [];
    const step = async (p: Promise<{ text?: string }>) => {
      const m = await p;
      seen.push(m.text ?? "");
      return m;
    };
    await step(kmTrainer.askCommand("broadcast"));
    await step(kmTrainer.askPress("មួយកំណែសម្រាប់អ្នកទាំងអស់គ្នា"));
    let mark = bot.emu.calls.length;
    kmTrainer.sendPhoto("រូបភាពរំលឹក Scheduled hello");
    await step(kmTrainer.nextReply({ since: mark }));
    await step(kmTrainer.askPress("ខេត្ត"));
    await step(kmTrainer.askPress("សៀមរាប"));
    await step(kmTrainer.askPress("រួចរាល់"));
    mark = bot.emu.calls.length;
    await kmTrainer.askPress("បន្ត");
    const when = await waitForText(kmTrainer, "តើផ្ញើពេលណា", mark);
    const preview = bot.emu.calls.slice(mark, when.index).find((c) => c.method === "sendPhoto");
    expect(preview?.message?.caption).toBe("រូបភាពរំលឹក Scheduled hello");
    await step(kmTrainer.askPress("ជ្រើសរើសថ្ងៃ និងម៉ោង"));
    mark = bot.emu.calls.length;
    expect((await kmTrainer.ask("31/02/2030 09:00")).text).toContain("មិនអាចអាន");
    await waitForText(kmTrainer, "តើគួរផ្ញើនៅពេលណា", mark);
    await step(kmTrainer.ask(localDate(2, "09:00")));
    const scheduled = await step(kmTrainer.askPress("បញ្ជាក់ ហើយផ្ញើ"));
    expect(scheduled.text).toContain("បានកំណត់ពេល");
    for (const text of seen) expect(hasKhmer(text), text).toBe(true);

    // A second one, cancelled before its time from /broadcasts.
    await composeOne(trainer, "Cancelled hello: never sent", "Siem Reap");
    await trainer.askPress("Choose date and time");
    await trainer.ask(localDate(2, "09:00"));
    expect((await trainer.askPress("Confirm and send")).text).toContain("Scheduled for");
    const cancelledOne = await broadcastByText("Cancelled hello");
    const list = await trainer.askCommand("broadcasts");
    const number = listNumber(list.text, "Cancelled hello");
    expect((await trainer.askPress(number)).text).toContain("Cancelled hello");
    await trainer.askPress("Cancel broadcast");
    const yes = trainer.press("Yes, cancel it");
    expect(String((await trainer.answerTo(yes)).params.text)).toContain("Broadcast cancelled");
    expect((await broadcastByText("Cancelled hello")).status).toBe("cancelled");

    // The Khmer trainer moves theirs from 09:00 to 10:00.
    const kmList = await kmTrainer.askCommand("broadcasts");
    expect(hasKhmer(kmList.text)).toBe(true);
    await kmTrainer.askPress("1"); // scheduled broadcasts come first, and only one is still scheduled
    await kmTrainer.askPress("ប្តូរពេល");
    const moved = await kmTrainer.ask(localDate(2, "10:00"));
    expect(moved.text).toContain("ឥឡូវនេះ សារនឹងផ្ញើនៅ");
    const photo = await broadcastByText("Scheduled hello");
    const at10 = photo.scheduledAt?.getTime() ?? 0;
    expect(parseLocalDateTime(localDate(2, "10:00"), TZ, clock())?.getTime()).toBe(at10);

    // 09:30 on the day: nothing is due yet.
    offsetMs = at10 - 30 * 60_000 - Date.now();
    await bot.app.scheduler.runNow(BROADCAST_JOB, clock());
    expect((await broadcastByText("Scheduled hello")).status).toBe("scheduled");
    // Just after 10:00 it starts, once, however often the job runs.
    offsetMs = at10 + 60_000 - Date.now();
    mark = bot.emu.calls.length;
    await bot.app.scheduler.runNow(BROADCAST_JOB, clock());
    await bot.app.scheduler.runNow(BROADCAST_JOB, clock());
    await waitForText(kmTrainer, "របាយការណ៍", mark);
    expect(received(D.id, "Scheduled hello")).toHaveLength(1);
    expect(received(D.id, "Scheduled hello")[0]?.method).toBe("sendPhoto");
    expect(received(D.id, "Cancelled hello")).toHaveLength(0);
    const after = await bot.db.prisma.broadcast.findUnique({ where: { id: cancelledOne.id } });
    expect(after?.status).toBe("cancelled");
    expect(after?.jobId).toBeNull();
    offsetMs = 0;
  });

  it("When a trainer exports the report as CSV, then it lists each recipient by handle with no Telegram id or name", async () => {
    const trainer = await setupTrainer();
    const b = await sendToKampotAndTakeo(trainer);
    const officerA = bot.emu.user({ id: A.id, language_code: "km" });
    await officerA.answerTo(officerA.pressData(`bcu:${b.id}`));
    const list = await trainer.askCommand("broadcasts");
    const detail = await trainer.askPress(listNumber(list.text, KM_TEXT.slice(0, 20)));
    expect(detail.text).toContain("Useful: 1");
    const since = bot.emu.calls.length;
    trainer.press("Report per recipient (CSV)");
    const sent = await bot.emu.waitFor(
      (c) => c.ok && c.method === "sendDocument" && c.message?.chat.id === trainer.id,
      {
        since,
      },
    );
    const fileId = sent.message?.document?.file_id ?? "";
    const csv = bot.emu.chats.file(fileId)?.data?.toString("utf8") ?? "";
    expect(sent.message?.document?.file_name).toMatch(/\.csv$/);
    const { pseudonyms } = bot.app.deps;
    const handle = async (id: number) => pseudonyms.handleOf(await pseudonymOf(bot, id));
    expect(csv).toContain("handle,language,province,state,reason");
    expect(csv).toContain(`${await handle(A.id)},km,kampot,sent,`);
    expect(csv).toContain(`${await handle(B.id)},en,takeo,sent,`);
    expect(csv).toContain(`${await handle(C.id)},en,kampot,failed,blocked`);
    expect(csv.trim().split("\r\n")).toHaveLength(4);
    for (const p of [A, B, C, D]) {
      expect(csv).not.toContain(String(p.id));
      expect(csv).not.toContain(`Sokha${p.id}`);
      expect(csv).not.toContain(await pseudonymOf(bot, p.id));
    }
    expect(csv).not.toContain(String(trainer.id));
    // The builder itself never takes anything but these five fields.
    expect(reportCsv([{ handle: null, locale: null, province: null, state: "skipped", reason: "deleted" }])).toContain(
      "deleted,,,skipped,deleted",
    );
  });

  it("When an officer tries to start, pause or cancel a broadcast by command or forged button, then it is refused and logged without content", async () => {
    const trainer = await setupTrainer();
    const sent = await sendToKampotAndTakeo(trainer);
    const officer = bot.emu.user({ id: B.id, language_code: "en" });
    expect((await officer.askCommand("broadcast")).text).toContain("not available for your role");
    expect((await officer.askCommand("broadcasts")).text).toContain("not available for your role");
    const menu = await officer.askCommand("start");
    expect(menu.buttons.flat().map((b) => b.text)).not.toContain("📢 Broadcasts");

    const trainerPseudonym = await pseudonymOf(bot, trainer.id);
    const id = await bot.app.deps.broadcasts.create(
      trainerPseudonym,
      {
        km: { text: "Forgery target", entities: [] },
        en: null,
        media: null,
        audience: { provinces: ["kampot"], unitTypes: [], locale: null, inactiveDays: null, includeTrainers: false },
        urgent: false,
      },
      new Date(clock().getTime() + 7 * 86_400_000),
    );
    for (const data of [`bcp:k:${id}`, `bcp:p:${sent.id}`, `bcp:c:${id}`, `bcl:t:${id}`, "bcl:new", "bc:ok"]) {
      const answer = await officer.answerTo(officer.pressData(data));
      expect(String(answer.params.text), data).toContain("not available for your role");
    }
    expect((await bot.db.prisma.broadcast.findUnique({ where: { id } }))?.status).toBe("scheduled");
    const denied = bot.logs.filter((l) => l.includes("access denied"));
    expect(denied.length).toBeGreaterThanOrEqual(8);
    expect(denied.join("")).not.toMatch(/bcp:|bcl:|bc:ok|Forgery/);
    // The officer is not inside a composer: a plain text gets the usual answer.
    expect((await officer.ask("hello")).text).toContain("didn't understand");
    expect(await bot.app.deps.broadcasts.cancel(id, trainerPseudonym)).toBe("ok");
  });
});
