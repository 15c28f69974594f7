import { Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { TOKEN } from "./helpers.js";

/** A 2×2 PNG. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAAALSURBVAiZY2BABwAAEgABb/pjtwAAAABJRU5ErkJggg==",
  "base64",
);

let emu: Emulator;
let bot: Bot | undefined;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  if (bot?.isRunning()) await bot.stop();
  bot = undefined;
  await emu.close();
});

const newBot = () => new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });

/** Starts long polling and resolves once the bot is running (grammY's onStart), without sleeping. */
function startPolling(b: Bot): Promise<void> {
  return new Promise((resolve, reject) => {
    b.start({ onStart: () => resolve() }).catch(reject);
  });
}

describe("emulator with a real grammY client", () => {
  it("When grammY calls getMe and sendMessage, then it gets Telegram-shaped answers", async () => {
    bot = newBot();
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 1234567, is_bot: true, first_name: "Mitt", username: "mitt_local_bot" });
    const sent = await bot.api.sendMessage(1001, "សួស្តី Dara", {
      reply_markup: new InlineKeyboard().text("បាទ/ចាស", "yes"),
    });
    expect(sent).toMatchObject({
      message_id: 1,
      chat: { id: 1001, type: "private" },
      from: { id: 1234567, is_bot: true },
    });
    expect(sent.date).toBeLessThan(1e11);
    const next = await bot.api.sendMessage(1001, "again");
    expect(next.message_id).toBe(2);
    expect(emu.sentTo(1001).map((m) => m.text)).toEqual(["សួស្តី Dara", "again"]);
  });

  it("When grammY sends an invalid message, then it throws GrammyError with Telegram's description", async () => {
    bot = newBot();
    const error = await bot.api.sendMessage(1, "x".repeat(4097)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).description).toBe("Bad Request: message is too long");
    expect((error as GrammyError).error_code).toBe(400);
  });

  it("When grammY uploads a photo as multipart with a keyboard, then it is accepted and the file can be fetched back", async () => {
    bot = newBot();
    const bytes = TINY_PNG; // Telegram processes a photo, so it has to be a real image
    const sent = await bot.api.sendPhoto(1001, new InputFile(bytes, "p.jpg"), {
      caption: "<b>Day 3</b>",
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Next", "next"),
    });
    expect(sent.caption).toBe("Day 3");
    const call = emu.calls.at(-1);
    expect(call).toMatchObject({ method: "sendPhoto", status: 200 });
    expect(call?.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "Next", callback_data: "next" }]] });
    expect(emu.sentTo(1001)).toMatchObject([{ kind: "photo", caption: "Day 3", buttons: [[{ text: "Next" }]] }]);

    const fileId = sent.photo.at(-1)?.file_id ?? "";
    const file = await bot.api.getFile(fileId);
    const res = await fetch(`${emu.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

    const doc = await bot.api.sendDocument(1001, new InputFile(bytes, "report.csv"));
    expect(doc.document.file_name).toBe("report.csv");
  });

  it("When a user asks and presses a button, then the running bot's reply and edit come back to the user", async () => {
    bot = newBot();
    bot.command("start", (ctx) =>
      ctx.reply(`សួស្តី ${ctx.from?.first_name}`, {
        reply_markup: new InlineKeyboard().text("ចាប់ផ្តើម ✅", "begin").text("Later", "later"),
      }),
    );
    bot.callbackQuery("begin", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText("Let's begin");
    });
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    await startPolling(bot);

    const dara = emu.user({ id: 1001, first_name: "Dara", language_code: "km" });
    const hello = await dara.askCommand("start");
    expect(hello.text).toBe("សួស្តី Dara");
    expect(hello.buttons).toEqual([
      [
        { text: "ចាប់ផ្តើម ✅", callback_data: "begin" },
        { text: "Later", callback_data: "later" },
      ],
    ]);

    const since = emu.calls.length;
    const edited = await dara.askPress("ចាប់ផ្តើម");
    expect(edited).toMatchObject({ message_id: hello.message_id, text: "Let's begin", edited: true, buttons: [] });
    await emu.waitFor((c) => c.method === "answerCallbackQuery" && c.ok, { since });
    expect(emu.unansweredCallbackQueries()).toEqual([]);
    expect(dara.messages()).toHaveLength(1);

    const echo = await dara.ask("hello");
    expect(echo.text).toBe("echo: hello");
    expect(dara.last()?.text).toBe("echo: hello");
    expect(emu.warnings).toEqual([]);
  });

  it("When a client uploads a photo with plain FormData, then the JSON-encoded fields are parsed", async () => {
    const form = new FormData();
    form.set("chat_id", "42");
    form.set("caption", "from curl");
    form.set("reply_markup", JSON.stringify({ inline_keyboard: [[{ text: "Open", url: "https://example.org" }]] }));
    form.set("photo", new Blob([TINY_PNG]), "photo.png");
    const res = await fetch(`${emu.apiRoot}/bot${TOKEN}/sendPhoto`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(emu.sentTo(42)).toMatchObject([
      { kind: "photo", caption: "from curl", buttons: [[{ text: "Open", url: "https://example.org" }]] },
    ]);
  });

  it("When a forged callback arrives for a missing message, then the bot gets it and must still answer", async () => {
    bot = newBot();
    let seen: Update | undefined;
    bot.on("callback_query:data", async (ctx) => {
      seen = ctx.update;
      await ctx.answerCallbackQuery({ text: "expired" });
    });
    await startPolling(bot);
    const u = emu.user({ id: 2002 });
    const press = u.pressData("admin:delete-all", 999);
    const answer = await u.answerTo(press);
    expect(answer).toMatchObject({ ok: true, params: { text: "expired" } });
    expect(seen?.callback_query?.message?.date).toBe(0);
  });

  it("When no button matches, then press throws and lists the buttons there are", async () => {
    const u = emu.user({ id: 3003 });
    expect(() => u.press("Nope")).toThrow(/No inline button matching Nope/);
  });

  it("When waitFor times out, then the error lists the last calls", async () => {
    bot = newBot();
    await bot.api.sendMessage(1, "first");
    await expect(emu.waitFor((c) => c.method === "sendVoice", { timeoutMs: 20 })).rejects.toThrow(
      /timed out after 20 ms[\s\S]*sendMessage 200 chat=1 "first"/,
    );
  });
});
