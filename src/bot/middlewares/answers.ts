// Every callback query is answered exactly once. A transformer on every Api object (the bot's and each
// conversation's) remembers which queries were answered; after an update is handled, a press nobody answered is
// answered (so the button stops spinning), and the error boundary answers only one that is still open: Telegram
// refuses a second answer, and a second answer used to turn a handled press into a logged failure.
import type { NextFunction, Transformer } from "grammy";
import type { Context } from "../context.js";

/** Plenty for the presses of the last minutes; Telegram accepts an answer only within seconds of a press. */
const MAX_REMEMBERED = 5000;

export function createAnswerTracker() {
  const answered = new Set<string>();
  const remember = (id: string) => {
    answered.add(id);
    if (answered.size > MAX_REMEMBERED) answered.delete(answered.values().next().value as string);
  };
  const transformer: Transformer = (prev, method, payload, signal) => {
    if (method === "answerCallbackQuery") {
      const id = (payload as { callback_query_id?: unknown }).callback_query_id;
      if (typeof id === "string") remember(id);
    }
    return prev(method, payload, signal);
  };
  const isAnswered = (ctx: Context) => {
    const id = ctx.callbackQuery?.id;
    return id === undefined || answered.has(id);
  };
  return {
    transformer,
    isAnswered,
    /** Answers (quietly) a press the handlers left unanswered. A failed answer never fails the update. */
    async answerIfOpen(ctx: Context, text?: string): Promise<void> {
      if (isAnswered(ctx)) return;
      await ctx.answerCallbackQuery(text ? { text } : {}).catch((err) => {
        ctx.log?.warn({ msg: "could not answer a button press", err });
      });
    },
    middleware: async (ctx: Context, next: NextFunction) => {
      await next();
      if (ctx.callbackQuery && !isAnswered(ctx)) {
        const id = ctx.callbackQuery.id;
        await ctx.answerCallbackQuery().catch((err) => ctx.log.warn({ msg: "could not answer a button press", err }));
        remember(id);
      }
    },
  };
}

export type AnswerTracker = ReturnType<typeof createAnswerTracker>;
