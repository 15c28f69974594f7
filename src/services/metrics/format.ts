// Numbers, percentages and dates of a summary in the reader's language: Khmer digits and Khmer month names for
// km (Intl's km-KH with the khmr numbering system), English otherwise. Suppressed cells become their marker.
import type { Locale } from "../../db/repositories/members.js";
import type { Period } from "./periods.js";
import type { Shown } from "./suppression.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const numberLocale = (l: Locale) => (l === "km" ? "km-KH-u-nu-khmr" : "en-GB");
const cache = new Map<string, Intl.NumberFormat>();

function formatter(l: Locale, digits: number): Intl.NumberFormat {
  const key = `${l}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(l), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

export const formatCount = (n: number, l: Locale) => formatter(l, 0).format(n);
/** Rounded only here, for display: suppression has already been decided on the raw counts. */
export const formatPercent = (v: number, l: Locale) => `${formatter(l, 1).format(v)}%`;
export const formatMean = (v: number, l: Locale) => formatter(l, 1).format(v);

/** A displayed figure, or its marker ("< 5", "hidden", "not yet available", "programme level only"). */
export function formatShown(s: Shown, kind: "count" | "percent" | "mean", l: Locale, t: Translate): string {
  switch (s.state) {
    case "shown":
      return kind === "percent"
        ? formatPercent(s.value, l)
        : kind === "mean"
          ? formatMean(s.value, l)
          : formatCount(s.value, l);
    case "small":
      return t("summary-cell-small");
    case "hidden":
      return t("summary-cell-hidden");
    case "na":
      return t("summary-cell-na");
    case "refused":
      return t("summary-cell-programme");
  }
}

const dateFormat = (l: Locale, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(l === "km" ? "km-KH-u-nu-khmr" : "en-GB", { ...opts, timeZone: "UTC" });

/** A local calendar date (YYYY-MM-DD) as "26 November 2026" / "២៦ វិច្ឆិកា ២០២៦". */
export function formatDate(date: string, l: Locale): string {
  return dateFormat(l, { day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatMonth(date: string, l: Locale): string {
  return dateFormat(l, { month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

/** "Monday 3 – Sunday 30" of a period's weeks, as two dates. */
export function periodRange(p: Period, l: Locale, t: Translate): string {
  if (p.startWeek >= p.endWeek) return t("summary-range-empty");
  const last = new Date(Date.parse(`${p.endWeek}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return t("summary-range", { from: formatDate(p.startWeek, l), to: formatDate(last, l) });
}

/** The period's name: "Last 4 weeks", "November 2026", … */
export function periodName(p: Period, l: Locale, t: Translate): string {
  if (p.kind === "month" && p.anchor) return formatMonth(p.anchor, l);
  return t(`summary-period-${p.kind}`);
}

/** Short week label for charts: "3 Nov" / "៣ វិច្ឆិកា". */
export function formatWeek(date: string, l: Locale): string {
  return dateFormat(l, { day: "numeric", month: "short" }).format(new Date(`${date}T00:00:00Z`));
}
