// Anonymous peer connect against the emulator, as officers and supporters would use it: the relayed
// conversation (Khmer and English), what each side can see of the other, what is refused, crisis words,
// reports, two conversations at once, and "delete my data" in the middle of a conversation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import {
  enrol,
  enrolKhmer,
  freshData,
  replyContaining,
  rowsContaining,
  startTestBot,
  type TestBot,
} from "../helpers/bot.js";
import { lastContaining, makeSupporter, movableClock, pseudonymOf, replyTo, sendRaw } from "../helpers/peer.js";

// 10:00 in Phnom Penh, outside quiet hours, whatever the time of the run.
const clock = movableClock();
let bot: TestBot;
let nextId = 7_345_101;
const supporters: TestUser[] = [];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
// Each test owns its data, its supporters included: later tests must not reach them.
beforeEach(async () => {
  supporters.length = 0;
  await freshData(bot);
});
afterAll(async () => {
  await bot.stop();
});

const person = (first: string, language_code: "km" | "en") =>
  bot.emu.user({
    id: nextId++,
    first_name: first,
    last_name: "Testname",
    username: `${first.toLowerCase()}_${nextId}`,
    language_code,
  });
const eventsOf = async (u: TestUser) =>
  (
    await bot.db.prisma.usageEvent.findMany({ where: { pseudonym: await pseudonymOf(bot, u) }, orderBy: { id: "asc" } })
  ).map((e) => `${e.type} ${JSON.stringify(e.attrs)}`);

async function supporterNamed(first: string, language: "km" | "en" = "en") {
  const s = person(first, language);
  if (language === "km") await enrolKhmer(bot, s);
  else await enrol(bot, s);
  await makeSupporter(bot, s);
  supporters.push(s);
  return s;
}

const SUPPORTER_SIDE = {
  en: {
    request: "would like to talk with a peer supporter",
    accept: "✅ I can talk now",
    connected: "You are now talking with",
    alias: /Peer ([2-9A-Z]{2})/,
  },
  km: {
    request: "ចង់និយាយជាមួយអ្នកគាំទ្រ",
    accept: "✅ ខ្ញុំអាចនិយាយបានឥឡូវនេះ",
    connected: "ឥឡូវនេះអ្នកកំពុងនិយាយជាមួយ",
    alias: /មិត្តរួមការងារ ([2-9A-Z]{2})/,
  },
};

/** An English officer asks for a peer and `supporter` accepts; returns how each sees the other. */
async function connect(officer: TestUser, supporter: TestUser) {
  const side = SUPPORTER_SIDE[supporter.info.language_code === "km" ? "km" : "en"];
  await officer.askCommand("peer");
  let since = bot.emu.calls.length;
  officer.press("🤝 Yes, find me a peer");
  const request = await replyContaining(bot.emu, supporter, side.request, since);
  const code = side.alias.exec(request)?.[1] ?? "?";
  since = bot.emu.calls.length;
  supporter.press((b, m) => b.text === side.accept && (m.text ?? "").includes(code));
  const mine = await replyContaining(bot.emu, supporter, side.connected, since);
  const theirs = await replyContaining(bot.emu, officer, "A peer supporter accepted", since);
  return {
    officerAlias: side.alias.exec(mine)?.[1] ?? "",
    supporterAlias: /Peer ([2-9A-Z]{2})/.exec(theirs)?.[1] ?? "",
  };
}

/** Sends `text` from `from` and waits until `to` receives it relayed; returns what `to` saw. */
async function relay(from: TestUser, to: TestUser, text: string) {
  const since = bot.emu.calls.length;
  from.send(text);
  return replyContaining(bot.emu, to, text.slice(0, 12), since);
}

