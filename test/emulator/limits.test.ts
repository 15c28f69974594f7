import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator/index.js";
import { callApi } from "./helpers.js";

let emu: Emulator | undefined;
let now = 1_750_000_000_000;
async function start(opts: EmulatorOptions): Promise<Emulator> {
  emu = await startEmulator({ clock: () => now, ...opts });
  return emu;
}
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const send = (e: Emulator, chat_id: number) => callApi(e, "sendMessage", { chat_id, text: "news" });

describe("emulator: flood control, blocking and faults", () => {
  it("When sends over all chats exceed the global cap, then Telegram answers 429 with retry_after", async () => {
    const e = await start({ globalRatePerSec: 3, perChatPerSec: Infinity, retryAfterSec: 7 });
    for (const chat of [1, 2, 3]) expect((await send(e, chat)).status).toBe(200);
    const over = await send(e, 4);
    expect(over).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 7",
        parameters: { retry_after: 7 },
      },
    });
    now += 1001;
    expect((await send(e, 4)).status).toBe(200);
  });

  it("When one chat gets more than its burst, then that chat gets 429 while another chat still gets through", async () => {
    const e = await start({ globalRatePerSec: Infinity, perChatBurst: 2, perChatPerSec: 1 });
    expect((await send(e, 10)).status).toBe(200);
    expect((await send(e, 10)).status).toBe(200);
    const paced = await send(e, 10);
    expect(paced.status).toBe(429);
    expect(paced.body.parameters).toEqual({ retry_after: 1 });
    expect((await send(e, 11)).status).toBe(200);
    expect((await callApi(e, "sendChatAction", { chat_id: 10, action: "typing" })).status).toBe(200);
    now += 1000;
    expect((await send(e, 10)).status).toBe(200);
  });

  it("When force429 is armed, then exactly the next sending calls answer 429", async () => {
    const e = await start({});
    e.force429(2, 30);
    expect((await send(e, 1)).body.parameters).toEqual({ retry_after: 30 });
    expect((await callApi(e, "getMe")).status).toBe(200);
    expect((await send(e, 1)).status).toBe(429);
    expect((await send(e, 1)).status).toBe(200);
  });

  it("When the user blocked the bot, then sends to that chat get 403 and other chats are unaffected", async () => {
    const e = await start({});
    e.blockChat(5);
    const blocked = await send(e, 5);
    expect(blocked).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    expect((await send(e, 6)).status).toBe(200);
    e.unblockChat(5);
    expect((await send(e, 5)).status).toBe(200);
  });

  it("When a test user blocks the bot, then a my_chat_member update is queued and sends get 403", async () => {
    const e = await start({});
    const update = e.user({ id: 8 }).block();
    expect(update.my_chat_member?.new_chat_member.status).toBe("kicked");
    expect((await send(e, 8)).status).toBe(403);
  });

  it("When 5xx faults are injected, then calls get 500 but getUpdates keeps working; clearing them restores service", async () => {
    const e = await start({});
    e.setFaults({ error5xxRate: 1 });
    const failed = await send(e, 1);
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ ok: false, error_code: 500 });
    expect((await callApi(e, "getUpdates", { timeout: 0 })).status).toBe(200);
    e.setFaults({});
    expect((await send(e, 1)).status).toBe(200);
  });

  it("When dropped connections are injected, then the client sees a network error and the call is recorded with status 0", async () => {
    const e = await start({});
    e.setFaults({ dropRate: 1, methods: ["sendMessage"] });
    await expect(send(e, 1)).rejects.toThrow();
    const dropped = await e.waitFor((c) => c.method === "sendMessage");
    expect(dropped.status).toBe(0);
    expect(e.sentTo(1)).toEqual([]);
  });

  it("When latency is injected, then the answer takes at least that long", async () => {
    const e = await start({});
    e.setFaults({ latencyMs: 40 });
    await send(e, 1);
    expect(e.calls.at(-1)?.durationMs).toBeGreaterThanOrEqual(39);
  });
});
