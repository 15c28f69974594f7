// Whatever goes wrong inside a handler: log it once (without content, classified as telegram, network or internal
// even when a conversation wrapped or cloned the error), apologise in the person's language when there is a private
// chat to apologise in, and answer the button press unless something already did (Telegram refuses a second
// answer). The apology must work whatever failed: before the i18n middleware ran, `ctx.t` does not exist yet, and
// before the session middleware ran (or for an update without a sender) the session cannot be read.
import type { BotError } from "grammy";
import type { Logger } from "../../logger.js";
import type { Context } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Locale, localeFromTelegram } from "../i18n.js";
import { classifyError } from "../telegram-error.js";
import type { AnswerTracker } from "./answers.js";

function localeOf(ctx: Context): Locale {
  if (ctx.member?.locale) return ctx.member.locale;
  try {
    const chosen = ctx.session?.locale;
    if (chosen) return chosen;
  } catch {
    // No session for this update (it failed before the session middleware, or has no sender).
  }
  return localeFromTelegram(ctx.from?.language_code);
}

export function createErrorHandler(deps: Pick<BotDeps, "i18n" | "logger">, answers: AnswerTracker) {
  return async function handleBotError(error: BotError<Context>): Promise<void> {
    const ctx = error.ctx;
    const log: Logger = ctx.log ?? deps.logger.child({ update_id: ctx.update.update_id });
    const { kind, code, method } = classifyError(error.error);
    // 403: the person blocked Mitt while it was answering. Nothing is wrong with Mitt, and nothing can reach them:
    // a warning, not an error (the delivery engine marks them unreachable when it meets the same answer).
    const level = kind === "telegram" && code === 403 ? "warn" : "error";
    log[level]({
      msg: "update failed",
      kind,
      ...(code ? { error_code: code } : {}),
      ...(method ? { method } : {}),
      handler: ctx.handler ?? "none",
      err: error.error,
    });
    const text = deps.i18n.t(localeOf(ctx), "error-apology");
    try {
      if (ctx.callbackQuery) await answers.answerIfOpen(ctx);
      // No apology when Telegram itself is unreachable or the person blocked Mitt (it could not arrive), and never
      // outside a private chat.
      if (ctx.chat?.type === "private" && kind !== "network" && code !== 403) await ctx.reply(text);
    } catch (replyErr) {
      log.warn({ msg: "could not send the apology", err: replyErr });
    }
  };
}