describe("peer conversation", () => {
  it("When a Khmer officer asks for a peer and a supporter accepts, then ten messages each way relay with neither side's identity anywhere, and /end closes it for both", async () => {
    const officer = person("Sokunthea", "km");
    await enrolKhmer(bot, officer);
    const supporter = await supporterNamed("Dararith");
    const start = bot.emu.calls.length;

    const card = await officer.askCommand("peer");
    expect(card.text).toContain("ដោយមិនបញ្ចេញឈ្មោះ");
    expect(card.text).toContain("2 ម៉ោង");
    let since = bot.emu.calls.length;
    officer.press("🤝 បាទ/ចាស សូមរកអ្នកគាំទ្រឱ្យខ្ញុំ");
    expect(await replyContaining(bot.emu, officer, "សំណើរបស់អ្នកត្រូវបានផ្ញើទៅអ្នកគាំទ្រ 1 នាក់", since)).toContain("/end");
    const request = await replyContaining(bot.emu, supporter, "would like to talk with a peer supporter", since);
    expect(request).toMatch(/A colleague \(Peer [2-9A-Z]{2}\)/);

    since = bot.emu.calls.length;
    const accepted = supporter.press("✅ I can talk now");
    await supporter.answerTo(accepted);
    const mine = await replyContaining(bot.emu, supporter, "You are now talking with Peer", since);
    const theirs = await replyContaining(bot.emu, officer, "អ្នកគាំទ្រម្នាក់បានទទួលយកហើយ", since);
    const officerAlias = /Peer ([2-9A-Z]{2})/.exec(mine)?.[1];
    const supporterAlias = /មិត្តរួមការងារ ([2-9A-Z]{2})/.exec(theirs)?.[1];
    expect(officerAlias).toBeDefined();
    expect(supporterAlias).toBeDefined();
    expect(
      supporter
        .messages()
        .find((m) => (m.text ?? "").includes("would like to talk"))
        ?.buttons.flat()[0]?.text,
    ).toBe("✅ You accepted");

    const khmer = ["ថ្ងៃនេះពិបាកណាស់", "ខ្ញុំគេងមិនលក់", "ការសម្ភាសន៍វែងពេក", "ខ្ញុំហត់នឿយ", "អរគុណច្រើន"];
    const english = [
      "That sounds heavy",
      "How did you sleep",
      "Take a short walk",
      "I hear you",
      "Any time, colleague",
    ];
    const said: string[] = [];
    for (let i = 0; i < 10; i++) {
      const k = `${khmer[i % 5]} ${"ក".repeat(i + 1)}`;
      const e = `${english[i % 5]} ${"z".repeat(i + 1)}`;
      said.push(k, e);
      expect(await relay(officer, supporter, k)).toBe(`💬 Peer ${officerAlias}\n${k}`);
      expect(await relay(supporter, officer, e)).toBe(`💬 មិត្តរួមការងារ ${supporterAlias}\n${e}`);
    }

    since = bot.emu.calls.length;
    officer.command("end");
    expect(await replyContaining(bot.emu, officer, "បានបញ្ចប់ហើយ", since)).toContain(`មិត្តរួមការងារ ${supporterAlias}`);
    await replyContaining(bot.emu, supporter, `Peer ${officerAlias} has ended the conversation`, since);
    // Closed for both: nothing relays any more.
    since = bot.emu.calls.length;
    const after = supporter.messages().length;
    await supporter.ask("Are you still there?");
    await officer.ask("សួស្តី");
    await bot.idle();
    expect(supporter.messages()).toHaveLength(after + 1); // only the bot's own "not understood" reply
    expect(bot.emu.calls.slice(since).some((c) => String(c.params.text ?? "").includes("Are you still there"))).toBe(
      false,
    );

    // No request the emulator recorded carries the other side's id, names or username (outside their own chat).
    const secrets = (u: TestUser) => [String(u.id), u.info.first_name, u.info.last_name ?? "", u.info.username ?? ""];
    const calls = bot.emu.calls.slice(start);
    expect(calls.some((c) => c.method === "forwardMessage")).toBe(false);
    for (const call of calls) {
      const payload = JSON.stringify(call.params);
      for (const p of [officer, supporter]) {
        if (call.params.chat_id === p.id) continue;
        for (const s of secrets(p)) expect(payload, `${call.method} carries ${s}`).not.toContain(s);
      }
    }
    // Nor their Mitt handles (what admins see in /users).
    for (const p of [officer, supporter]) {
      const handle = (await bot.app.deps.members.find(await pseudonymOf(bot, p)))?.handle ?? "?";
      expect(calls.filter((c) => JSON.stringify(c.params).includes(handle))).toEqual([]);
    }

    // What is kept: the pair's pseudonyms, aliases, days and counts; never a word of what was said.
    const row = await bot.db.prisma.peerConversation.findFirstOrThrow({
      where: { requester: await pseudonymOf(bot, officer) },
    });
    expect(row).toMatchObject({
      supporter: await pseudonymOf(bot, supporter),
      status: "ended",
      endedBy: "requester",
      requesterMessages: 10,
      supporterMessages: 10,
      expiresAt: null,
      requesterLastMessage: null,
      supporterLastMessage: null,
    });
    expect(row.closedOn?.toISOString()).toMatch(/T00:00:00\.000Z$/);
    await bot.idle();
    for (const text of said) {
      expect(await rowsContaining(bot, text), text).toEqual([]);
      expect(bot.logs.join(""), text).not.toContain(text);
    }
    expect((await eventsOf(officer)).slice(-3)).toEqual([
      'peer.requested {"night":false,"source":"command","available":true}',
      "peer.accepted {}",
      'peer.ended {"by":"requester","stage":"conversation","messages":"10-49"}',
    ]);
  });

  it("When photos, stickers, voice or forwards arrive in the relay, then each is refused with the reason and nothing reaches the other side", async () => {
    const officer = person("Bopha", "en");
    await enrol(bot, officer);
    const supporter = await supporterNamed("Visal");
    await connect(officer, supporter);
    const seen = supporter.messages().length;

    const refusals = [
      () => officer.sendPhoto("a photo from the case"),
      () => officer.sendSticker(),
      () => officer.sendVoice(),
      () =>
        sendRaw(bot, officer, {
          text: "forwarded words",
          forward_origin: { type: "hidden_user", sender_user_name: "X", date: 1 },
        }),
      () => sendRaw(bot, officer, { document: { file_id: "doc-1", file_unique_id: "doc1" } }),
    ];
    for (const send of refusals) {
      const since = bot.emu.calls.length;
      send();
      const reply = await replyContaining(bot.emu, officer, "Only text is passed on", since);
      expect(reply).toContain("Nothing was sent");
    }
    await bot.idle();
    expect(supporter.messages()).toHaveLength(seen);
    expect(await rowsContaining(bot, "forwarded words")).toEqual([]);
  });

  it("When relayed text has crisis words or identifying details, then the writer gets the crisis contacts at once and the other side gets it scrubbed", async () => {
    const officer = person("Chenda", "en");
    await enrol(bot, officer);
    const supporter = await supporterNamed("Rithy");
    const { officerAlias } = await connect(officer, supporter);

    let since = bot.emu.calls.length;
    officer.send("Honestly I feel hopeless and I can't go on");
    const contacts = await replyContaining(bot.emu, officer, "You are not alone", since);
    expect(contacts).toContain("Emergency services");
    expect(await replyContaining(bot.emu, supporter, "hopeless", since)).toBe(
      `💬 Peer ${officerAlias}\nHonestly I feel hopeless and I can't go on`,
    );
    expect(await eventsOf(officer)).toContain('escalation.offered {"step":"crisis"}');

    since = bot.emu.calls.length;
    officer.send("The girl Sokha, 12 years old, phone 012 345 678, kept crying");
    const got = await replyContaining(bot.emu, supporter, "kept crying", since);
    expect(got).not.toMatch(/Sokha|12 years|012 345 678/);
    expect(await replyContaining(bot.emu, officer, "Mitt took out before passing it on", since)).toMatch(/name/);
    await bot.idle();
    for (const secret of ["Sokha", "012 345 678", "I feel hopeless and I can't go on"]) {
      expect(await rowsContaining(bot, secret), secret).toEqual([]);
      expect(bot.logs.join(""), secret).not.toContain(secret);
    }
  });

  it("When a message is reported, then the administrators get only that message, and nothing about who wrote or reported it", async () => {
    const admin = person("Admina", "en");
    await enrol(bot, admin, "admin");
    const officer = person("Kanha", "en");
    await enrol(bot, officer);
    const supporter = await supporterNamed("Sopheap", "km");
    await connect(officer, supporter);

    await relay(officer, supporter, "first thing I said");
    await relay(officer, supporter, "second thing I said");
    const first = lastContaining(supporter, "first thing I said");
    let since = bot.emu.calls.length;
    replyTo(bot, supporter, first, "/report");
    expect(await replyContaining(bot.emu, supporter, "បានរាយការណ៍ហើយ", since)).toContain("/end");
    await replyContaining(bot.emu, admin, "was reported", since);
    const copy = await replyContaining(bot.emu, admin, "first thing I said", since);
    expect(copy).toMatch(/^💬 .+\nfirst thing I said$/);
    await bot.idle();
    const toAdmin = bot.emu.calls.slice(since).filter((c) => c.params.chat_id === admin.id);
    expect(toAdmin.map((c) => c.method).sort()).toEqual(["copyMessage", "sendMessage"]);
    expect(JSON.stringify(admin.messages().slice(-2))).not.toMatch(/second thing|Kanha|Sopheap/);
    for (const p of [officer, supporter]) {
      const handle = (await bot.app.deps.members.find(await pseudonymOf(bot, p)))?.handle ?? "?";
      expect(JSON.stringify(admin.messages())).not.toContain(handle);
    }
    expect(await eventsOf(supporter)).toContain('peer.reported {"by":"supporter"}');

    // Without a reply: the last message received.
    await relay(supporter, officer, "my last answer to you");
    // The relay records the message it delivered right after Telegram accepts it: let that finish first.
    await bot.idle();
    since = bot.emu.calls.length;
    officer.command("report");
    await replyContaining(bot.emu, officer, "Reported", since);
    await replyContaining(bot.emu, admin, "my last answer to you", since);
  });

  it("When a supporter talks with two colleagues, then a reply picks the conversation and an unaddressed message is not sent", async () => {
    const a = person("Amara", "en");
    const b = person("Bunthan", "en");
    await enrol(bot, a);
    await enrol(bot, b);
    const supporter = await supporterNamed("Serey");
    const withA = await connect(a, supporter);
    const withB = await connect(b, supporter);
    expect(withA.officerAlias).not.toBe(withB.officerAlias);

    const fromA = await relay(a, supporter, "hello from the first colleague");
    const seenB = b.messages().length;
    let since = bot.emu.calls.length;
    expect((await supporter.ask("who gets this")).text).toContain("Reply to one of their messages");
    since = bot.emu.calls.length;
    replyTo(bot, supporter, lastContaining(supporter, "hello from the first"), "just for you");
    expect(await replyContaining(bot.emu, a, "just for you", since)).toBe(
      `💬 Peer ${withA.supporterAlias}\njust for you`,
    );
    expect(fromA).toContain(`Peer ${withA.officerAlias}`);
    await bot.idle();
    expect(b.messages()).toHaveLength(seenB);

    // /end with two open: choose which.
    const choose = await supporter.askCommand("end");
    const labels = choose.buttons.flat().map((x) => x.text);
    expect(labels.sort()).toEqual([`Peer ${withA.officerAlias}`, `Peer ${withB.officerAlias}`].sort());
    since = bot.emu.calls.length;
    supporter.press(`Peer ${withB.officerAlias}`);
    await replyContaining(bot.emu, b, "has ended the conversation", since);
    expect(await relay(supporter, a, "still with you")).toContain("still with you");
  });

  it("When the wellbeing ladder or the menu leads to a peer, then the consent card comes first, and a waiting request can be withdrawn", async () => {
    const supporter = await supporterNamed("Ratana");
    const officer = person("Makara", "en");
    await enrol(bot, officer);

    let since = bot.emu.calls.length;
    officer.pressData("wb:sisq:5"); // the weekly stress question, answered "very much"
    await replyContaining(bot.emu, officer, "Would you like to talk with a peer supporter", since);
    since = bot.emu.calls.length;
    officer.press("🤝 Yes, I'd like to talk");
    expect(await replyContaining(bot.emu, officer, "Talk with a peer supporter, anonymously", since)).toContain(
      'only an alias such as "Peer 7K"',
    );
    await bot.idle();
    expect(await bot.db.prisma.peerConversation.count({ where: { requester: await pseudonymOf(bot, officer) } })).toBe(
      0,
    );
    since = bot.emu.calls.length;
    officer.press("🤝 Yes, find me a peer");
    await replyContaining(bot.emu, officer, "Your request went to one peer supporter", since);
    await replyContaining(bot.emu, supporter, "would like to talk with a peer supporter", since);
    expect(await eventsOf(officer)).toEqual(
      expect.arrayContaining([
        'escalation.offered {"step":"peer"}',
        'peer.requested {"night":false,"source":"ladder","available":true}',
        'escalation.accepted {"step":"peer","share":"none"}',
      ]),
    );
    // Asking again while it waits says so; /end withdraws it.
    expect((await officer.askCommand("peer")).text).toContain("still waiting");
    expect((await officer.askCommand("end")).text).toContain("Your request was withdrawn");
    expect(await eventsOf(officer)).toContain('peer.ended {"by":"requester","stage":"request","messages":"0"}');

    // The main menu has it too; "Not now" sends nothing.
    const menu = await officer.askCommand("start");
    expect(menu.buttons.flat().map((b) => b.text)).toContain("🤝 Talk to a peer");
    await officer.askPress("🤝 Talk to a peer");
    since = bot.emu.calls.length;
    officer.press("Not now");
    await replyContaining(bot.emu, officer, "nothing was sent", since);
    expect(await bot.db.prisma.peerConversation.count({ where: { requester: await pseudonymOf(bot, officer) } })).toBe(
      1,
    );
  });

  it("When someone in a peer conversation has a reflection open, then typed text goes to the peer; a trainer's broadcast draft stays in the broadcast", async () => {
    const officer = person("Vanna", "en");
    await enrol(bot, officer);
    const trainer = person("Thida", "en");
    await enrol(bot, trainer, "trainer");
    await makeSupporter(bot, trainer);
    supporters.push(trainer);
    await connect(officer, trainer);

    // The reflection waits for its buttons; the live conversation gets the words.
    expect((await officer.askCommand("reflect")).text).toContain("Which parts did you manage today");
    expect(await relay(officer, trainer, "sorry, still here with you")).toContain("sorry, still here with you");
    expect((await officer.askPress("None of these")).text).toContain("Roughly how many");
    expect(await rowsContaining(bot, "still here with you")).toEqual([]); // not in the reflection's state either

    // The trainer composing a broadcast: the draft is the broadcast's, never the colleague's.
    await trainer.askCommand("broadcast");
    await trainer.askPress("One version for everyone");
    const seen = officer.messages().length;
    expect((await trainer.ask("Refresher session on Friday")).text).not.toContain("Only text");
    await bot.idle();
    expect(officer.messages()).toHaveLength(seen);
    await trainer.askCommand("cancel");
  });

  it("When an officer deletes their data mid-conversation, then the supporter is told neutrally and nothing links the conversation to them", async () => {
    const officer = person("Dalin", "en");
    await enrol(bot, officer);
    const supporter = await supporterNamed("Kosal");
    const { officerAlias } = await connect(officer, supporter);
    await relay(officer, supporter, "thank you for listening");
    const p = await pseudonymOf(bot, officer);

    await officer.askCommand("settings");
    await officer.askPress("🗑 Delete my data");
    await officer.askPress("Continue");
    const since = bot.emu.calls.length;
    officer.press("🗑 Yes, delete everything");
    expect(await replyContaining(bot.emu, supporter, "has ended the conversation", since)).toBe(
      `Peer ${officerAlias} has ended the conversation. Thank you for talking.`,
    );
    await replyContaining(bot.emu, officer, "Your data has been deleted", since);
    await bot.idle();
    expect(await rowsContaining(bot, p, ["peer_conversations", "peer_blocks"])).toEqual([]);
    const row = await bot.db.prisma.peerConversation.findFirstOrThrow({
      where: { supporter: await pseudonymOf(bot, supporter) },
    });
    expect(row.requester).toMatch(/^gone-/);
    expect(row).toMatchObject({ status: "ended", requesterMessages: 1 });
  });
});
