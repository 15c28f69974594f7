// Fluent translations from locales/<lang>/*.ftl. Khmer is the default.
import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "./context.js";

export const LOCALES = ["km", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");

/** Khmer unless Telegram says the person uses English. */
export function localeFromTelegram(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith("en") ? "en" : "km";
}

export function createI18n(): I18n<Context> {
  return new I18n<Context>({
    defaultLocale: "km",
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    // Member preference, then the onboarding choice kept in the session, then Telegram's language.
    localeNegotiator: (ctx) => ctx.member?.locale ?? ctx.session?.locale ?? localeFromTelegram(ctx.from?.language_code),
  });
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A translator bound to one locale, for conversations and for messages sent outside an update. */
export function translator(i18n: I18n<Context>, locale: Locale): Translate {
  return (key, vars) => i18n.t(locale, key, vars);
}
