// /language (open to everyone, enrolled or not) and the language button in /settings.
import { Composer, InlineKeyboard } from "grammy";
import { cb } from "../callback-data.js";
import type { Context } from "../context.js";
import type { Locale } from "../i18n.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new Composer<Context>();

async function showLanguages(ctx: Context) {
  const kb = new InlineKeyboard()
    .text(ctx.t("language-name-km"), cb("lang", "km"))
    .text(ctx.t("language-name-en"), cb("lang", "en"));
  await ctx.reply(
    `${ctx.deps.i18n.t("km", "onboarding-choose-language")}\n${ctx.deps.i18n.t("en", "onboarding-choose-language")}`,
    {
      reply_markup: kb,
    },
  );
}

composer.command("language", logHandle("language"), showLanguages);
composer.callbackQuery("settings:language", logHandle("language"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLanguages(ctx);
});

composer.callbackQuery(/^lang:(km|en)$/, logHandle("language"), async (ctx) => {
  const locale = ctx.match[1] as Locale;
  if (ctx.member && ctx.pseudonym) {
    ctx.member = await ctx.deps.members.update(ctx.pseudonym, { locale });
    await ctx.deps.events.record(ctx.pseudonym, "settings.language_changed", { locale });
  } else {
    ctx.session.locale = locale;
  }
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-changed"));
});

export { composer as languageFeature };
