// Practice sharing against the emulator, as officers and trainers would use it: a note with a child's name and
// age shared in Khmer, edited by a trainer, agreed by its author, published in the weekly digest to everyone, marked
// useful by a peer; and in English, every kind of input the share form must refuse.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { reactButton } from "../../src/bot/practice-buttons.js";
import { PRACTICE_JOBS } from "../../src/jobs/practice-jobs.js";
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
import { movableClock, runDigest, sendRaw } from "../helpers/practices.js";

const clock = movableClock();
let bot: TestBot;
let nextId = 7_300_001;
const newUser = (language_code: "km" | "en") =>
  bot.emu.user({ id: nextId++, first_name: "Sokha", username: `sokha_${nextId}`, language_code });
const pseudonymOfUser = (u: TestUser) => pseudonymOf(bot, u.id);
const handleOf = async (u: TestUser) =>
  (await bot.db.prisma.member.findUniqueOrThrow({ where: { pseudonym: await pseudonymOfUser(u) } })).handle;
const eventsOf = async (u: TestUser) =>
  (
    await bot.db.prisma.usageEvent.findMany({ where: { pseudonym: await pseudonymOfUser(u) }, orderBy: { id: "asc" } })
  ).map((e) => `${e.type} ${JSON.stringify(e.attrs)}`);
const notesOf = async (u: TestUser) =>
  bot.db.prisma.practiceNote.findMany({ where: { author: await pseudonymOfUser(u) } });
/** Presses a button and waits for a message containing `fragment` (a press may edit its own message first). */
const pressFor = (u: TestUser, button: string, fragment: string) => {
  const since = bot.emu.calls.length;
  u.press(button);
  return replyContaining(bot.emu, u, fragment, since);
};
const topic = (id: string) => bot.db.prisma.tipTopic.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

