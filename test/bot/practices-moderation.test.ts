// Moderation and reading of practice notes against the emulator: forged trainer buttons, a rejection with a reason in
// the author's language, an author declining an edit, reports that hide a note, browsing by usefulness, the 7-day
// flag and 14-day expiry (the injected clock moves), quiet hours for the digest, and "delete my data".
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { moderationButton, reactButton } from "../../src/bot/practice-buttons.js";
import { PRACTICE_JOBS } from "../../src/jobs/practice-jobs.js";
import {
  enrol,
  enrolKhmer,
  freshData,
  pseudonymOf,
  replyContaining,
  seedEnrolled,
  startTestBot,
  type TestBot,
} from "../helpers/bot.js";
import { approvedNote, DAY, HOUR, movableClock, runDigest } from "../helpers/practices.js";

const clock = movableClock();
let bot: TestBot;
let trainer: TestUser;
/** Enrolled before any test moves the clock (invite codes expire after 7 days of the app's clock). */
const later: TestUser[] = [];
let nextId = 7_400_001;
const newUser = (language_code: "km" | "en") =>
  bot.emu.user({ id: nextId++, first_name: "Dara", username: `dara_${nextId}`, language_code });
const pseudonymOfUser = (u: TestUser) => pseudonymOf(bot, u.id);
const note = (id: string) => bot.db.prisma.practiceNote.findUniqueOrThrow({ where: { id } });
const eventTypes = async (u: TestUser) =>
  (await bot.db.prisma.usageEvent.findMany({ where: { pseudonym: await pseudonymOfUser(u) } })).map(
    (e) => `${e.type} ${JSON.stringify(e.attrs)}`,
  );
const pressFor = (u: TestUser, button: string | ((b: { callback_data?: string }) => boolean), fragment: string) => {
  const since = bot.emu.calls.length;
  u.press(button);
  return replyContaining(bot.emu, u, fragment, since);
};
const submit = async (author: TestUser, action: string, topic = "rapport") =>
  (await bot.app.deps.practices.submit(await pseudonymOfUser(author), topic, {
    situation: null,
    action,
    outcome: null,
  })) ?? "";
/** Clears the queue, so each test's /moderate starts at its own note. */
const clearQueue = () =>
  bot.db.prisma.practiceNote.updateMany({
    where: { OR: [{ state: "pending" }, { reportedSince: { not: null } }] },
    data: { state: "rejected", reportedSince: null },
  });

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
// Each test starts from empty tables with a trainer and four officers of its own.
beforeEach(async () => {
  await freshData(bot);
  trainer = await seedEnrolled(bot, newUser("en"), "trainer");
  later.length = 0;
  for (const _ of [1, 2, 3, 4]) later.push(await seedEnrolled(bot, newUser("en")));
});
afterAll(async () => {
  await bot.stop();
});

