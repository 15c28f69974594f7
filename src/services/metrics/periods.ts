// Summary periods, from the injected clock in the programme's time zone. A period is a run of whole weeks
// (Monday to Sunday, local): interview-linked data is kept by week only (domain.md §e), so every figure of a
// summary counts the same weeks. A month or a quarter is the weeks whose Monday falls in it.
import { localParts } from "../../domain/local-time.js";

export type PeriodKind = "4w" | "quarter" | "month" | "all" | "week";

export interface Period {
  kind: PeriodKind;
  /** Button/callback token: "4w", "quarter", "all", "week" or "m202611". */
  token: string;
  /** First Monday (YYYY-MM-DD, local), inclusive. */
  startWeek: string;
  /** Monday after the last week, exclusive. */
  endWeek: string;
  /** For a month: its first day; for a quarter: the quarter's first day. */
  anchor?: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY);
}

/** The Monday of the local week `at` falls in. */
export function mondayOf(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return addDays(p.date, 1 - p.weekday);
}

/** The first Monday on or after a date. */
export function mondayOnOrAfter(date: string): string {
  const weekday = new Date(utc(date)).getUTCDay() || 7;
  return weekday === 1 ? date : addDays(date, 8 - weekday);
}

export function weeksOf(p: Period): string[] {
  const out: string[] = [];
  for (let w = p.startWeek; w < p.endWeek; w = addDays(w, 7)) out.push(w);
  return out;
}

const monthStart = (year: number, month: number) => iso(Date.UTC(year, month - 1, 1));

/** The last 12 months, newest first, as tokens "mYYYYMM" (the current month included). */
export function recentMonths(now: Date, timeZone: string, count = 12): string[] {
  const p = localParts(now, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(p.year, p.month - 1 - i, 1));
    return `m${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

export const PERIOD_TOKEN = /^(4w|quarter|all|week|m20\d\d(0[1-9]|1[0-2]))$/;

/**
 * The period a token names, at `now`. `since` is the programme's first week (for "all"); the current week
 * counts only in "all" and in the current month, up to today.
 */
export function periodOf(token: string, now: Date, timeZone: string, since?: string): Period | null {
  if (!PERIOD_TOKEN.test(token)) return null;
  const thisMonday = mondayOf(now, timeZone);
  const nextMonday = addDays(thisMonday, 7);
  if (token === "4w") return { kind: "4w", token, startWeek: addDays(thisMonday, -28), endWeek: thisMonday };
  if (token === "week") return { kind: "week", token, startWeek: addDays(thisMonday, -7), endWeek: thisMonday };
  if (token === "all") {
    const start = since && since < thisMonday ? mondayOf(new Date(utc(since)), "UTC") : thisMonday;
    return { kind: "all", token, startWeek: start, endWeek: nextMonday };
  }
  const local = localParts(now, timeZone);
  if (token === "quarter") {
    const q = Math.floor((local.month - 1) / 3); // this quarter, 0-based; the last one is q - 1
    const first = new Date(Date.UTC(local.year, (q - 1) * 3, 1));
    const anchor = monthStart(first.getUTCFullYear(), first.getUTCMonth() + 1);
    const after = monthStart(first.getUTCFullYear(), first.getUTCMonth() + 4);
    return { kind: "quarter", token, startWeek: mondayOnOrAfter(anchor), endWeek: mondayOnOrAfter(after), anchor };
  }
  const year = Number(token.slice(1, 5));
  const month = Number(token.slice(5, 7));
  const anchor = monthStart(year, month);
  const after = mondayOnOrAfter(monthStart(year + Math.floor(month / 12), (month % 12) + 1));
  if (anchor > local.date) return null; // a month that has not started
  const endWeek = [after, nextMonday].sort()[0] as string;
  return { kind: "month", token, startWeek: mondayOnOrAfter(anchor), endWeek, anchor };
}