describe("practice sharing", () => {
  it("When a Khmer officer shares a note naming a child, then a trainer edits it, the author agrees, the digest reaches everyone and the author hears it was useful", async () => {
    const trainer = newUser("km");
    await enrolKhmer(bot, trainer, { role: "trainer" });
    const author = newUser("km");
    const peer = newUser("km");
    const third = newUser("en");
    for (const u of [author, peer]) await enrolKhmer(bot, u);
    await enrol(bot, third);
    const rapport = await topic("rapport");

    // The author writes the note: the child's name and age never get further than the text guard.
    const intro = await author.askCommand("share");
    expect(intro.text).toContain("ចែករំលែកការអនុវត្តមួយដែលបានផល");
    expect((await author.askPress(rapport.nameKm)).text).toContain("1/3");
    expect((await author.ask("ក្មួយស្រីឈ្មោះ ដារ៉ា អាយុ ១២ ឆ្នាំ មិនព្រមនិយាយនៅដំបូង")).text).toContain("2/3");
    expect((await author.ask("ខ្ញុំឱ្យកុមារគូររូបសិន ហើយសួរសំណួរបើកចំហ")).text).toContain("3/3");
    const preview = await author.ask("កុមារចាប់ផ្តើមនិយាយ ហើយរៀបរាប់ដោយខ្លួនឯង");
    expect(preview.text).toContain("នេះគឺជាអ្វីដែលនឹងត្រូវរក្សាទុកយ៉ាងពិតប្រាកដ");
    expect(preview.text).toContain("📍 ស្ថានភាព៖ ក្មួយស្រីឈ្មោះ [•••] មិនព្រមនិយាយនៅដំបូង");
    expect(preview.text).toContain("✂️ មិត្ត បានលុបចេញ៖ អាយុ, ឈ្មោះ");
    for (const secret of ["ដារ៉ា", "១២"]) expect(preview.text).not.toContain(secret);
    await bot.idle();
    for (const secret of ["ដារ៉ា", "១២ ឆ្នាំ"]) expect(await rowsContaining(bot, secret), secret).toEqual([]);

    expect((await author.askPress("✅ ផ្ញើទៅគ្រូបណ្តុះបណ្តាល")).text).toContain("អរគុណ!");
    const [stored] = await notesOf(author);
    expect(stored).toMatchObject({
      state: "pending",
      topicId: "rapport",
      situation: "ក្មួយស្រីឈ្មោះ [•••] មិនព្រមនិយាយនៅដំបូង",
      action: "ខ្ញុំឱ្យកុមារគូររូបសិន ហើយសួរសំណួរបើកចំហ",
      outcome: "កុមារចាប់ផ្តើមនិយាយ ហើយរៀបរាប់ដោយខ្លួនឯង",
    });
    // What was shown is what was stored, part for part.
    for (const part of [stored?.situation, stored?.action, stored?.outcome]) expect(preview.text).toContain(part);

    // Nothing is published while fewer than three notes are approved.
    const noteId = stored?.id ?? "";
    await runDigest(bot, clock);
    expect(await bot.db.prisma.deliveryJob.count({ where: { key: { startsWith: "practice-digest:" } } })).toBe(0);

    // The trainer edits the situation; the author, not the trainer, decides.
    const queue = await trainer.askCommand("moderate");
    expect(queue.text).toContain("កំណត់ចំណាំការអនុវត្តកំពុងរង់ចាំ៖ 1");
    expect(queue.text).not.toContain(await handleOf(author));
    expect((await trainer.askPress("✏️ កែសម្រួល")).text).toContain("កំណែដែលអ្នកបានកែសម្រួល");
    expect((await trainer.askPress("✏️ កែស្ថានភាព")).text).toContain("ឥឡូវនេះ៖ «ក្មួយស្រីឈ្មោះ [•••]");
    expect((await trainer.ask("កុមារម្នាក់ដែលមិនព្រមនិយាយនៅដំបូង")).text).toContain("📍 ស្ថានភាព៖ កុមារម្នាក់ដែលមិនព្រមនិយាយនៅដំបូង");
    const sent = bot.emu.calls.length;
    expect((await trainer.askPress("📨 ផ្ញើទៅអ្នកសរសេរ")).text).toContain("បានផ្ញើ");
    const proposal = await replyContaining(bot.emu, author, "គ្រូបណ្តុះបណ្តាលស្នើកំណែនេះ", sent);
    expect(proposal).toContain("កុមារម្នាក់ដែលមិនព្រមនិយាយនៅដំបូង");
    expect(proposal).not.toContain(await handleOf(trainer));
    await pressFor(author, "✅ ខ្ញុំយល់ព្រម", "សារសង្ខេបប្រចាំសប្តាហ៍ខាងមុខ");
    expect(await bot.db.prisma.practiceNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({
      state: "approved",
      situation: "កុមារម្នាក់ដែលមិនព្រមនិយាយនៅដំបូង",
      proposed: null,
    });

    // Two more notes, approved by the trainer's buttons.
    const p = bot.app.deps.practices;
    await p.submit(await pseudonymOfUser(peer), "open-prompts", {
      situation: null,
      action: "ខ្ញុំចាប់ផ្តើមដោយ «ប្រាប់ខ្ញុំអំពី…»",
      outcome: null,
    });
    await p.submit(await pseudonymOfUser(third), "breaks", {
      situation: null,
      action: "I offered a short break",
      outcome: null,
    });
    for (const _ of [1, 2]) {
      const view = await trainer.askCommand("moderate");
      expect(view.text).toContain("🆕");
      const press = trainer.press("✅ អនុម័ត");
      expect(String((await trainer.answerTo(press)).params.text)).toContain("បានអនុម័ត");
    }
    await bot.idle();

    // The digest goes to every enrolled member, in their language, with the month only and no author.
    const before = bot.emu.calls.length;
    await runDigest(bot, clock);
    const job = await bot.db.prisma.deliveryJob.findFirstOrThrow({
      where: { key: { startsWith: "practice-digest:" } },
    });
    const enrolled = await bot.db.prisma.member.count({ where: { enrolledAt: { not: null } } });
    expect(await bot.db.prisma.outboxMessage.count({ where: { jobId: job.id } })).toBe(enrolled);
    await vi.waitFor(
      async () =>
        expect(await bot.db.prisma.outboxMessage.count({ where: { jobId: job.id, state: "sent" } })).toBe(enrolled),
      { timeout: 10_000, interval: 200 },
    );
    const month = new Intl.DateTimeFormat("km-KH", { month: "long", timeZone: "Asia/Phnom_Penh" }).format(clock.now());
    for (const u of [author, peer, trainer]) {
      const digest = await replyContaining(bot.emu, u, "ការអនុវត្តពីមិត្តរួមការងារ (3)", before);
      expect(digest).toContain("កុមារម្នាក់ដែលមិនព្រមនិយាយនៅដំបូង");
      expect(digest).toContain(`ខែ${month}`);
      for (const hidden of [await handleOf(author), "កំពត", "អង្គភាពការពារកុមារ"]) expect(digest).not.toContain(hidden);
    }
    const english = await replyContaining(bot.emu, third, "Practices from colleagues (3)", before);
    expect(english).toContain("I offered a short break");
    expect(
      (await bot.db.prisma.practiceNote.findUniqueOrThrow({ where: { id: noteId } })).publishedMonth?.getUTCDate(),
    ).toBe(1);

    // A peer finds it useful (twice pressed, counted once); the author hears a count, never who.
    const useful = reactButton.pack({ kind: "useful", id: noteId });
    const first = peer.press((b) => b.callback_data === useful);
    expect(String((await peer.answerTo(first)).params.text)).toContain("អរគុណ!");
    const again = peer.press((b) => b.callback_data === useful);
    expect(String((await peer.answerTo(again)).params.text)).toContain("រួចហើយ");
    const told = bot.emu.calls.length;
    await bot.app.scheduler.runNow(PRACTICE_JOBS.useful, clock.now());
    const notice = await replyContaining(bot.emu, author, "យល់ថាវាមានប្រយោជន៍", told);
    expect(notice).toContain("មិត្តរួមការងារ 1 នាក់ យល់ថាវាមានប្រយោជន៍");
    expect(notice).not.toContain(await handleOf(peer));
    clock.advance(24 * 60 * 60_000);
    await bot.app.scheduler.runNow(PRACTICE_JOBS.useful, clock.now());
    expect(
      await bot.db.prisma.outboxMessage.count({
        where: { recipient: await pseudonymOfUser(author), job: { key: { startsWith: "practice-useful:" } } },
      }),
    ).toBe(1);

    expect(await eventsOf(author)).toEqual(
      expect.arrayContaining([
        'practice.started {"source":"command"}',
        'practice.submitted {"parts":3,"topic":"rapport"}',
        'practice.edited {"topic":"rapport"}',
        'practice.edit_answered {"choice":"agree"}',
        'practice.approved {"topic":"rapport","edited":true}',
        'practice.published {"topic":"rapport"}',
      ]),
    );
    expect(await eventsOf(peer)).toContain('practice.useful {"topic":"rapport"}');
    for (const m of [intro, preview, queue]) expect(hasKhmer(m.text)).toBe(true);
  });

  it("When an English officer sends photos, files, voice, stickers and forwards in a note, then each is refused with its reason and only scrubbed text is kept", async () => {
    const u = await enrol(bot, newUser("en"));
    await u.askCommand("start");
    expect((await u.askPress("✍️ Share a practice")).text).toContain("Which topic of the course");
    const q1 = await u.askPress((await topic("rapport")).nameEn);
    expect(q1.text).toContain("1/3");

    const refused = async (send: () => unknown, reason: string) => {
      const since = bot.emu.calls.length;
      send();
      expect(await replyContaining(bot.emu, u, reason, since)).toContain("1/3 · The situation");
    };
    const media = "nothing from a case may enter Mitt";
    await refused(() => u.sendPhoto("Dara at her school"), media);
    await refused(() => u.sendVoice(), media);
    await refused(
      () => sendRaw(bot.emu, u, { document: { file_id: "doc-1", file_unique_id: "d1", file_name: "Dara.pdf" } }),
      media,
    );
    await refused(
      () =>
        sendRaw(bot.emu, u, { video: { file_id: "vid-1", file_unique_id: "v1", width: 1, height: 1, duration: 1 } }),
      media,
    );
    await refused(() => u.sendSticker(), "Stickers cannot be part of a note");
    const origin = { type: "user", date: 1, sender_user: { id: 555, is_bot: false, first_name: "Chenda" } };
    await refused(
      () => sendRaw(bot.emu, u, { text: "Dara, 12, told me everything", forward_origin: origin }),
      "Forwarded messages are not accepted",
    );

    expect((await u.ask("my niece Dara, aged 12, would not speak at first")).text).toContain("2/3");
    expect((await u.ask("x".repeat(301))).text).toContain("too long");
    expect((await u.ask("I let her draw first, then asked open questions")).text).toContain("3/3");
    const preview = await u.askPress("⏭ Skip");
    expect(preview.text).toContain("📍 The situation: my niece [•••], [•••], would not speak at first");
    expect(preview.text).toContain("Mitt removed: an age, a name");
    expect(preview.text).toContain("(the month it is published)");
    expect(preview.text).not.toContain("What worked");
    expect((await u.askPress("✏️ Change what I did")).text).toContain("Now: «I let her draw first");
    const changed = await u.ask("I let the child draw first, then asked open questions");
    expect(changed.text).toContain("🛠 What I did: I let the child draw first, then asked open questions");
    await bot.idle();
    for (const secret of ["Dara", "Chenda", "told me everything", "aged 12"]) {
      expect(await rowsContaining(bot, secret), secret).toEqual([]);
      expect(bot.logs.join(""), secret).not.toContain(secret);
    }
    expect((await u.askPress("✅ Send to a trainer")).text).toContain("A trainer will check your note");
    expect(await notesOf(u)).toEqual([
      expect.objectContaining({
        situation: "my niece [•••], [•••], would not speak at first",
        action: "I let the child draw first, then asked open questions",
        outcome: null,
        state: "pending",
      }),
    ]);
  });

  it("When crisis words are written in a note, then the crisis contacts come at once, and Cancel keeps nothing", async () => {
    const u = await enrol(bot, newUser("en"));
    await u.askCommand("share");
    await u.askPress((await topic("self-care")).nameEn);
    const since = bot.emu.calls.length;
    u.send("Honestly I feel hopeless and I can't go on");
    expect(await replyContaining(bot.emu, u, "You are not alone", since)).toContain("Emergency services");
    await replyContaining(bot.emu, u, "Would you like a person to get in touch", since);
    const after = bot.emu.calls.length;
    expect((await u.askPress("Not now")).text).toContain("Nobody was told");
    await replyContaining(bot.emu, u, "1/3 · The situation", after); // the same question again; that text is not kept
    expect((await u.askCommand("cancel")).text).toContain("Nothing of this note was kept");
    expect(await notesOf(u)).toEqual([]);
    expect(await eventsOf(u)).toContain('escalation.offered {"step":"crisis"}');
  });

  it("When an officer says in a check-in they would share a practice, then a button after the thanks starts the note", async () => {
    const u = await enrol(bot, newUser("en"));
    await u.askCommand("reflect");
    await u.askPress("None of these");
    await u.askPress("Not sure");
    await u.askPress("😐");
    await u.askPress("⏭ Skip");
    await u.askPress("⏭ Skip");
    await u.askPress("Answer them");
    await u.askPress("⏭ Skip");
    const thanks = await u.askPress("Yes");
    expect(thanks.text).toContain("You can write it now");
    await pressFor(u, "✍️ Share a practice now", "Which topic of the course");
    await u.askCommand("cancel");
    expect(await eventsOf(u)).toContain('practice.started {"source":"checkin"}');
  });
});
