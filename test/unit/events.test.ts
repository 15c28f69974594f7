import { describe, expect, it } from "vitest";
import { occurredAtFor } from "../../src/domain/events.js";
import { localDate, localWeekStart, localWeekStartInstant } from "../../src/domain/local-time.js";

const TZ = "Asia/Phnom_Penh"; // UTC+7, no daylight saving
const iso = (d: Date) => d.toISOString();

describe("event times and the local calendar", () => {
  it("When an interview-linked event is recorded, then only its local week is kept; other events keep the time", () => {
    const friday = new Date("2026-11-27T09:15:00Z");
    // Monday 23 November 00:00 in Phnom Penh is Sunday 22 November 17:00 UTC.
    expect(iso(occurredAtFor("checkin.completed", friday, TZ))).toBe("2026-11-22T17:00:00.000Z");
    expect(iso(occurredAtFor("wellbeing.level", friday, TZ))).toBe("2026-11-22T17:00:00.000Z");
    expect(occurredAtFor("tip.sent", friday, TZ)).toBe(friday);
  });

  it("When it is Sunday 23:30 local time, then the event and a check-in of that moment share the week that ends now", () => {
    const sundayLate = new Date("2026-11-29T16:30:00Z"); // Sunday 29 Nov, 23:30 local
    expect(iso(localWeekStart(sundayLate, TZ))).toBe("2026-11-23T00:00:00.000Z");
    expect(iso(occurredAtFor("checkin.started", sundayLate, TZ))).toBe("2026-11-22T17:00:00.000Z");
    expect(iso(localDate(sundayLate, TZ))).toBe("2026-11-29T00:00:00.000Z");
  });

  it("When it is Monday 00:30 local time (still Sunday in UTC), then it counts in the new local week and day", () => {
    const mondayEarly = new Date("2026-11-29T17:30:00Z"); // Monday 30 Nov, 00:30 local
    expect(iso(localWeekStart(mondayEarly, TZ))).toBe("2026-11-30T00:00:00.000Z");
    expect(iso(occurredAtFor("escalation.offered", mondayEarly, TZ))).toBe("2026-11-29T17:00:00.000Z");
    expect(iso(localDate(mondayEarly, TZ))).toBe("2026-11-30T00:00:00.000Z");
  });

  it("When the year ends mid-week, then the last days of December and the first of January share one week", () => {
    const dec31 = new Date("2026-12-31T20:00:00Z"); // Friday 1 Jan 2027, 03:00 local
    const dec29 = new Date("2026-12-29T05:00:00Z"); // Tuesday 29 Dec, 12:00 local
    expect(iso(localDate(dec31, TZ))).toBe("2027-01-01T00:00:00.000Z");
    expect(iso(localWeekStart(dec31, TZ))).toBe("2026-12-28T00:00:00.000Z");
    expect(iso(localWeekStart(dec29, TZ))).toBe("2026-12-28T00:00:00.000Z");
    expect(iso(localWeekStartInstant(dec31, TZ))).toBe("2026-12-27T17:00:00.000Z");
  });

  it("When the zone has daylight saving, then the week still begins at local midnight", () => {
    // Berlin switched to summer time on Sunday 29 March 2026; Monday 30 March 00:00 is 22:00 UTC the day before.
    expect(iso(localWeekStartInstant(new Date("2026-04-01T10:00:00Z"), "Europe/Berlin"))).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });
});
