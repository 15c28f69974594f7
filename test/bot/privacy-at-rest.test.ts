// What Mitt keeps at rest, checked as a user would meet it: the stored state of every conversation in the middle
// of it, the log after Telegram refuses a message, and everything after "delete my data" and a new enrolment.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { PSEUDONYM_COLUMNS } from "../../src/db/pseudonym-columns.js";
import {
  enrol,
  enrolKhmer,
  freshData,
  pseudonymOf,
  rowsContaining,
  seedEnrolled,
  seedInvite,
  startTestBot,
  type TestBot,
} from "../helpers/bot.js";

let bot: TestBot;
let nextId = 944_000_001;
beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(async () => {
  bot.emu.setFaults({});
  await freshData(bot);
});
afterAll(async () => {
  await bot.stop();
});

/** A user with a name, a family name and a username, all of which must never be stored. */
function person(first: string) {
  const id = nextId++;
  const user = bot.emu.user({ id, first_name: first, last_name: "Keo", username: `${first.toLowerCase()}_${id}` });
  return { user, secrets: [String(id), first, "Keo", `${first.toLowerCase()}_${id}`] };
}

/** Every kv_state row (session and conversation state) that contains one of `needles`. */
async function stateHolding(needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const needle of needles)
    hits.push(...(await rowsContaining(bot, needle, ["kv_state"])).map((h) => `${needle} in ${h}`));
  return hits;
}

describe("conversation state at rest", () => {
  it("When onboarding waits after a wrong invite code, then its state holds neither the code nor who typed it", async () => {
    const { user, secrets } = person("Sophal");
    await user.askCommand("start");
    await user.askPress("English");
    await user.askPress("Continue");
    await user.askPress("I agree");
    expect((await user.ask("WXYZ-2345")).text).toContain("isn't right");
    await bot.idle();
    expect(await bot.db.prisma.kvState.count()).toBeGreaterThan(0);
    expect(await stateHolding([...secrets, "WXYZ-2345", "WXYZ2345", "wxyz"])).toEqual([]);
    // …and the next, right code still enrols.
    expect((await user.ask(await seedInvite(bot))).text).toContain("province");
  });

  it("When a check-in waits at its free text after a forward and a contact, then its state holds no id, name, phone or raw text", async () => {
    const { user, secrets } = person("Rithy");
    await enrol(bot, user);
    await user.askCommand("reflect");
    await user.askPress("None of these");
    await user.askPress("Not sure");
    await user.askPress("😐");
    const forwarded = {
      text: "Dara from Kampong Trach told me more",
      forward_origin: {
        type: "user",
        date: 1,
        sender_user: { id: 777_000_111, is_bot: false, first_name: "Chenda", username: "chenda_77" },
      },
    };
    let mark = bot.emu.calls.length;
    user.sendRaw(forwarded);
    await user.nextReply({ since: mark });
    mark = bot.emu.calls.length;
    user.sendRaw({ contact: { phone_number: "+855 12 345 678", first_name: "Bopha", user_id: 777_000_222 } });
    await user.nextReply({ since: mark });
    const kept = await user.ask("My niece Dara, aged 12, called me on 012 345 678");
    expect(kept.text).toContain("will be kept");
    await bot.idle();
    const leaks = [...secrets, "777000111", "Chenda", "chenda_77", "855 12 345", "777000222", "Bopha", "Dara"];
    expect(await stateHolding([...leaks, "Kampong Trach", "012 345 678", "aged 12"])).toEqual([]);
  });

  it("When a broadcast draft and a tip draft wait, then their state holds nothing of the trainer nor a refused text", async () => {
    const { user: trainer, secrets } = person("Vuthy");
    await enrol(bot, trainer, "trainer");
    await trainer.askCommand("broadcast");
    await trainer.askPress("One version for everyone");
    expect((await trainer.ask("Remember: open prompts first")).text).toContain("Who should receive it?");
    await bot.idle();
    expect(await stateHolding(secrets)).toEqual([]);
    await trainer.askCommand("cancel");

    await trainer.askCommand("tips");
    await trainer.askPress("Add a tip");
    const topic = (await bot.app.deps.tips.topics())[0];
    await trainer.askPress(topic?.nameEn ?? "");
    expect((await trainer.ask("ក្មួយស្រីឈ្មោះ ដារ៉ា អាយុ ១២ ឆ្នាំ ត្រូវការពេលសម្រាក")).text).toContain("name");
    await bot.idle();
    expect(await stateHolding([...secrets, "ដារ៉ា", "១២ ឆ្នាំ"])).toEqual([]);
  });
});

