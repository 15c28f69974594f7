// When tips are due. Pure functions over an IANA time zone: an officer's preference (frequency and send
// time) names local slots; the scheduler asks which slots fell in the last few hours and queues each one once.
import type { TipFrequency } from "../db/generated/enums.ts";
import { localParts } from "../domain/local-time.js";

export const TIP_FREQUENCIES = ["daily", "three_weekly", "weekly", "paused"] as const satisfies readonly TipFrequency[];
/** The send times an officer can choose (local time). Never at night: quiet hours start at 21:00. */
export const TIP_TIMES = ["06:00", "08:00", "10:00", "12:00", "14:00", "17:00", "20:00"] as const;
export const DEFAULT_TIP_FREQUENCY: TipFrequency = "three_weekly";
export const DEFAULT_TIP_TIME = "08:00";
/** A slot missed while Mitt was down is still sent, once, if it is at most this old. */
export const CATCH_UP_HOURS = 3;

/** ISO weekdays (1 = Monday … 7 = Sunday) on which each frequency sends. */
export const FREQUENCY_DAYS: Record<TipFrequency, readonly number[]> = {
  daily: [1, 2, 3, 4, 5, 6, 7],
  three_weekly: [1, 3, 5],
  weekly: [1],
  paused: [],
};

export const isTipTime = (v: string): v is (typeof TIP_TIMES)[number] => (TIP_TIMES as readonly string[]).includes(v);
export const isTipFrequency = (v: string): v is TipFrequency => (TIP_FREQUENCIES as readonly string[]).includes(v);

export interface TipSlot {
  /** Job key: one delivery job per local slot, shared by every officer due then. */
  key: string;
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  time: string;
  /** ISO weekday of `date`. */
  weekday: number;
  /** The instant the slot starts. */
  at: Date;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Slots whose start is in (now − CATCH_UP_HOURS, now], oldest first. */
export function recentSlots(now: Date, timeZone: string, times: readonly string[] = TIP_TIMES): TipSlot[] {
  const slots: TipSlot[] = [];
  // Today and yesterday cover any window of up to 24 h.
  for (const daysBack of [1, 0]) {
    const dayAt = new Date(now.getTime() - daysBack * 86_400_000);
    const day = localParts(dayAt, timeZone);
    const nowLocal = localParts(now, timeZone);
    for (const time of times) {
      // The instant of `time` on that local day: shift from now by the difference in local minutes.
      const dayOffsetMin = daysBack * 24 * 60;
      const at = new Date(now.getTime() - (nowLocal.minutes + dayOffsetMin - minutesOf(time)) * 60_000);
      at.setUTCSeconds(0, 0);
      const age = now.getTime() - at.getTime();
      if (age < 0 || age >= CATCH_UP_HOURS * 3_600_000) continue;
      slots.push({ key: `tip:${day.date}T${time}`, date: day.date, time, weekday: day.weekday, at });
    }
  }
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The frequencies that send on this ISO weekday. */
export function frequenciesOn(weekday: number): TipFrequency[] {
  return TIP_FREQUENCIES.filter((f) => FREQUENCY_DAYS[f].includes(weekday));
}
