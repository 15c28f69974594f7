import { describe, expect, it } from "vitest";
import type { TipRecord } from "../../src/db/repositories/tips.js";
import { pickNextTip } from "../../src/domain/next-tip.js";

// Two topics in curriculum order, two tips each: a1, a2 (topic a), b1, b2 (topic b).
const tip = (id: string): TipRecord => ({
  id,
  topicId: id.slice(0, 1),
  topicKm: "",
  topicEn: "",
  textKm: "",
  textEn: "",
  source: "",
  quiz: null,
  origin: "content",
  archived: false,
});
const lib = {
  topics: ["a", "b"].map((id, position) => ({ id, position, nameKm: id, nameEn: id, tips: 2 })),
  byTopic: new Map([
    ["a", [tip("a1"), tip("a2")]],
    ["b", [tip("b1"), tip("b2")]],
  ]),
};
const none = new Set<string>();

describe("choosing the next tip", () => {
  it("When nothing has been seen, then the first tip of the curriculum comes first", () => {
    expect(pickNextTip(lib, [], none)).toBe("a1");
  });

  it("When a focus topic has an unseen tip, then it comes before earlier unseen tips", () => {
    expect(pickNextTip(lib, [["a1", false, 1]], new Set(["b"]))).toBe("b1");
  });

  it("When some tips are unseen, then an unseen one comes before any seen one, even a flagged one", () => {
    expect(
      pickNextTip(
        lib,
        [
          ["a1", true, 1],
          ["a2", false, 2],
        ],
        none,
      ),
    ).toBe("b1");
  });

  it("When every tip is seen, then flagged tips come first, the longest unseen of them first", () => {
    const views: [string, boolean, number][] = [
      ["a1", false, 1],
      ["a2", true, 40],
      ["b1", true, 30],
      ["b2", false, 2],
    ];
    expect(pickNextTip(lib, views, none)).toBe("b1");
  });

  it("When every tip is seen and none flagged, then a focus topic's tip comes before the longest unseen", () => {
    const views: [string, boolean, number][] = [
      ["a1", false, 1],
      ["a2", false, 2],
      ["b1", false, 30],
      ["b2", false, 20],
    ];
    expect(pickNextTip(lib, views, none)).toBe("a1");
    expect(pickNextTip(lib, views, new Set(["b"]))).toBe("b2");
  });

  it("When seen tips were last sent at the same moment, then curriculum order decides", () => {
    const views: [string, boolean, number][] = [
      ["b2", false, 5],
      ["b1", false, 5],
      ["a2", false, 5],
      ["a1", false, 5],
    ];
    expect(pickNextTip(lib, views, none)).toBe("a1");
  });

  it("When a view names a tip no longer in the library, then it is ignored", () => {
    expect(pickNextTip(lib, [["gone", true, 0]], none)).toBe("a1");
  });

  it("When the library has no tips, then there is no next tip", () => {
    expect(pickNextTip({ topics: [], byTopic: new Map() }, [], none)).toBeNull();
  });
});
