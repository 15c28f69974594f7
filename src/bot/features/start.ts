// /start: enrolled people get their main menu; everyone else enters onboarding.
import { menu } from "../buttons.js";
import type { Context } from "../context.js";
import { ONBOARDING } from "../conversations/onboarding.js";
import { FlatComposer } from "../flat-composer.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const privateChats = composer.chatType("private");

privateChats.command(["start", "menu"], logHandle("start"), async (ctx) => {
  if (ctx.member?.enrolled) {
    await ctx.reply(ctx.t("menu-title"), { reply_markup: mainMenuKeyboard(ctx.member.role, ctx.t) });
    return;
  }
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(ONBOARDING);
});

privateChats.callbackQuery(menu("home"), logHandle("menu"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.member?.enrolled) return;
  await ctx.reply(ctx.t("menu-title"), { reply_markup: mainMenuKeyboard(ctx.member.role, ctx.t) });
});

// Outside a conversation /cancel has nothing to stop, but it should still answer.
privateChats.command("cancel", logHandle("cancel"), async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t("common-cancelled"));
});

export { composer as startFeature };
