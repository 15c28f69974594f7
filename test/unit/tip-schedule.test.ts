import { describe, expect, it } from "vitest";
import { CATCH_UP_HOURS, frequenciesOn, recentSlots } from "../../src/services/tip-schedule.js";

const TZ = "Asia/Phnom_Penh"; // UTC+7, no daylight saving
const local = (iso: string) => new Date(`${iso}+07:00`);

describe("tip schedule", () => {
  it("When it is 08:00 local time, then the 08:00 slot of that local day is due and named by it", () => {
    const slots = recentSlots(local("2026-11-23T08:00:00"), TZ);
    expect(slots.at(-1)).toMatchObject({ key: "tip:2026-11-23T08:00", weekday: 1 });
    expect(slots.at(-1)?.at.toISOString()).toBe("2026-11-23T01:00:00.000Z");
  });

  it(`When a slot is up to ${CATCH_UP_HOURS} hours old, then it is still due; when older, then it is skipped`, () => {
    expect(recentSlots(local("2026-11-23T10:59:00"), TZ).map((s) => s.time)).toEqual(["08:00", "10:00"]);
    expect(recentSlots(local("2026-11-23T11:01:00"), TZ).map((s) => s.time)).toEqual(["10:00"]);
  });

  it("When it is just after midnight, then a late-evening slot of the day before is still due, with that day's date", () => {
    const slots = recentSlots(local("2026-11-24T00:30:00"), TZ, ["23:00", "20:00"]);
    expect(slots.map((s) => s.key)).toEqual(["tip:2026-11-23T23:00"]);
    expect(slots[0]?.weekday).toBe(1);
  });

  it("When the weekday is Monday, Wednesday, Tuesday or Sunday, then the right frequencies send", () => {
    expect(frequenciesOn(1)).toEqual(["daily", "three_weekly", "weekly"]);
    expect(frequenciesOn(3)).toEqual(["daily", "three_weekly"]);
    expect(frequenciesOn(2)).toEqual(["daily"]);
    expect(frequenciesOn(7)).toEqual(["daily"]);
  });
});
