// Wall-clock parts of an instant in an IANA time zone (Asia/Phnom_Penh by default in Mitt). One place for
// Intl's formatToParts, used by schedules, quiet hours, weeks and broadcast times.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The last instant's parts per time zone, by its second. localParts runs on most updates (the day of an officer's
 * activity, of usage events), for quiet hours on every delivery, and Intl's formatToParts is the costly part: a
 * formatted string and a dozen objects each time. UTC offsets are whole seconds, so every instant within one
 * second has the same local parts; under load most updates of a second share them.
 */
const lastByZone = new Map<string, { second: number; parts: LocalParts }>();

export function localParts(at: Date, timeZone: string): LocalParts {
  const second = Math.floor(at.getTime() / 1000);
  const last = lastByZone.get(timeZone);
  if (last?.second === second) return { ...last.parts };
  const parts = formatLocalParts(at, timeZone);
  lastByZone.set(timeZone, { second, parts });
  return { ...parts };
}

function formatLocalParts(at: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  const hour = Number(p.hour);
  const minute = Number(p.minute);
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour,
    minute,
    weekday: WEEKDAYS.indexOf(String(p.weekday)) + 1,
    date: `${p.year}-${p.month}-${p.day}`,
    minutes: hour * 60 + minute,
  };
}

// The programme's calendar. Every day and week Mitt stores or reports (usage events, check-ins, activity days,
// weekly figures) comes from these helpers, in one time zone (config.TZ, Asia/Phnom_Penh by default), so that
// events and check-ins can be joined by week.

const DAY_MS = 86_400_000;

/** The local calendar date of `at` as a UTC-midnight Date (the form Prisma uses for `@db.Date` columns). */
export function localDate(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/** The Monday of the local week `at` falls in, as a UTC-midnight Date for `@db.Date` columns. */
export function localWeekStart(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day) - (p.weekday - 1) * DAY_MS);
}

/** The instant at which the local calendar date `date` (a UTC-midnight Date) begins in `timeZone`. */
export function startOfLocalDate(date: Date, timeZone: string): Date {
  // The zone's offset at that moment; a second pass settles dates on which the offset changes.
  let instant = date.getTime();
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(instant), timeZone);
    const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    instant = date.getTime() - (shownAsUtc - instant);
  }
  return new Date(instant);
}

/** The instant the local week of `at` begins (Monday 00:00 local time). */
export function localWeekStartInstant(at: Date, timeZone: string): Date {
  return startOfLocalDate(localWeekStart(at, timeZone), timeZone);
}
