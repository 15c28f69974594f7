// Typed callback data for the bot: the codecs (src/callback-codec.ts, shared with the services that build buttons
// for queued messages) and `pressHandler`, which refuses data that does not validate before a handler sees it.
import type { Filter, Middleware } from "grammy";
import type { CallbackCodec, Values } from "../callback-codec.js";
import type { Context } from "./context.js";

export { type CallbackCodec, callbackData, flag, index, slug } from "../callback-codec.js";

type PressContext = Filter<Context, "callback_query:data">;

/**
 * Middleware for one codec: unpacks the data and calls `handle` with typed values. Data of this namespace that
 * does not validate is answered as an expired button (and logged without its content), so it never spins.
 */
export function pressHandler<F extends Record<string, import("zod").ZodType>>(
  codec: CallbackCodec<F>,
  handle: (ctx: PressContext, values: Values<F>) => Promise<unknown>,
): Middleware<PressContext> {
  return async (ctx) => {
    const values = codec.unpack(ctx.callbackQuery.data);
    if (!values) {
      ctx.log.warn({ msg: "malformed button", namespace: codec.namespace });
      await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
      return;
    }
    await handle(ctx, values);
  };
}