describe("logs", () => {
  it("When Telegram refuses a reply with 400, then the log keeps the error but no chat id, name or text", async () => {
    const { user, secrets } = person("Kanha");
    await enrol(bot, user);
    const logsBefore = bot.logs.length;
    bot.emu.setFaults({ error400Rate: 1, methods: ["sendMessage"] });
    user.command("help");
    await bot.idle();
    bot.emu.setFaults({});
    const logs = bot.logs.slice(logsBefore).join("");
    expect(logs).toContain("rejected by fault injection");
    // (Stack traces name source files such as features/help.ts: the reply's own words must not be there.)
    for (const secret of [...secrets, "payload", "What you can do"]) expect(logs, secret).not.toContain(secret);
  });
});

describe("as a Khmer officer would use it", () => {
  it("When a stranger sends /help, then nothing is stored under any key and no event names them", async () => {
    const { user } = person("Dalin");
    expect((await user.askCommand("help")).text).toBeTruthy();
    await bot.idle();
    expect(await bot.db.prisma.kvState.count()).toBe(0);
    expect(await bot.db.prisma.usageEvent.count()).toBe(0);
    expect(await bot.db.prisma.identity.count()).toBe(0);
  });

  it("When an officer enrols, reflects with a forwarded message, deletes their data and enrols again, then no table or log holds who they are or what they typed", async () => {
    const { user, secrets } = person("Sreyneang");
    const code = await seedInvite(bot);
    await user.askCommand("start");
    await user.askPress("ភាសាខ្មែរ");
    await user.askPress("បន្ត");
    await user.askPress("ខ្ញុំយល់ព្រម");
    await user.ask(code);
    await user.askPress("កំពត");
    await user.askPress("អង្គភាពការពារកុមារ");
    await user.askPress("មិនទាន់ចង់បានគន្លឹះទេ");
    const firstHandle = (await bot.app.deps.members.find(await pseudonymOf(bot, user.id)))?.handle ?? "";

    await user.askCommand("reflect");
    await user.askPress("មិនបានធ្វើទាំងនេះទេ");
    await user.askPress("មិនប្រាកដទេ");
    await user.askPress("😐");
    const mark = bot.emu.calls.length;
    user.sendRaw({
      text: "ក្មួយស្រីឈ្មោះ ដារ៉ា នៅភូមិត្រពាំងស្វាយ",
      forward_origin: { type: "user", date: 1, sender_user: { id: 777_000_333, is_bot: false, first_name: "Chenda" } },
    });
    await user.nextReply({ since: mark });
    await user.ask("ក្មួយស្រីឈ្មោះ ដារ៉ា អាយុ ១២ ឆ្នាំ និយាយបានល្អ");
    await user.askPress("✅ រក្សាទុក");
    await user.askPress("រង់ចាំឱ្យយូរជាងមុន ពេលកុមារស្ងៀម");
    await user.askPress("បញ្ចប់ ✔️");

    bot.emu.setFaults({ error400Rate: 1, methods: ["sendMessage"] });
    user.command("progress");
    await bot.idle();
    bot.emu.setFaults({});

    await user.askCommand("settings");
    await user.askPress("🗑 លុបទិន្នន័យរបស់ខ្ញុំ");
    await user.askPress("បន្ត");
    await user.askPress("🗑 បាទ/ចាស លុបទាំងអស់");
    await enrolKhmer(bot, user);
    await bot.idle();
    const secondHandle = (await bot.app.deps.members.find(await pseudonymOf(bot, user.id)))?.handle ?? "";
    expect(secondHandle).not.toBe(firstHandle);

    const typed = ["ដារ៉ា", "ត្រពាំងស្វាយ", "១២ ឆ្នាំ", "777000333", "Chenda", code, code.replace("-", "")];
    const everyTableButIdentities = (
      await bot.db.prisma.$queryRaw<{ t: string }[]>`
      SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'identities'`
    ).map((r) => r.t);
    for (const secret of [...secrets, ...typed]) {
      expect(await rowsContaining(bot, secret, everyTableButIdentities), secret).toEqual([]);
    }
    expect(await rowsContaining(bot, firstHandle), firstHandle).toEqual([]);
    const logs = bot.logs.join("\n");
    for (const secret of [...secrets, ...typed]) expect(logs, secret).not.toContain(secret);
  });
});

