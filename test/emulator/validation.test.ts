import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { callApi, keyboard } from "./helpers.js";

let emu: Emulator;
beforeEach(async () => {
  emu = await startEmulator({ globalRatePerSec: Infinity, perChatPerSec: Infinity });
});
afterEach(async () => {
  await emu.close();
});

describe("emulator: what Telegram rejects", () => {
  it("When the bot calls a method Telegram does not have, then it gets 404 method not found", async () => {
    const answer = await callApi(emu, "sendMesage", { chat_id: 1, text: "hi" });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
    expect(emu.calls.at(-1)).toMatchObject({ method: "sendMesage", status: 404 });
  });

  it("When a multipart body is broken or has no boundary, then it gets 400; a well-formed one with a file works", async () => {
    const post = (type: string, body: string) =>
      fetch(`${emu.apiRoot}/bot1234567:TEST-token_x/sendMessage`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    expect((await post("multipart/form-data", "--x\r\n")).status).toBe(400);
    const broken = await post(
      "multipart/form-data; boundary=XyZ",
      '--XyZ\r\ncontent-disposition:form-data;name="chat_id"',
    );
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { description: string }).description).toContain("multipart");
    const form = new FormData();
    form.set("chat_id", "77");
    form.set("document", new File([Buffer.from("a,b\r\n")], "report.csv", { type: "text/csv" }));
    const sent = await fetch(`${emu.apiRoot}/bot1234567:TEST-token_x/sendDocument`, { method: "POST", body: form });
    expect(sent.status).toBe(200);
    expect(emu.calls.at(-1)?.message?.document).toMatchObject({ file_name: "report.csv", mime_type: "text/csv" });
  });

  it("When the token is malformed, then it gets 401 Unauthorized", async () => {
    const answer = await callApi(emu, "getMe", {}, { token: "not-a-token" });
    expect(answer).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
  });

  it("When a required parameter is missing, then it gets 400 naming the parameter", async () => {
    const answer = await callApi(emu, "sendMessage", { text: "hi" });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toBe('Bad Request: parameter "chat_id" is required');
  });

  it("When the text is longer than 4096 characters, then it gets 400 message is too long", async () => {
    const ok = await callApi(emu, "sendMessage", { chat_id: 1, text: "ក".repeat(4096) });
    expect(ok.status).toBe(200);
    const answer = await callApi(emu, "sendMessage", { chat_id: 1, text: "ក".repeat(4097) });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toBe("Bad Request: message is too long");
  });

  it("When the text is only whitespace, then it gets 400 message text is empty", async () => {
    const answer = await callApi(emu, "sendMessage", { chat_id: 1, text: "  \n " });
    expect(answer.body.description).toBe("Bad Request: message text is empty");
  });

  it("When a caption is longer than 1024 characters, then it gets 400 message caption is too long", async () => {
    const answer = await callApi(emu, "sendPhoto", { chat_id: 1, photo: "AgACAgIAAx0", caption: "a".repeat(1025) });
    expect(answer.body.description).toBe("Bad Request: message caption is too long");
  });

  it("When callback_data is 22 Khmer characters (66 bytes), then it gets 400 BUTTON_DATA_INVALID", async () => {
    const data = "ក".repeat(22);
    expect(data.length).toBe(22);
    const answer = await callApi(emu, "sendMessage", { chat_id: 1, text: "hi", reply_markup: keyboard(data) });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("When callback_data is 65 ASCII bytes, then it gets 400; at 64 bytes it is accepted", async () => {
    const tooLong = await callApi(emu, "sendMessage", {
      chat_id: 1,
      text: "hi",
      reply_markup: keyboard("x".repeat(65)),
    });
    expect(tooLong.body.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    const fits = await callApi(emu, "sendMessage", { chat_id: 1, text: "hi", reply_markup: keyboard("x".repeat(64)) });
    expect(fits.status).toBe(200);
  });

  it("When reply_markup in a form body is not JSON, then it gets 400 can't parse reply keyboard markup", async () => {
    const answer = await callApi(emu, "sendMessage", { chat_id: 1, text: "hi", reply_markup: "{oops" }, { form: true });
    expect(answer.body.description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
  });

  it("When HTML markup is broken, then it gets 400 can't parse entities", async () => {
    const answer = await callApi(emu, "sendMessage", { chat_id: 1, text: "<b>Dara <i>x</b>", parse_mode: "HTML" });
    expect(answer.body.description).toMatch(/^Bad Request: can't parse entities: /);
    const ok = await callApi(emu, "sendMessage", { chat_id: 1, text: "<b>Dara</b> &lt;3", parse_mode: "HTML" });
    expect((ok.body.result as { text: string }).text).toBe("Dara <3");
  });

  it("When a parameter is unknown, then the call succeeds and a warning is recorded", async () => {
    const answer = await callApi(emu, "sendMessage", { chat_id: 1, text: "hi", colour: "red" });
    expect(answer.status).toBe(200);
    expect(emu.warnings).toEqual(['sendMessage: unknown parameter "colour"']);
  });

  it("When a form body carries numbers and JSON as strings, then they are typed like Telegram does", async () => {
    const answer = await callApi(
      emu,
      "sendMessage",
      { chat_id: 77, text: "hi", reply_markup: keyboard("a") },
      { form: true },
    );
    expect(answer.status).toBe(200);
    expect(emu.calls.at(-1)?.params).toMatchObject({ chat_id: 77, reply_markup: keyboard("a") });
    expect(emu.sentTo(77)[0]?.buttons).toEqual([[{ text: "Go", callback_data: "a" }]]);
  });

  it("When a message is edited to the same content, then it gets 400 message is not modified", async () => {
    const sent = await callApi(emu, "sendMessage", { chat_id: 1, text: "hi", reply_markup: keyboard("a") });
    const message_id = (sent.body.result as { message_id: number }).message_id;
    const same = await callApi(emu, "editMessageText", {
      chat_id: 1,
      message_id,
      text: "hi",
      reply_markup: keyboard("a"),
    });
    expect(same.body.description).toMatch(/^Bad Request: message is not modified/);
    const changed = await callApi(emu, "editMessageText", { chat_id: 1, message_id, text: "hi" });
    expect(changed.status).toBe(200);
    expect(emu.sentTo(1)).toMatchObject([{ message_id, text: "hi", buttons: [], edited: true }]);
    const missing = await callApi(emu, "editMessageText", { chat_id: 1, message_id: 999, text: "x" });
    expect(missing.body.description).toBe("Bad Request: message to edit not found");
  });

  it("When a message is deleted, then the user no longer sees it", async () => {
    await callApi(emu, "sendMessage", { chat_id: 1, text: "one" });
    await callApi(emu, "sendMessage", { chat_id: 1, text: "two" });
    expect((await callApi(emu, "deleteMessage", { chat_id: 1, message_id: 1 })).body.result).toBe(true);
    expect(emu.sentTo(1).map((m) => m.text)).toEqual(["two"]);
  });

  it("When the bot calls a real method the emulator does not model, then it is validated and answers true", async () => {
    expect((await callApi(emu, "setChatMenuButton", {})).body).toEqual({ ok: true, result: true });
    expect((await callApi(emu, "setMyCommands", { commands: [{ command: "Start", description: "x" }] })).status).toBe(
      400,
    );
    expect((await callApi(emu, "pinChatMessage", { chat_id: 1, message_id: 1 })).body.result).toBe(true);
  });
});
