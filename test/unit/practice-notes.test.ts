// The pure rules of practice notes: month-only dates in the programme's time zone, the one rendering everyone sees,
// and the digest schedule setting.
import { describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { cleanParts, dayOf, monthLabel, monthOf, renderNote, withPart } from "../../src/domain/practice-notes.js";

const TZ = "Asia/Phnom_Penh";
const t = (key: string, vars?: Record<string, string | number>) => `${key}${vars ? JSON.stringify(vars) : ""}`;

describe("practice notes", () => {
  it("When a note is published late on the last evening of a month (UTC), then it carries the Phnom Penh month only", () => {
    const at = new Date("2026-11-30T18:30:00Z"); // 1 December, 01:30 in Phnom Penh
    expect(monthOf(at, TZ).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(dayOf(at, TZ).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(monthLabel(monthOf(at, TZ), "en")).toBe("December 2026");
    expect(monthLabel(monthOf(at, TZ), "km")).toMatch(/^[\u1780-\u17FF]+ 2026$/);
  });

  it("When a note is rendered, then it shows the topic, the month and only the parts it has, and nothing else", () => {
    const text = renderNote(t, {
      topic: "Rapport",
      month: "November 2026",
      parts: { situation: null, action: "I waited", outcome: "They talked" },
    });
    expect(text.split("\n")).toEqual([
      'practices-note-head{"topic":"Rapport","month":"November 2026"}',
      'practices-note-action{"text":"I waited"}',
      'practices-note-outcome{"text":"They talked"}',
    ]);
    expect(renderNote(t, { topic: "Rapport", month: null, parts: cleanParts({ action: " x " }) })).toContain(
      "practices-note-head-unpublished",
    );
  });

  it("When a part is changed, then an optional part can be left out but the required one is never emptied", () => {
    const parts = cleanParts({ situation: "  ", action: "did", outcome: "worked" });
    expect(parts).toEqual({ situation: null, action: "did", outcome: "worked" });
    expect(withPart(parts, "outcome", null).outcome).toBeNull();
    expect(withPart(parts, "action", null).action).toBe("did");
    expect(withPart(parts, "situation", "a shy child").situation).toBe("a shy child");
  });

  it("When PRACTICE_DIGEST_CRON is not a cron expression, then start-up names it; by default it is Thursday 10:00", () => {
    expect(createConfig({ BOT_TOKEN: "123456:TEST" }).PRACTICE_DIGEST_CRON).toBe("0 10 * * 4");
    expect(() => createConfig({ BOT_TOKEN: "123456:TEST", PRACTICE_DIGEST_CRON: "thursdays" })).toThrow(
      /PRACTICE_DIGEST_CRON is not a cron expression/,
    );
  });
});
