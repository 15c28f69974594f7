import { describe, expect, it } from "vitest";
import { occurredAtFor } from "../../src/services/events.js";

describe("event times", () => {
  it("When an interview-linked event is recorded, then only its week (Monday, UTC) is kept; other events keep the time", () => {
    const friday = new Date("2026-11-27T09:15:00Z");
    expect(occurredAtFor("checkin.completed", friday).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(occurredAtFor("wellbeing.level", friday).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(occurredAtFor("tip.sent", friday)).toBe(friday);
  });
});
