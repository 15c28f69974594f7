// Telegram paces messages to one chat (about one a second, with a small burst). With the emulator's per-chat pacing
// on, the flows that used to send several messages at once (a broadcast's preview and progress, the add-tip
// preview, the crisis path and the wellbeing follow-up of a check-in) never meet a 429: the crisis question is never
// late. The people here press a button at most once a second, as people do (the emulator's clock is moved, not
// slept).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, type SentMessage, startEmulator, type TestUser } from "../../emulator/index.js";
import { freshData, seedEnrolled, startTestBot, type TestBot } from "../helpers/bot.js";
import { movableClock } from "../helpers/peer.js";

let bot: TestBot;
let emu: Emulator;
let offset = 0;
let nextId = 6_500_001;
beforeAll(async () => {
  emu = await startEmulator({
    globalRatePerSec: Number.POSITIVE_INFINITY,
    perChatBurst: 3,
    perChatPerSec: 1,
    clock: () => Date.now() + offset,
  });
  // 10:00 in Phnom Penh, outside quiet hours, so the broadcast goes out at once.
  bot = await startTestBot({ emu, now: movableClock().now });
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
  await emu.close();
});

/** The person reads for a second before the next action. */
async function human<T>(act: () => Promise<T>): Promise<T> {
  offset += 1000;
  return act();
}

const tooMany = (chatId: number) => emu.calls.filter((c) => c.status === 429 && c.params.chat_id === chatId);

async function textFrom(user: TestUser, fragment: string, since: number) {
  const call = await emu.waitFor(
    (c) => c.ok && c.message?.chat.id === user.id && (c.message.text ?? "").includes(fragment),
    {
      since,
      timeoutMs: 15_000,
    },
  );
  return call.message?.text ?? "";
}

describe("bursts to one chat", () => {
  it("When a trainer previews and sends a Khmer+English broadcast, then no message to their chat is refused for pace", async () => {
    const trainer = await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "en" }), "trainer", {
      locale: "en",
    });
    await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "km" }), "officer");
    const since = emu.calls.length;
    await human(() => trainer.askCommand("broadcast"));
    await human(() => trainer.askPress("Khmer and English"));
    await human(() => trainer.ask("សូមចាំថា សំណួរបើកចំហជួយកុមារ។"));
    await human(() => trainer.ask("Remember: open questions help the child."));
    const when = await human(() => trainer.askPress("Continue"));
    await textFrom(trainer, "When?", since);
    expect(when).toBeDefined();
    await human(() => trainer.askPress("Send now"));
    await human(() => trainer.askPress("Confirm and send"));
    await textFrom(trainer, "Report:", since);
    expect(tooMany(trainer.id)).toEqual([]);
  });

  it("When a trainer adds a tip, then the preview of both versions comes as one message", async () => {
    const trainer = await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "en" }), "trainer", {
      locale: "en",
    });
    await human(() => trainer.askCommand("tips"));
    await human(() => trainer.askPress("Add a tip"));
    const topics = trainer.last()?.buttons.flat() ?? [];
    await human(() => trainer.askPress(topics[0]?.text ?? ""));
    await human(() => trainer.ask("សូមផ្តល់ការសម្រាកខ្លីមួយ នៅពេលកុមារមើលទៅហត់នឿយ។"));
    const preview: SentMessage = await human(() => trainer.ask("Offer a short break when the child looks tired."));
    expect(preview.text).toContain("សូមផ្តល់ការសម្រាកខ្លីមួយ");
    expect(preview.text).toContain("Offer a short break");
    expect(preview.buttons.flat().map((b) => b.text)).toContain("✅ Save");
    expect((await human(() => trainer.askPress("✅ Save"))).text).toContain("Saved");
    expect(tooMany(trainer.id)).toEqual([]);
  });

  it("When a Khmer officer writes crisis words in a check-in and ends it feeling very bad, then the contacts and each question come at once, never refused for pace", async () => {
    const u = await seedEnrolled(bot, emu.user({ id: nextId++, language_code: "km" }), "officer");
    await human(() => u.askCommand("reflect"));
    await human(() => u.askPress("មិនបានធ្វើទាំងនេះទេ"));
    await human(() => u.askPress("មិនប្រាកដទេ"));
    await human(() => u.askPress("😣"));
    const crisis = await human(() => u.ask("ពេលខ្លះខ្ញុំគិតខ្លី"));
    expect(crisis.text).toContain("🆘");
    expect(crisis.buttons.flat().map((b) => b.text)).toContain("ពេលក្រោយសិន");
    const offered = await human(() => u.askPress("ពេលក្រោយសិន"));
    expect(offered.buttons.flat().map((b) => b.text)).toContain("➡️ បន្ត ដោយមិនរក្សាទុក");
    await human(() => u.askPress("➡️ បន្ត ដោយមិនរក្សាទុក"));
    await human(() => u.askPress("⏭ រំលង"));
    const since = emu.calls.length;
    const end = await human(() => u.askPress("បញ្ចប់ ✔️"));
    expect(end.text).toContain("✅");
    const sent = emu.calls.slice(since).filter((c) => c.ok && c.method === "sendMessage" && c.params.chat_id === u.id);
    expect(sent).toHaveLength(1);
    expect(tooMany(u.id)).toEqual([]);
  });
});
