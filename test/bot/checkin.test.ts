// Post-interview check-ins against the emulator, as officers would use them: by buttons, in Khmer, with stickers
// in the middle, with identifying free text, with crisis words, left idle, and across a restart.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SentMessage, TestUser } from "../../emulator/index.js";
import { CHECKIN_JOBS } from "../../src/jobs/checkin-jobs.js";
import {
  enrol,
  enrolKhmer,
  freshData,
  hasKhmer,
  pseudonymOf,
  replyContaining,
  rowsContaining,
  startTestBot,
  type TestBot,
} from "../helpers/bot.js";

const HOUR = 60 * 60_000;
// The app's clock: it starts tomorrow at 10:00 in Phnom Penh (outside quiet hours) and runs at real speed, so
// jobs can be run "2 hours later" with scheduler.runNow(name, at).
const t0 = Date.now();
const base = (() => {
  const d = new Date();
  d.setUTCHours(3, 0, 0, 0);
  return d.getTime() + 24 * HOUR;
})();
const now = () => new Date(base + (Date.now() - t0));

let bot: TestBot;
let restarted: TestBot | undefined;
let nextId = 6_100_001;
const newUser = (language_code: "km" | "en") =>
  bot.emu.user({ id: nextId++, first_name: "Vibol", username: `vibol_${nextId}`, language_code });
const pseudonymOfUser = (u: TestUser) => pseudonymOf(bot, u.id);
const openCheckIn = async (u: TestUser) =>
  bot.db.prisma.checkIn.findFirstOrThrow({
    where: { pseudonym: await pseudonymOfUser(u) },
    orderBy: { ordinal: "desc" },
  });
const eventsOf = async (u: TestUser) =>
  (
    await bot.db.prisma.usageEvent.findMany({ where: { pseudonym: await pseudonymOfUser(u) }, orderBy: { id: "asc" } })
  ).map((e) => `${e.type} ${JSON.stringify(e.attrs)}`);

beforeAll(async () => {
  bot = await startTestBot({ now });
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await restarted?.stop();
  await bot.stop();
});

async function enrolKm(u: TestUser) {
  await enrolKhmer(bot, u);
  return u;
}

/** English check-in up to Q5 (the free-text item), by the quickest buttons. */
async function upToQ5(u: TestUser) {
  await u.askCommand("reflect");
  await u.askPress("None of these");
  await u.askPress("Not sure");
  return u.askPress("😐");
}

