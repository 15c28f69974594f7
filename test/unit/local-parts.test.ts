import { describe, expect, it } from "vitest";
import { localParts } from "../../src/domain/local-time.js";

const TZ = "Asia/Phnom_Penh";

describe("localParts (the last second's parts kept per zone)", () => {
  it("When two instants fall in the same second, then both get the same parts, each its own copy", () => {
    const first = localParts(new Date("2026-11-25T02:30:15.100Z"), TZ);
    first.hour = 99;
    const second = localParts(new Date("2026-11-25T02:30:15.900Z"), TZ);
    expect(second).toEqual({
      year: 2026,
      month: 11,
      day: 25,
      hour: 9,
      minute: 30,
      weekday: 3,
      date: "2026-11-25",
      minutes: 570,
    });
  });

  it("When the next instant is one millisecond later across local midnight, then it gets the new day", () => {
    expect(localParts(new Date("2026-11-25T16:59:59.999Z"), TZ).date).toBe("2026-11-25");
    const midnight = localParts(new Date("2026-11-25T17:00:00.000Z"), TZ);
    expect(midnight).toMatchObject({ date: "2026-11-26", hour: 0, minutes: 0, weekday: 4 });
  });

  it("When two zones are asked about the same second in turn, then each gets its own wall clock", () => {
    const at = new Date("2026-11-25T20:00:00.000Z");
    expect(localParts(at, TZ).date).toBe("2026-11-26");
    expect(localParts(at, "UTC").date).toBe("2026-11-25");
    expect(localParts(at, TZ)).toMatchObject({ date: "2026-11-26", hour: 3 });
  });

  it("When the instant is not a valid date, then it still throws as Intl does", () => {
    expect(() => localParts(new Date(Number.NaN), TZ)).toThrow(RangeError);
  });
});
