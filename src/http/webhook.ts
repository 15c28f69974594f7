// The webhook (BOT_MODE=webhook): grammY's webhookCallback behind the secret token (compared in constant time by
// grammY; 401 without it). Telegram waits about a minute for an answer and then sends the update again; Mitt
// answers after at most `timeoutMs` whatever the handler is doing (onTimeout "return"), and the handler keeps
// running: the update is not lost, it is still being handled, and shutdown waits for it (in-flight tracking).
// A redelivered copy meets the update claim and is dropped.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Bot, type Context, webhookCallback } from "grammy";
import type { Logger } from "../logger.js";

export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export function webhookRoute<C extends Context>(bot: Bot<C>, secret: string, logger: Logger, timeoutMs = 8_000) {
  const handle = webhookCallback(bot, "http", {
    secretToken: secret,
    onTimeout: () => logger.warn({ msg: "webhook answered before its update was handled", timeoutMs }),
    timeoutMilliseconds: timeoutMs,
  });
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    try {
      await handle(req, res);
    } catch (err) {
      // A body that is not JSON: nothing to handle, and nothing Telegram should send again.
      logger.warn({ msg: "webhook request rejected", err });
      if (!res.headersSent) res.writeHead(400).end();
    }
  };
}