describe("check-in", () => {
  it("When a Khmer-speaking officer reflects by buttons, then it takes at most 10 presses and every prompt is in Khmer", async () => {
    const u = await enrolKm(newUser("km"));
    const seen: SentMessage[] = [];
    let actions = 0;
    const act = async (p: Promise<SentMessage>) => {
      actions++;
      seen.push(await p);
    };
    await act(u.askCommand("reflect"));
    await act(u.askPress("បានកសាងទំនុកចិត្តជាមុន")); // Q1: tick "rapport" (the message is edited in place)
    expect(
      seen
        .at(-1)
        ?.buttons.flat()
        .map((b) => b.text),
    ).toContain("✅ បានកសាងទំនុកចិត្តជាមុន");
    await act(u.askPress("រួចរាល់ ✔️"));
    await act(u.askPress("ភាគច្រើន (លើសពី 3 ក្នុង 4)")); // Q2
    await act(u.askPress("🙂")); // Q4
    await act(u.askPress("⏭ រំលង")); // Q5 skipped
    await act(u.askPress("រង់ចាំឱ្យយូរជាងមុន ពេលកុមារស្ងៀម")); // Q6
    await act(u.askPress("បញ្ចប់ ✔️")); // no optional questions
    await bot.idle();

    expect(actions).toBeLessThanOrEqual(10);
    for (const m of seen) expect(hasKhmer(m.text), m.text).toBe(true);
    expect(seen.at(-1)?.text).toContain("បានរក្សាទុក");
    const c = await openCheckIn(u);
    expect(c).toMatchObject({
      status: "completed",
      elements: ["rapport"],
      openShare: "most",
      feeling: 4,
      action: "silence",
      skipped: ["q5"],
      lastActivityAt: null,
    });
    expect(c.week.getUTCDay()).toBe(1); // a Monday: the week, never the day
    const focus = await bot.db.prisma.focusTopic.findMany({ where: { pseudonym: await pseudonymOfUser(u) } });
    expect(focus.map((f) => f.topicId).sort()).toEqual(["closure", "ground-rules", "practice-narrative", "transition"]);
    expect(await eventsOf(u)).toEqual(
      expect.arrayContaining([
        'checkin.started {"source":"command"}',
        'checkin.item_skipped {"item":"q5"}',
        'checkin.completed {"skipped":1,"optional":false}',
        'wellbeing.level {"level":"low","source":"checkin"}',
      ]),
    );

    // Only the officer sees their progress: the open-question estimate and the one thing they chose.
    const progress = await u.askCommand("progress");
    expect(progress.text).toContain("ភាគច្រើន (លើសពី 3 ក្នុង 4)");
    expect(progress.text).toContain("រង់ចាំឱ្យយូរជាងមុន ពេលកុមារស្ងៀម");
    expect(progress.text).toContain("បានបញ្ចប់ការសម្ភាសន៍បានល្អ"); // a topic to work on (closure was not ticked)

    // The next check-in first asks about last time's "one thing".
    const first = await u.askCommand("reflect");
    expect(first.text).toContain("រង់ចាំឱ្យយូរជាងមុន ពេលកុមារស្ងៀម");
    expect((await u.askPress("✅ បាទ/ចាស ខ្ញុំបានសាកល្បង")).text).toContain("1/5");
    expect((await u.askPress("✖️ បោះបង់")).text).toContain("បានឈប់ហើយ");
  });

  it("When a sticker, a voice note or another command arrives mid-check-in, then a nudge and the same question come back", async () => {
    const u = await enrol(bot, newUser("en"));
    await u.askCommand("reflect");
    const q2 = await u.askPress("None of these");
    expect(q2.text).toContain("Roughly how many of your questions were open");

    let since = bot.emu.calls.length;
    u.sendSticker();
    const nudge = await replyContaining(bot.emu, u, "Please press one of the buttons", since);
    expect(nudge).toContain("Roughly how many of your questions were open");

    since = bot.emu.calls.length;
    u.sendVoice();
    expect(await replyContaining(bot.emu, u, "Please press one of the buttons", since)).toContain("Roughly how many");

    since = bot.emu.calls.length;
    u.sendPhoto("Sokha drew this at home");
    expect(await replyContaining(bot.emu, u, "Please press one of the buttons", since)).toContain("Roughly how many");
    await bot.idle();
    expect(await rowsContaining(bot, "Sokha")).toEqual([]); // the caption was scrubbed before the state was stored

    const settings = await u.askCommand("settings");
    expect(settings.text).toContain("You are in the middle of a reflection");
    expect(settings.text).toContain("Roughly how many");

    expect((await u.askPress("About half")).text).toContain("How did you feel");
    expect((await u.askPress("✖️ Cancel")).text).toContain("Nothing from this reflection was kept");
    expect((await openCheckIn(u)).status).toBe("cancelled");
  });

  it("When free text names a child, their age and a phone number, then only the scrubbed text is kept, nowhere the original", async () => {
    const u = await enrol(bot, newUser("en"));
    const q5 = await upToQ5(u);
    expect(q5.text).toContain("No names or case details");
    const original = "Sokha, 12 years old, phone 012 345 678, said it was hard";
    const kept = await u.ask(original);
    expect(kept.text).toContain("This is what will be kept");
    expect(kept.text).toContain("said it was hard");
    for (const secret of ["Sokha", "12 years", "012 345 678"]) expect(kept.text).not.toContain(secret);
    await bot.idle();
    // Not even the conversation state (the replay log in kv_state) holds the original while the check-in runs.
    for (const secret of ["Sokha", "012 345 678", "12 years old"])
      expect(await rowsContaining(bot, secret)).toEqual([]);

    expect((await u.askPress("✅ Save")).text).toContain("One thing you will try");
    await u.askPress("⏭ Skip");
    await u.askPress("Finish ✔️");
    await bot.idle();

    const texts = await bot.db.prisma.freeText.findMany({ where: { pseudonym: await pseudonymOfUser(u) } });
    expect(texts).toHaveLength(1);
    expect(texts[0]?.text).toContain("said it was hard");
    expect(texts[0]?.kind).toBe("checkin-reflection");
    const c = await openCheckIn(u);
    expect(texts[0]?.checkInId).toBe(c.id);
    expect(texts[0]?.expiresAt.getTime()).toBe(c.week.getTime() + (7 + 90) * 24 * HOUR);
    for (const secret of ["Sokha", "012 345 678", "12 years old", original]) {
      expect(await rowsContaining(bot, secret), secret).toEqual([]);
      expect(bot.logs.join(""), secret).not.toContain(secret);
    }
  });

  it("When crisis words are written, then the contacts come at once, and a supporter hears of it only after consent", async () => {
    const supporter = await enrol(bot, newUser("en"));
    await bot.app.deps.members.setRole(await pseudonymOf(bot, supporter.id), "officer", true);
    const u = await enrol(bot, newUser("en"));
    const supporterSeen = bot.emu.sentTo(supporter.id).length;

    await upToQ5(u);
    const since = bot.emu.calls.length;
    const contacts = await u.ask("Honestly I feel hopeless and I can't go on");
    expect(contacts.text).toContain("You are not alone");
    expect(contacts.text).toContain("Emergency services");
    await replyContaining(bot.emu, u, "Would you like a person to get in touch", since);
    await bot.idle();
    // Before consent: nothing queued for, or sent to, anyone.
    expect(bot.emu.sentTo(supporter.id)).toHaveLength(supporterSeen);
    expect(await bot.db.prisma.peerConversation.count({ where: { requester: await pseudonymOf(bot, u.id) } })).toBe(0);
    expect(
      await bot.db.prisma.outboxMessage.count({ where: { recipient: await pseudonymOf(bot, supporter.id) } }),
    ).toBe(0);

    const after = bot.emu.calls.length;
    u.press("🤝 Yes, please");
    // The truth about who was told (an anonymous request, sent now), then the check-in goes on where it was.
    await replyContaining(bot.emu, u, "Your request went to", after);
    // Words written in distress are not offered for keeping: the note goes unless the officer asks to keep it.
    await replyContaining(bot.emu, u, "will not keep this note unless you choose to", after);
    const request = await replyContaining(bot.emu, supporter, "would like to talk with a peer supporter", after);
    expect(request).toMatch(/Peer [2-9A-Z]{2}/);
    expect(request).not.toContain("Vibol");
    expect(await eventsOf(u)).toEqual(
      expect.arrayContaining([
        'escalation.offered {"step":"crisis"}',
        'escalation.accepted {"step":"crisis","share":"none"}',
        'peer.requested {"night":false,"source":"crisis","available":true}',
      ]),
    );
    expect((await u.askPress("➡️ Go on without keeping it")).text).toContain("One thing you will try");
    await bot.idle();
    // (The words stay in this check-in's conversation state until it ends, and nowhere else.)
    expect(await rowsContaining(bot, "hopeless", ["free_texts", "check_ins", "usage_events", "outbox"])).toEqual([]);
  });

  it("When a check-in is left idle, then one reminder comes after 2 hours and it closes quietly after 24 hours", async () => {
    const u = await enrol(bot, newUser("en"));
    const q1 = await u.askCommand("reflect");
    const started = now().getTime();
    const c = await openCheckIn(u);

    await bot.app.scheduler.runNow(CHECKIN_JOBS.idle, new Date(started + HOUR));
    const since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(CHECKIN_JOBS.idle, new Date(started + 2 * HOUR + 60_000));
    const reminder = await replyContaining(bot.emu, u, "Your reflection is waiting", since);
    expect(reminder).toContain("Continue");
    await bot.app.scheduler.runNow(CHECKIN_JOBS.idle, new Date(started + 3 * HOUR));
    expect(await bot.db.prisma.outboxMessage.count({ where: { recipient: await pseudonymOfUser(u) } })).toBe(1);

    // Continue shows the same question again.
    expect((await u.askPress("Continue ▶️")).text).toBe(q1.text);
    await bot.idle();

    const messages = bot.emu.sentTo(u.id).length;
    await bot.app.scheduler.runNow(CHECKIN_JOBS.idle, new Date(now().getTime() + 24 * HOUR + 60_000));
    const closed = await bot.db.prisma.checkIn.findUniqueOrThrow({ where: { id: c.id } });
    expect(closed).toMatchObject({ status: "abandoned", lastActivityAt: null, remindedAt: null });
    expect(await eventsOf(u)).toContain('checkin.abandoned {"reminded":true}');
    expect(await bot.db.prisma.kvState.count({ where: { key: `conv:${await pseudonymOfUser(u)}` } })).toBe(0);
    expect(bot.emu.sentTo(u.id)).toHaveLength(messages); // no nagging
    // An old button is just answered; the next /reflect starts afresh.
    const press = u.press("None of these");
    expect(String((await u.answerTo(press)).params.text)).toContain("no longer active");
    expect((await u.askCommand("reflect")).text).toContain("Which parts did you manage today");
  });

  it("When the weekly question and the stress question are switched on, then Friday's answers start check-ins and the ladder", async () => {
    const u = await enrol(bot, newUser("en"));
    expect((await u.askCommand("reflect", "settings")).text).toContain("Check-in settings");
    expect((await u.askPress("Weekly interview question: off")).text).toContain("on ✅");
    await u.askPress("Weekly stress question: off");

    let since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(CHECKIN_JOBS.weeklyPrompt, now());
    await replyContaining(bot.emu, u, "Did you interview any children this week?", since);
    since = bot.emu.calls.length;
    u.press("2"); // the question loses its buttons (one answer per question), then the check-in starts
    await replyContaining(bot.emu, u, "Which parts did you manage today", since);
    await u.askPress("None of these");
    await u.askPress("Not sure");
    await u.askPress("😣");
    await u.askPress("⏭ Skip");
    await u.askPress("⏭ Skip");
    since = bot.emu.calls.length;
    u.press("Finish ✔️");
    await replyContaining(bot.emu, u, "That interview was very hard", since); // "very difficult" → stronger prompt
    await replyContaining(bot.emu, u, "Would you like to talk with a peer supporter", since);
    const next = await replyContaining(bot.emu, u, "Reflect on the next one now?", since);
    expect(next).toContain("1 more interview");
    since = bot.emu.calls.length;
    u.press("📝 Next reflection");
    await replyContaining(bot.emu, u, "Which parts", since);
    await u.askPress("✖️ Cancel");

    since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(CHECKIN_JOBS.stressCheck, now());
    await replyContaining(bot.emu, u, "Do you feel this kind of stress these days?", since);
    since = bot.emu.calls.length;
    u.press("5");
    await replyContaining(bot.emu, u, "Would you like to talk with a peer supporter", since);
    await bot.idle();
    expect(await eventsOf(u)).toEqual(
      expect.arrayContaining([
        'checkin.started {"source":"weekly"}',
        'checkin.started {"source":"next"}',
        'wellbeing.level {"level":"high","source":"sisq"}',
        'escalation.offered {"step":"strong"}',
      ]),
    );
    // Two high weeks in a row (this one and, pretend, the last) → the stronger prompt after the stress question too.
    const week = (await openCheckIn(u)).week;
    await bot.db.prisma.wellbeingResponse.create({
      data: {
        pseudonym: await pseudonymOfUser(u),
        week: new Date(week.getTime() - 7 * 24 * HOUR),
        source: "sisq",
        score: 4,
      },
    });
    const f = await bot.app.deps.checkins.recordStress(await pseudonymOfUser(u), 4);
    expect(f.escalation).toEqual({ selfCare: false, offerPeer: true, strong: true });
  });

  it("When the bot restarts between two items, then the officer continues at the same item", async () => {
    const u = await enrol(bot, newUser("en"));
    await u.askCommand("reflect");
    await u.askPress("Rapport built first");
    const q2 = await u.askPress("Done ✔️");
    expect(q2.text).toContain("Roughly how many");
    await bot.idle();

    await bot.app.stop();
    restarted = await startTestBot({ emu: bot.emu, db: bot.db, now });
    expect((await u.askPress("Most (more than 3 in 4)")).text).toContain("How did you feel");
    await u.askPress("😄");
    await u.askPress("⏭ Skip");
    await u.askPress("Plan breaks");
    expect((await u.askPress("Finish ✔️")).text).toContain("Saved");
    const c = await openCheckIn(u);
    expect(c).toMatchObject({ status: "completed", elements: ["rapport"], openShare: "most", feeling: 5 });
  });
});
