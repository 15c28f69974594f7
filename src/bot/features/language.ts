// /language (open to everyone, enrolled or not) and the language button in /settings.
import { InlineKeyboard } from "grammy";
import { languageButton, settingsButton } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import type { Locale } from "../i18n.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();

async function showLanguages(ctx: Context) {
  const kb = new InlineKeyboard()
    .text(ctx.t("language-name-km"), languageButton.pack({ locale: "km" }))
    .text(ctx.t("language-name-en"), languageButton.pack({ locale: "en" }));
  await ctx.reply(
    `${ctx.deps.i18n.t("km", "onboarding-choose-language")}\n${ctx.deps.i18n.t("en", "onboarding-choose-language")}`,
    {
      reply_markup: kb,
    },
  );
}

composer.command("language", logHandle("language"), showLanguages);
composer.callbackQuery(settingsButton.pack({ act: "language" }), logHandle("language"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLanguages(ctx);
});

composer.callbackQuery(
  languageButton.filter,
  logHandle("language"),
  pressHandler(languageButton, (ctx, v) => setLanguage(ctx, v.locale)),
);

async function setLanguage(ctx: Context, locale: Locale) {
  if (ctx.member && ctx.pseudonym) {
    ctx.member = await ctx.deps.members.update(ctx.pseudonym, { locale });
    await ctx.deps.events.record(ctx.pseudonym, "settings.language_changed", { locale });
  } else {
    ctx.session.locale = locale;
  }
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-changed"));
}

export { composer as languageFeature };
