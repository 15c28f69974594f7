// Calls that must never fail a flow: answering a button press (the spinner stops by itself after a while), the
// "/" command menus, removing buttons from an old message, deleting a message, the "typing…" action. If Telegram
// refuses one (400), fails (5xx) or cannot be reached, the failure is logged as a warning and the call answers as
// if it had worked, so the step around it (an enrolment, a check-in, a broadcast draft) goes on. They are not
// retried either: a late answer to a press is useless, and a retry with back-off would hold the person's next
// message for seconds. Sending or editing what the person reads is essential and is never hidden here.
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.js";

export const NON_ESSENTIAL_METHODS = new Set([
  "answerCallbackQuery",
  "setMyCommands",
  "deleteMyCommands",
  "setChatMenuButton",
  "sendChatAction",
  "deleteMessage",
  "deleteMessages",
  "editMessageReplyMarkup",
]);

export function nonEssentialCalls(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (!NON_ESSENTIAL_METHODS.has(method)) return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      if (res.ok) return res;
      logger.warn({
        msg: "a non-essential call failed",
        method,
        error_code: res.error_code,
        description: res.description,
      });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      logger.warn({ msg: "a non-essential call failed", method, err });
    }
    // `true` is what each of these methods returns on success (editMessageReplyMarkup returns true or the
    // message; no caller reads it).
    return { ok: true, result: true as never };
  };
}