describe("delete my data", () => {
  async function deleteMyData(user: TestUser) {
    await user.askCommand("settings");
    await user.askPress("🗑 Delete my data");
    await user.askPress("Continue");
    await user.askPress("🗑 Yes, delete everything");
    await bot.idle();
  }

  it("When a member deletes their data and enrols again, then they get a new code and nothing leads to their past", async () => {
    const { user } = person("Sokun");
    const trainer = await seedEnrolled(bot, bot.emu.user({ id: nextId++, language_code: "en" }), "trainer");
    await enrol(bot, user);
    const before = await pseudonymOf(bot, user.id);
    const oldHandle = (await bot.app.deps.members.find(before))?.handle ?? "";
    // Leave traces in many tables: a check-in, tip feedback, an invite they created as a trainer, someone they invited.
    await user.askCommand("tip");
    await bot.app.deps.members.setRole(before, "trainer", true);
    const invited = await bot.app.deps.enrolment.create({
      role: "officer",
      maxUses: 1,
      days: 7,
      createdBy: before,
      now: new Date(),
    });
    const friend = bot.emu.user({ id: nextId++, language_code: "en" });
    await friend.askCommand("start");
    await friend.askPress("English");
    await friend.askPress("Continue");
    await friend.askPress("I agree");
    await friend.ask(invited.code);
    await friend.askPress("Kampot");
    await friend.askPress("Child Protection Unit");
    await friend.askPress("Mon, Wed and Fri");
    await friend.askPress("08:00");
    expect(
      (await bot.db.prisma.member.findUniqueOrThrow({ where: { pseudonym: await pseudonymOf(bot, friend.id) } }))
        .invitedBy,
    ).toBe(before);
    expect(trainer.id).toBeGreaterThan(0);

    await deleteMyData(user);
    for (const [name] of Object.entries(PSEUDONYM_COLUMNS)) {
      const [table, column] = name.split(".") as [string, string];
      const rows = await bot.db.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" LIKE '%' || $1 || '%'`,
        before,
      );
      expect(rows[0]?.n, name).toBe(0);
    }
    expect(await rowsContaining(bot, oldHandle)).toEqual([]);

    await enrol(bot, user);
    const after = await pseudonymOf(bot, user.id);
    expect(after).not.toBe(before);
    const newHandle = (await bot.app.deps.members.find(after))?.handle;
    expect(newHandle).not.toBe(oldHandle);
    expect((await user.askCommand("mydata")).text).toContain(newHandle ?? "?");
  });

  it("When the database gains a text column, then it must be declared as holding pseudonyms or not (schema-driven)", async () => {
    const columns = await bot.db.prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name || '.' || column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        AND data_type IN ('text', 'character varying', 'ARRAY', 'jsonb')
      ORDER BY 1`;
    const declared = new Set([...Object.keys(PSEUDONYM_COLUMNS), ...NOT_PSEUDONYMS]);
    expect(columns.map((c) => c.name).filter((c) => !declared.has(c))).toEqual([]);
  });
});

/**
 * Text columns known to hold no pseudonym (content, codes, states, ids of rows, aliases that are not pseudonyms).
 * A new column must be added here or to src/db/pseudonym-columns.ts: the test above fails until it is.
 */
const NOT_PSEUDONYMS = [
  "broadcast_reactions.broadcast_id",
  "broadcast_reactions.kind",
  "broadcasts.audience",
  "broadcasts.entities_en",
  "broadcasts.entities_km",
  "broadcasts.id",
  "broadcasts.job_id",
  "broadcasts.media_file_id",
  "broadcasts.media_kind",
  "broadcasts.text_en",
  "broadcasts.text_km",
  "check_ins.action",
  "check_ins.elements",
  "check_ins.id",
  "check_ins.open_share",
  "check_ins.setting",
  "check_ins.skipped",
  "delivery_jobs.id",
  "delivery_jobs.key",
  "focus_topics.topic_id",
  "free_texts.check_in_id",
  "free_texts.id",
  "free_texts.kind",
  "free_texts.text",
  "invites.code_hash",
  "invites.id",
  "job_runs.job",
  "job_runs.owner",
  "kv_state.value",
  "members.handle",
  "members.locale",
  "members.province",
  "members.quiet_end",
  "members.quiet_start",
  "members.tip_time",
  "members.unit_room",
  "metric_rollups.name",
  "outbox.claim_token",
  "outbox.job_id",
  "outbox.payload",
  "outbox.reason",
  "peer_conversations.ended_by",
  "peer_conversations.id",
  "peer_conversations.requester_alias",
  "peer_conversations.source",
  "peer_conversations.supporter_alias",
  "practice_notes.action",
  "practice_notes.id",
  "practice_notes.outcome",
  "practice_notes.proposed",
  "practice_notes.situation",
  "practice_notes.topic_id",
  "practice_reactions.kind",
  "practice_reactions.note_id",
  "tip_topics.id",
  "tip_topics.name_en",
  "tip_topics.name_km",
  "tip_views.tip_id",
  "tips.id",
  "tips.origin",
  "tips.quiz",
  "tips.source",
  "tips.text_en",
  "tips.text_km",
  "tips.topic_id",
  "usage_events.attrs",
  "usage_events.type",
  "wellbeing_responses.source",
];
