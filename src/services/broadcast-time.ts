// When a broadcast goes out: the date and time a trainer types or picks, read as wall-clock time in the bot's
// time zone (TZ, Asia/Phnom_Penh by default), so "08:00" means 08:00 for the officers who receive it.
import { localParts } from "../domain/local-time.js";

/** Reads "2026-11-25 08:00", "25/11/2026 08:00", "25/11 08:00" or "08:00" (Khmer digits too) as local time in `timeZone`. */
export function parseLocalDateTime(input: string, timeZone: string, now: Date): Date | null {
  const s = input.replace(/[០-៩]/g, (c) => String(c.charCodeAt(0) - 0x17e0)).trim();
  const today = localParts(now, timeZone);
  let [y, mo, d] = [today.year, today.month, today.day];
  let shape: "full" | "day-month" | "time" = "full";
  let timePart = s;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(.+)$/.exec(s);
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?\s+(.+)$/.exec(s);
  if (iso) {
    [y, mo, d, timePart] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ?? ""];
  } else if (dayFirst) {
    [d, mo, timePart] = [Number(dayFirst[1]), Number(dayFirst[2]), dayFirst[4] ?? ""];
    if (dayFirst[3]) y = Number(dayFirst[3]);
    else shape = "day-month";
  } else {
    shape = "time";
  }
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(timePart.trim());
  if (!t) return null;
  const [h, mi] = [Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let at = zonedTime(y, mo, d, h, mi, timeZone);
  if (localParts(at, timeZone).day !== d) return null; // 31/02 and the like
  // "08:00" alone means the next 08:00; "25/11 08:00" the next 25 November.
  if (shape === "time" && at <= now) at = zonedTime(y, mo, d + 1, h, mi, timeZone);
  if (shape === "day-month" && at <= now) at = zonedTime(y + 1, mo, d, h, mi, timeZone);
  return at;
}

/** The instant when the wall clock in `timeZone` shows this date and time. */
export function zonedTime(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (at: number) => {
    const p = localParts(new Date(at), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(at / 60_000) * 60_000;
  };
  let at = wall - offset(wall);
  at = wall - offset(at);
  return new Date(at);
}

/** The next `hh:mm` local time strictly after `now`, at least `minDays` calendar days ahead. */
export function nextLocalTime(now: Date, timeZone: string, hh: number, mm: number, minDays = 1): Date {
  const p = localParts(now, timeZone);
  return zonedTime(p.year, p.month, p.day + minDays, hh, mm, timeZone);
}
