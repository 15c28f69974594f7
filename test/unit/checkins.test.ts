import { describe, expect, it } from "vitest";
import {
  escalationFor,
  feelingLevel,
  focusTopics,
  freeTextExpiry,
  screenFreeText,
  settingList,
  stressLevel,
  weekStart,
} from "../../src/services/checkins.js";

const TZ = "Asia/Phnom_Penh";
const words = { km: ["អស់សង្ឃឹម"], en: ["hopeless", "can't go on"] };

describe("check-in domain", () => {
  it("When a date is placed in its week, then it is the Monday in Phnom Penh, whatever the UTC day", () => {
    // Sunday 23:30 in Phnom Penh is still the week of Monday the 16th.
    expect(weekStart(new Date("2026-11-22T16:30:00Z"), TZ).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    // Sunday 17:30 UTC is already Monday 00:30 in Phnom Penh.
    expect(weekStart(new Date("2026-11-22T17:30:00Z"), TZ).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-27T09:00:00Z"), TZ).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("When free text expires, then it is at least the retention period later and reveals only the week", () => {
    const written = new Date("2026-11-25T05:00:00Z");
    const expiry = freeTextExpiry(written, TZ, 90);
    expect(expiry.toISOString()).toBe("2027-02-28T00:00:00.000Z"); // Monday 23 Nov + 7 + 90 days
    expect(expiry.getTime() - written.getTime()).toBeGreaterThanOrEqual(90 * 24 * 3600_000);
  });

  it("When phases and setting are answered, then unticked ones become topics to improve and ticked ones are cleared", () => {
    const r = focusTopics({
      elements: ["rapport", "closure"],
      setting: { done: ["room"], na: ["interpreters"] },
    });
    expect(r.mark.sort()).toEqual(["breaks", "ground-rules", "practice-narrative", "recording", "transition"]);
    expect(r.clear.sort()).toEqual(["closure", "rapport", "room"]);
  });

  it("When a question was skipped, then it marks nothing either way", () => {
    expect(focusTopics({ elements: null, setting: null })).toEqual({ mark: [], clear: [] });
    expect(settingList({ done: ["room"], na: ["interpreters"] })).toEqual(["room", "na:interpreters"]);
  });

  it("When wellbeing answers are banded, then the ladder of domain.md §c follows", () => {
    expect([1, 2, 3, 4, 5].map(stressLevel)).toEqual(["low", "low", "medium", "high", "high"]);
    expect([1, 2, 3, 4, 5].map(feelingLevel)).toEqual(["high", "medium", "low", "low", "low"]);
    const sisq = (level: "low" | "medium" | "high", previousWeekHigh = false) =>
      escalationFor({ source: "sisq", level, previousWeekHigh });
    expect(sisq("low")).toEqual({ selfCare: true, offerPeer: false, strong: false });
    expect(sisq("medium")).toEqual({ selfCare: true, offerPeer: false, strong: false });
    expect(sisq("high")).toEqual({ selfCare: false, offerPeer: true, strong: false });
    expect(sisq("high", true)).toEqual({ selfCare: false, offerPeer: true, strong: true });
    const checkin = (level: "low" | "medium" | "high") =>
      escalationFor({ source: "checkin", level, previousWeekHigh: false });
    expect(checkin("low")).toEqual({ selfCare: false, offerPeer: false, strong: false });
    expect(checkin("medium")).toEqual({ selfCare: true, offerPeer: false, strong: false });
    expect(checkin("high")).toEqual({ selfCare: false, offerPeer: true, strong: true });
  });

  it("When free text is screened, then identifiers go, the rest stays, and crisis words are seen in the original", () => {
    const r = screenFreeText("Sokha, 12 years old, phone 012 345 678, said it was hard", words);
    expect(r.kept).toContain("said it was hard");
    expect(r.kept).not.toMatch(/Sokha|12 years|012 345 678/);
    expect(r.removed).toEqual(expect.arrayContaining(["name", "age", "phone"]));
    expect(r.crisis).toBe(false);
    expect(screenFreeText("I feel hopeless, Dara knows", words).crisis).toBe(true);
    expect(screenFreeText("ខ្ញុំ​អស់​សង្ឃឹម", words).crisis).toBe(true);
  });
});
