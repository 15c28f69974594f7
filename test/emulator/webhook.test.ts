// setWebhook in the emulator: updates are POSTed to the URL with the secret header instead of waiting for
// getUpdates (which answers 409 meanwhile); a failed delivery is retried; deleteWebhook goes back to getUpdates.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { callApi } from "./helpers.js";

let emu: Emulator | undefined;
let server: Server | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A webhook receiver that answers `statuses` in turn (then 200) and records what it got. */
async function receiver(statuses: number[] = []) {
  const got: { update: Update; secret: string | undefined }[] = [];
  const waiters: (() => void)[] = [];
  const s = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const status = statuses.shift() ?? 200;
    if (status === 200) {
      const secret = req.headers["x-telegram-bot-api-secret-token"];
      got.push({ update: JSON.parse(Buffer.concat(chunks).toString()), secret: secret as string | undefined });
      for (const w of waiters.splice(0)) w();
    }
    res.writeHead(status).end();
  });
  server = s;
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(s.address() as { port: number }).port}/hook`;
  const next = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (got.length >= n ? resolve() : waiters.push(check));
      check();
    });
  return { url, got, next };
}

describe("emulator: setWebhook", () => {
  it("When a webhook is set, then updates are posted to it with the secret, and getUpdates answers 409", async () => {
    emu = await startEmulator();
    const hook = await receiver();
    const set = await callApi(emu, "setWebhook", { url: hook.url, secret_token: "s3cret-s3cret-s3cret" });
    expect(set.body.ok).toBe(true);
    const sent = emu.user({ id: 1001, first_name: "Dara" }).send("hello");
    await hook.next(1);
    expect(hook.got[0]?.update.update_id).toBe(sent.update_id);
    expect(hook.got[0]?.secret).toBe("s3cret-s3cret-s3cret");
    const poll = await callApi(emu, "getUpdates", { timeout: 0 });
    expect(poll.status).toBe(409);
    const info = await callApi(emu, "getWebhookInfo", {});
    expect(info.body.result).toMatchObject({ url: hook.url, pending_update_count: 0 });
  });

  it("When the webhook answers 500, then the update is delivered again until it is accepted", async () => {
    emu = await startEmulator();
    const hook = await receiver([500, 502]);
    await callApi(emu, "setWebhook", { url: hook.url });
    const sent = emu.user({ id: 1002, first_name: "Sok" }).send("again");
    await hook.next(1);
    expect(hook.got.map((g) => g.update.update_id)).toEqual([sent.update_id]);
  });

  it("When the webhook is deleted, then new updates wait for getUpdates again", async () => {
    emu = await startEmulator();
    const hook = await receiver();
    await callApi(emu, "setWebhook", { url: hook.url });
    await callApi(emu, "deleteWebhook", {});
    const sent = emu.user({ id: 1003, first_name: "Vanna" }).send("poll me");
    const poll = await callApi(emu, "getUpdates", { timeout: 0 });
    expect((poll.body.result as Update[]).map((u) => u.update_id)).toEqual([sent.update_id]);
    expect(hook.got).toHaveLength(0);
  });
});
