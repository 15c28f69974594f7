// Whatever goes wrong inside a handler: log it (without content), apologise in the user's language,
// and always answer a callback query so the button stops spinning.

import type { BotError } from "grammy";
import { GrammyError, HttpError } from "grammy";
import type { Context } from "../context.js";

export async function handleBotError(error: BotError<Context>): Promise<void> {
  const ctx = error.ctx;
  const err = error.error;
  const kind = err instanceof GrammyError ? "telegram" : err instanceof HttpError ? "network" : "internal";
  ctx.log.error({ msg: "update failed", kind, update_id: ctx.update.update_id, handler: ctx.handler ?? "none", err });
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    if (ctx.chat && kind !== "network") await ctx.reply(ctx.t("error-apology"));
  } catch (replyErr) {
    ctx.log.warn({ msg: "could not send the apology", err: replyErr });
  }
}
