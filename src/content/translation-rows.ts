// The rows of the translation-review CSV and the key scheme shared by the tip and the locale parts.
import type { Localized } from "./tips.js";

export const CSV_COLUMNS = ["key", "field", "en", "km", "km_corrected"] as const;
export type TranslationRow = { key: string; field: string; en: string; km: string; km_corrected: string };

/**
 * A Fluent message value or attribute in both languages (key locale:<file>:<id>[.<attribute>], field "text"),
 * as serialised pattern text: placeables as in the file (`{ $topic }`), one line per line, no indentation.
 */
export type LocaleString = { file: string; id: string; attribute?: string; en: string; km: string };
/** The .ftl sources of locales/en and locales/km, by file name (e.g. "tips.ftl"). */
export type LocaleSources = { en: Record<string, string>; km: Record<string, string> };

export const row = (key: string, field: string, text: Localized): TranslationRow => ({
  key,
  field,
  en: text.en,
  km: text.km,
  km_corrected: "",
});

export const localeKey = (s: Pick<LocaleString, "file" | "id" | "attribute">) =>
  `locale:${s.file}:${s.id}${s.attribute ? `.${s.attribute}` : ""}`;

export const normalizeCell = (s: string) => s.replace(/\r\n?/g, "\n").trim();
