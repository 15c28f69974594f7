// Webhook mode in one process, on either backend: the app registers its webhook with the emulator, which then
// posts updates to it, and a person's command is answered as in polling mode. The webhook answers Telegram early
// when a handler is slow, and the handler still finishes: the update is not lost.
import { Bot } from "grammy";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index.js";
import { createHttpServer } from "../../src/http/server.js";
import { webhookRoute } from "../../src/http/webhook.js";
import { createLogger } from "../../src/logger.js";
import { startTestBot } from "../helpers/bot.js";
import { commandUpdate, freePort, postUpdate } from "../helpers/fleet.js";

const SECRET = "webhook-mode-secret-0123456789";

describe("webhook mode", () => {
  it("When the bot runs in webhook mode, then Telegram's posts reach it and /help is answered", async () => {
    const port = await freePort();
    const bot = await startTestBot({
      env: {
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
      },
    });
    try {
      expect(bot.emu.webhook.info()).toMatchObject({ url: `http://127.0.0.1:${port}/tg` });
      const reply = await bot.emu.user({ id: 5_500_001, first_name: "Dara", language_code: "en" }).askCommand("help");
      expect(reply.text?.length).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await bot.stop();
    }
  });

  it("When a handler outlasts the webhook's time limit, then Telegram gets its answer and the handler still finishes", async () => {
    const emu = await startEmulator();
    const bot = new Bot("123456:SLOWHOOK", { client: { apiRoot: emu.apiRoot } });
    let release: () => void = () => {};
    let finished = false;
    bot.use(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished = true;
    });
    const server = createHttpServer(
      { "/tg": webhookRoute(bot, SECRET, createLogger({ level: "silent" }), 100) },
      createLogger({ level: "silent" }),
    );
    const port = await server.listen(0, "127.0.0.1");
    try {
      const status = await postUpdate(port, "/tg", commandUpdate(1, 5_500_002, "help", 0), SECRET);
      expect(status).toBe(200);
      expect(finished).toBe(false);
      release();
      await new Promise<void>((resolve) => {
        const check = () => (finished ? resolve() : setImmediate(check));
        check();
      });
      expect(finished).toBe(true);
    } finally {
      release();
      await server.close();
      await emu.close();
    }
  });
});
