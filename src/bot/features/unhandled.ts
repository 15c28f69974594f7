// Last in line: anything no feature took. A stale or unknown button is answered (so it stops spinning);
// anything else gets a short "use the menu" reply with the menu.
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();

composer.on("callback_query", logHandle("unhandled"), async (ctx) => {
  ctx.log.warn({ msg: "unknown button" });
  await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
});

composer.chatType("private").on("message", logHandle("unhandled"), async (ctx) => {
  const role = ctx.member?.role ?? "officer";
  await ctx.reply(ctx.t("common-not-understood"), { reply_markup: mainMenuKeyboard(role, ctx.t) });
});

export { composer as unhandledFeature };
