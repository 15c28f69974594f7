// /help: what this person can do, for their role (or how to join, before enrolment).
import { Composer } from "grammy";
import type { Context } from "../context.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new Composer<Context>();

async function showHelp(ctx: Context) {
  const role = ctx.member?.enrolled ? ctx.member.role : "guest";
  await ctx.reply(ctx.t(`help-${role}`));
}

composer.command("help", logHandle("help"), showHelp);
composer.callbackQuery("menu:help", logHandle("help"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showHelp(ctx);
});

export { composer as helpFeature };
