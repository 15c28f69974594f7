// A thousand generated updates of every kind (3,000 pass too: FUZZ_UPDATES=3000, FUZZ_SEED to vary), with a restart half-way: real and forged and stale presses, text in
// Khmer and English (crisis words, NUL bytes, 5,000 characters), commands, media, group messages, a group add, and
// kinds Mitt does not serve (edited messages, inline queries, channel posts, messages sent on behalf of a chat, polls).
// Nothing may be logged as an error, and every press must be answered. Kinds that the bot's allowed_updates leave
// out (Telegram would not send them) are handed to the bot directly, as a webhook set up elsewhere would.
import type { Update } from "grammy/types";
import { afterAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator, type TestUser } from "../../emulator/index.js";
import { commandsFor } from "../../src/bot/commands.js";
import type { Database } from "../../src/db/client.js";
import { seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";
import { createTestDatabase } from "../helpers/db.js";
import { movableClock } from "../helpers/peer.js";

// FUZZ_UPDATES=3000 runs a longer fuzz (the CI run keeps to about a thousand, under half a minute).
const UPDATES = Math.max(2, Math.floor(Number(process.env.FUZZ_UPDATES ?? 1000) / 2) * 2);
const COMMANDS = [...new Set([...commandsFor("admin"), "start", "menu", "cancel", "reflect settings", "nonsense"])];
const TEXTS = [
  "hello",
  "សួស្តី",
  "The interview went well after a break",
  "កុមារនិយាយបានល្អ",
  "I can't go on",
  "ពេលខ្លះខ្ញុំគិតខ្លី",
  "a\u0000b\u0007c",
  "\uD83D half an emoji",
  "ABCD-EFGH",
  "x".repeat(5000),
  "👨‍👩‍👧 \u202Eevil\u202C",
  "25/11/2030 08:00",
];
const FORGED = [
  "menu:users",
  "menu:nothing",
  "settings:delete3",
  "inv:r:admin:1:1",
  "usr:role:AAAA-AA:admin",
  "tip:h:../../etc",
  "tip:a:planning-01:9",
  "bcp:k:00000000-0000-0000-0000-000000000000",
  "bc:ok",
  "ci:deadbeef:q1:t:0",
  "wb:sisq:9",
  "peerreq:a:nope",
  "prx:useful:x",
  "mod:ok:x:0",
  "",
  "x".repeat(64),
  "::::",
];

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let db: Database | undefined;
let emu: Emulator | undefined;
const bots: TestBot[] = [];
afterAll(async () => {
  for (const b of bots) await b.stop().catch(() => undefined);
  await db?.close();
  await emu?.close();
});

describe("fuzz", () => {
  it("When a thousand updates of every kind arrive (FUZZ_UPDATES for more), with a restart half-way, then nothing fails and every press is answered", async () => {
    const random = rng(Number(process.env.FUZZ_SEED ?? 20261125)); // FUZZ_SEED=… replays or varies a run
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    emu = await startEmulator({ globalRatePerSec: Number.POSITIVE_INFINITY, perChatPerSec: Number.POSITIVE_INFINITY });
    db = await createTestDatabase();
    const clock = movableClock();
    let bot = await startTestBot({ emu, db, now: clock.now });
    bots.push(bot);
    const people: TestUser[] = [
      await seedEnrolled(bot, emu.user({ id: 7_700_001, language_code: "km" }), "officer"),
      await seedEnrolled(bot, emu.user({ id: 7_700_002, language_code: "en" }), "officer", { locale: "en" }),
      await seedEnrolled(bot, emu.user({ id: 7_700_003, language_code: "en" }), "trainer", { locale: "en" }),
      await seedEnrolled(bot, emu.user({ id: 7_700_004, language_code: "km" }), "admin"),
      emu.user({ id: 7_700_005, language_code: "km" }), // not enrolled
      emu.user({ id: 7_700_006, language_code: "en" }), // not enrolled
    ];
    const group = -100_770_001;
    let queryIds = 0;
    // Counted like an injected update (the test bot's idle() compares updates in with updates handled).
    const direct = (update: Omit<Update, "update_id">, id: number) => {
      const full = { update_id: 900_000 + id, ...update } as Update;
      emu?.emit("update", full);
      return bot.app.bot.handleUpdate(full);
    };

    for (let i = 0; i < UPDATES; i++) {
      if (i === UPDATES / 2) {
        await bot.idle();
        await bot.stop();
        bot = await startTestBot({ emu, db, now: clock.now });
        bots.push(bot);
      }
      const u = pick(people);
      const r = random();
      const chat = emu.chats.chatObject(u.id);
      if (r < 0.22) {
        const buttons = u.messages().flatMap((m) => m.buttons.flat().filter((b) => b.callback_data));
        const chosen = buttons.length ? pick(buttons).callback_data : undefined;
        if (chosen) u.press((b) => b.callback_data === chosen);
        else u.pressData(pick(FORGED));
      } else if (r < 0.32) u.pressData(pick(FORGED));
      else if (r < 0.5) u.send(pick(TEXTS));
      else if (r < 0.62) u.command(pick(COMMANDS));
      else if (r < 0.66) u.sendSticker();
      else if (r < 0.69) u.sendPhoto(pick([undefined, "a caption"]));
      else if (r < 0.71) u.sendVoice();
      else if (r < 0.75) u.sendInGroup(group, pick(["/start", "/settings", "hello"]));
      else if (r < 0.77) u.addBotTo(group - i, pick(["group", "supergroup", "channel"] as const));
      else if (r < 0.8) {
        // A press on a message sent inline (no message, no chat) and one in a group.
        const id = `fuzz-${++queryIds}`;
        emu.chats.callbackQueries.set(id, { chatId: u.id, answered: false });
        emu.inject({
          callback_query: { id, from: u.info, chat_instance: "x", inline_message_id: "im", data: "menu:home" },
        });
      } else if (r < 0.82) u.pressInGroup(group, pick(FORGED));
      else if (r < 0.85) {
        const m = { message_id: 1, date: 0, chat, from: u.info, edit_date: 1, text: "edited" };
        await direct({ edited_message: m } as Omit<Update, "update_id">, i);
      } else if (r < 0.88) {
        await direct({ inline_query: { id: `iq${i}`, from: u.info, query: "tip", offset: "" } }, i);
      } else if (r < 0.91) {
        const post = { message_id: i, date: 0, chat: { id: -100_880_001, type: "channel", title: "C" }, text: "post" };
        await direct({ channel_post: post } as Omit<Update, "update_id">, i);
      } else if (r < 0.94) {
        // A message sent on behalf of a chat: no `from`.
        const m = {
          message_id: i,
          date: 0,
          chat,
          sender_chat: { id: -100_1, type: "channel", title: "C" },
          text: "hi",
        };
        await direct({ message: m } as Omit<Update, "update_id">, i);
      } else if (r < 0.96) {
        await direct({ poll_answer: { poll_id: "p", user: u.info, option_ids: [0] } } as Omit<Update, "update_id">, i);
      } else if (r < 0.98) u.block();
      else u.unblock();
      if (i % 12 === 11) await bot.idle();
    }
    await bot.idle();

    const allLogs = bots.flatMap((b) => b.logs);
    const errors = allLogs.filter((l) => /"level":(50|60)/.test(l));
    expect(errors).toEqual([]);
    expect(allLogs.join("\n")).not.toContain("Cannot access session data");
    expect(emu.unansweredCallbackQueries()).toEqual([]);
    // Groups heard at most one notice each; nothing else was sent to a chat that is not private.
    const toGroups = emu.calls.filter((c) => c.ok && c.method.startsWith("send") && Number(c.params.chat_id) < 0);
    const perGroup = new Map<number, number>();
    for (const c of toGroups) perGroup.set(Number(c.params.chat_id), (perGroup.get(Number(c.params.chat_id)) ?? 0) + 1);
    expect([...perGroup.values()].every((n) => n === 1)).toBe(true);
    expect(toGroups.every((c) => String(c.params.text).includes("private chat"))).toBe(true);
  }, 120_000);
});