describe("practice moderation", () => {
  it("When an officer forges a moderation button or sends /moderate, then it is refused and the note is unchanged", async () => {
    const officer = await enrol(bot, newUser("en"));
    const id = await submit(officer, "I waited in silence");
    const press = officer.pressData(moderationButton.pack({ act: "ok", id, i: 0 }));
    const answer = await officer.answerTo(press);
    expect(answer.params).toMatchObject({ text: "Sorry, this is not available for your role.", show_alert: true });
    expect((await officer.askCommand("moderate")).text).toContain("not available for your role");
    const edit = officer.pressData(moderationButton.pack({ act: "edit", id, i: 0 }));
    await officer.answerTo(edit);
    await bot.idle();
    expect((await note(id)).state).toBe("pending");
    expect(await eventTypes(officer)).toContain('access.denied {"area":"moderate"}');
    expect(bot.emu.unansweredCallbackQueries()).toEqual([]);
    await clearQueue();
  });

  it("When a trainer rejects a note with a reason and a comment, then the Khmer author hears both in Khmer, without the trainer's name", async () => {
    const author = newUser("km");
    await enrolKhmer(bot, author);
    const id = await submit(author, "ខ្ញុំបានរង់ចាំដោយស្ងៀម");
    expect((await trainer.askCommand("moderate")).text).toContain("Practice notes waiting: 1 (oldest first)");
    expect((await trainer.askPress("✖️ Reject")).text).toContain("Why is it not published?");
    expect((await trainer.askPress("It could identify a child")).text).toContain("Add a short comment");
    const preview = await trainer.ask("Please describe what you did, not the child Dara");
    expect(preview.text).toContain("Comment: Please describe what you did, not the child [•••]");
    const since = bot.emu.calls.length;
    expect((await trainer.askPress("📨 Send")).text).toContain("The author was told");
    const told = await replyContaining(bot.emu, author, "មិនត្រូវបានផ្សព្វផ្សាយទេ", since);
    expect(told).toContain("មូលហេតុ៖ វាអាចធ្វើឱ្យគេស្គាល់កុមារ");
    expect(told).toContain("Please describe what you did, not the child [•••]");
    expect(told).toContain("ខ្ញុំបានរង់ចាំដោយស្ងៀម");
    const handle = (
      await bot.db.prisma.member.findUniqueOrThrow({ where: { pseudonym: await pseudonymOfUser(trainer) } })
    ).handle;
    expect(told).not.toContain(handle);
    expect(await note(id)).toMatchObject({ state: "rejected", action: "", situation: null });
    expect(await eventTypes(author)).toContain(
      'practice.rejected {"note":true,"stage":"pending","topic":"rapport","reason":"identifying"}',
    );
  });

  it("When the author declines a trainer's edit, then their own version goes back to the queue, or is withdrawn", async () => {
    const author = await enrol(bot, newUser("en"));
    for (const choice of ["↩️ No, send my version back", "🗑 No, withdraw my note"]) {
      const id = await submit(author, "I explained the ground rules with an example");
      await trainer.askCommand("moderate");
      await trainer.askPress("✏️ Edit");
      await trainer.askPress("✏️ Change what I did");
      await trainer.ask("I explained the ground rules, then checked them with a practice question");
      const since = bot.emu.calls.length;
      await trainer.askPress("📨 Send to the author");
      await replyContaining(bot.emu, author, "A trainer suggests this version", since);
      if (choice.startsWith("↩️")) {
        await pressFor(author, choice, "went back to the trainers");
        expect(await note(id)).toMatchObject({
          state: "pending",
          action: "I explained the ground rules with an example",
        });
        await clearQueue();
      } else {
        await pressFor(author, choice, "Your note was withdrawn");
        expect(await bot.db.prisma.practiceNote.findUnique({ where: { id } })).toBeNull();
      }
    }
  });

  it("When a published note is reported three times, then it returns to the queue and is hidden until a trainer keeps it", async () => {
    const authors = [await enrol(bot, newUser("en")), await enrol(bot, newUser("en")), await enrol(bot, newUser("en"))];
    const readers = [await enrol(bot, newUser("en")), await enrol(bot, newUser("en")), await enrol(bot, newUser("en"))];
    const ids = [];
    for (const [i, a] of [...authors, authors[0] as TestUser].entries())
      ids.push(await approvedNote(bot, a, `Practice number ${i + 1}`));
    const since = bot.emu.calls.length;
    await runDigest(bot, clock);
    for (const r of readers) await replyContaining(bot.emu, r, "Practices from colleagues (4)", since);
    const [first = "", ...others] = ids;

    // Most useful first in /practices.
    const r0 = readers[0] as TestUser;
    const useful = r0.press((b) => b.callback_data === reactButton.pack({ kind: "useful", id: others[1] ?? "" }));
    expect(String((await r0.answerTo(useful)).params.text)).toContain("Thank you!");
    const list = await (readers[1] as TestUser).askCommand("practices");
    expect(list.text).toContain("most useful first");
    expect((await (readers[1] as TestUser).askPress("All topics (4)")).text).toContain("Practice number 3");

    // Each reader reports note 1 (asked to confirm first); the third report hides it.
    for (const [n, r] of readers.entries()) {
      await pressFor(
        r,
        (b) => b.callback_data === reactButton.pack({ kind: "report", id: first }),
        "Report this note to the trainers?",
      );
      await pressFor(r, "⚠️ Yes, report it", "The trainers will look at this note again");
      expect((await note(first)).state).toBe(n < 2 ? "published" : "hidden");
    }
    expect(await eventTypes(readers[2] as TestUser)).toContain('practice.reported {"topic":"rapport","hidden":true}');
    expect((await (readers[1] as TestUser).askCommand("practices")).text).toContain("Choose a topic");
    expect((await (readers[1] as TestUser).askPress("All topics (3)")).text).not.toContain("Practice number 1");

    // Reports are limited per officer and day.
    for (const id of others.slice(0, 2)) {
      await pressFor(r0, (b) => b.callback_data === reactButton.pack({ kind: "report", id }), "Report this note");
      await pressFor(r0, "⚠️ Yes, report it", "look at this note again");
    }
    await pressFor(
      r0,
      (b) => b.callback_data === reactButton.pack({ kind: "report", id: others[2] ?? "" }),
      "Report this note",
    );
    await pressFor(r0, "⚠️ Yes, report it", "Please try again tomorrow");

    // Back in the queue (oldest report first); the trainer keeps it, and it is shown again.
    const view = await trainer.askCommand("moderate");
    expect(view.text).toContain("Reported 3 times");
    expect(view.text).toContain("hidden from colleagues");
    const keep = trainer.press("✅ Keep it");
    expect(String((await trainer.answerTo(keep)).params.text)).toContain("it is shown again");
    expect(await note(first)).toMatchObject({ state: "published", reportedSince: null });
    expect(await bot.db.prisma.practiceReaction.count({ where: { noteId: first, kind: "report" } })).toBe(0);
    await clearQueue();
  });

  it("When a note waits 7 days, then every trainer is told once; at 14 days it expires and its author is told", async () => {
    const author = await enrol(bot, newUser("en"));
    const other = await enrol(bot, newUser("en"), "trainer");
    const id = await submit(author, "I planned who would lead and who would observe", "planning");
    clock.advance(7 * DAY + HOUR);
    let since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(PRACTICE_JOBS.flag, clock.now());
    for (const t of [trainer, other]) {
      expect(await replyContaining(bot.emu, t, "waited more than 7 days", since)).toContain("1 practice note has");
    }
    clock.advance(HOUR);
    await bot.app.scheduler.runNow(PRACTICE_JOBS.flag, clock.now());
    expect(
      await bot.db.prisma.outboxMessage.count({
        where: { recipient: await pseudonymOfUser(other), job: { key: { startsWith: "practice-stale:" } } },
      }),
    ).toBe(1);

    clock.advance(7 * DAY);
    since = bot.emu.calls.length;
    await bot.app.scheduler.runNow(PRACTICE_JOBS.expire, clock.now());
    expect(await replyContaining(bot.emu, author, "waited 14 days without a decision", since)).toContain(
      "«Plan before you interview»",
    );
    expect(await note(id)).toMatchObject({ state: "expired", action: "", waitingSince: null });
    expect(await eventTypes(author)).toContain('practice.expired {"topic":"planning"}');
    await bot.app.scheduler.runNow(PRACTICE_JOBS.expire, clock.now());
    expect(await bot.db.prisma.deliveryJob.count({ where: { key: `practice-expired:${id}` } })).toBe(1);
  });

  it("When the digest runs in quiet hours, then it waits until the morning", async () => {
    const [reader, author] = later as [TestUser, TestUser];
    for (const n of [1, 2, 3]) await approvedNote(bot, author, `Quiet practice ${n}`, "breaks");
    clock.advanceTo(22, 30);
    const before = bot.emu.sentTo(reader.id).length;
    await runDigest(bot, clock);
    const job = await bot.db.prisma.deliveryJob.findFirstOrThrow({
      where: { key: { startsWith: "practice-digest:" } },
      orderBy: { createdAt: "desc" },
    });
    expect(job.urgent).toBe(false);
    // The worker claims the rows and puts them back until the quiet hours end (07:00).
    await vi.waitFor(
      async () => {
        const row = await bot.db.prisma.outboxMessage.findFirstOrThrow({
          where: { jobId: job.id, recipient: await pseudonymOfUser(reader) },
        });
        expect(row.notBefore.getTime() - clock.now().getTime()).toBeGreaterThan(8 * HOUR);
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(bot.emu.sentTo(reader.id)).toHaveLength(before);
    const since = bot.emu.calls.length;
    clock.advanceTo(7, 10);
    expect(await replyContaining(bot.emu, reader, "Quiet practice 3", since)).toContain(
      "Practices from colleagues (3)",
    );
  });

  it("When an author deletes their data, then unpublished notes go, published ones stay without an author, and reactions are unlinked", async () => {
    const [, , author, reader] = later as [TestUser, TestUser, TestUser, TestUser];
    const published = await approvedNote(bot, author, "Deleted author practice 1");
    await approvedNote(bot, reader, "Deleted author practice 2");
    await approvedNote(bot, reader, "Deleted author practice 3");
    const since = bot.emu.calls.length;
    await runDigest(bot, clock);
    await replyContaining(bot.emu, author, "Deleted author practice 3", since);
    const pending = await submit(author, "Not yet published");
    const authorPseudonym = await pseudonymOfUser(author);
    await bot.app.deps.practices.react(
      await pseudonymOfUser(author),
      (
        await bot.db.prisma.practiceNote.findFirstOrThrow({
          where: { author: await pseudonymOfUser(reader), state: "published" },
        })
      ).id,
      "useful",
    );

    expect((await author.askCommand("mydata")).text).toContain("Practice notes you shared: 2");
    await author.askCommand("settings");
    await author.askPress("🗑 Delete my data");
    await author.askPress("Continue");
    await author.askPress("🗑 Yes, delete everything");
    expect(await bot.db.prisma.practiceNote.findUnique({ where: { id: pending } })).toBeNull();
    expect(await note(published)).toMatchObject({
      state: "published",
      author: null,
      action: "Deleted author practice 1",
    });
    expect(await bot.db.prisma.practiceReaction.count({ where: { pseudonym: authorPseudonym } })).toBe(0);
    expect(await bot.db.prisma.practiceNote.count({ where: { author: authorPseudonym } })).toBe(0);
  });
});
