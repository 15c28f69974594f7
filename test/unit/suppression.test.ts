// Small-cell suppression on hand-worked tables. Each table is checked against an independent brute-force
// attacker: knowing the published total, the visible cells and what the markers mean ("< 5": 0–4 officers, or
// anything for counts that rest on few officers; "hidden": big enough to show), how many values can each small
// cell still take? At least 5, or the subtraction attack has worked.
import { describe, expect, it } from "vitest";
import type { Tally } from "../../src/domain/metrics/types.js";
import { type Cell, isSmall, meanOf, rateOf, suppressColumn } from "../../src/services/metrics/suppression.js";

const officers = (...ns: number[]): Tally[] => ns.map((n) => ({ n, officers: n }));
const show = (cells: Cell[]) => cells.map((c) => (c.state === "shown" ? c.n : c.state));

/** Values a small cell can take, by enumeration (hidden cells up to the published total). */
function possibleValues(tallies: Tally[], cells: Cell[], countsOfficers: boolean, target: number): number[] {
  const total = tallies.reduce((a, t) => a + t.n, 0);
  const visible = cells.reduce((a, c) => a + (c.state === "shown" ? c.n : 0), 0);
  const hidden = cells.flatMap((c, i) => (c.state === "shown" ? [] : [i]));
  const range = (i: number) => {
    const c = cells[i] as Cell;
    if (c.state === "hidden") return [5, total];
    return countsOfficers ? [0, 4] : [0, total];
  };
  const found = new Set<number>();
  const walk = (k: number, sum: number, chosen: number) => {
    if (k === hidden.length) {
      if (sum === total - visible) found.add(chosen);
      return;
    }
    const i = hidden[k] as number;
    const [lo, hi] = range(i);
    for (let v = lo as number; v <= (hi as number) && sum + v <= total - visible; v++) {
      walk(k + 1, sum + v, i === target ? v : chosen);
    }
  };
  walk(0, 0, -1);
  return [...found].sort((a, b) => a - b);
}

function expectProtected(tallies: Tally[], countsOfficers: boolean) {
  const { cells, total } = suppressColumn(tallies, { additive: true, countsOfficers });
  expect(total).toEqual({ state: "shown", n: tallies.reduce((a, t) => a + t.n, 0) });
  cells.forEach((c, i) => {
    if (c.state !== "small") return;
    const values = possibleValues(tallies, cells, countsOfficers, i);
    expect(values.length, `cell ${i} could be only ${values.join(", ")}`).toBeGreaterThanOrEqual(5);
    expect(values).toContain((tallies[i] as Tally).n);
  });
  return cells;
}

describe("small-cell suppression", () => {
  it("When a figure rests on fewer than 5 officers or responses, then it is small whatever its size", () => {
    expect(isSmall({ n: 4, officers: 4 })).toBe(true);
    expect(isSmall({ n: 0, officers: 0 })).toBe(true);
    expect(isSmall({ n: 30, officers: 3 })).toBe(true); // many check-ins, but by three officers
    expect(isSmall({ n: 5, officers: 5 })).toBe(false);
  });

  it("When one province has 3 officers and another 20, then the 3 is '< 5', the 20 is hidden, and the total stays", () => {
    const tallies = officers(3, 20);
    const cells = expectProtected(tallies, true);
    expect(show(cells)).toEqual(["small", "hidden"]);
  });

  it("When total minus the visible cells would give the small cell (subtraction attack), then a sibling is hidden too", () => {
    // 12 + x + 9 + 30 = 54: with only x hidden, x = 3. Hiding the 9 leaves x anywhere in 0–4.
    const tallies = officers(12, 3, 9, 30);
    const cells = expectProtected(tallies, true);
    expect(show(cells)).toEqual([12, "small", "hidden", 30]);
    const naive = suppressColumn(tallies, { additive: false, countsOfficers: true }).cells;
    expect(possibleValues(tallies, naive, true, 1)).toEqual([3]); // what primary suppression alone would leak
  });

  it("When hiding the smallest sibling would not be enough, then the sibling that protects is hidden instead", () => {
    // Hiding the 5 says x + 5 = 7 with the 5 known to be ≥ 5, so x ≤ 2; the 6 gives x ≤ 3. Only the 40 leaves 0–4.
    const cells = expectProtected(officers(2, 5, 6, 40), true);
    expect(show(cells)).toEqual(["small", 5, 6, "hidden"]);
  });

  it("When two small cells add up to less than 5, then they protect each other and nothing else is hidden", () => {
    const cells = expectProtected(officers(2, 2, 20), true);
    expect(show(cells)).toEqual(["small", "small", 20]);
  });

  it("When two small cells would both be pinned (4 + 4 = 8), then a big sibling is hidden", () => {
    const cells = expectProtected(officers(4, 4, 20), true);
    expect(show(cells)).toEqual(["small", "small", "hidden"]);
  });

  it("When a small group did nothing (0 check-ins) and the rest did everything, then the zero cannot be read off", () => {
    const tallies: Tally[] = [
      { n: 0, officers: 0 },
      { n: 60, officers: 20 },
    ];
    const cells = expectProtected(tallies, false);
    expect(show(cells)).toEqual(["small", "hidden"]);
  });

  it("When many events rest on few officers, then the count is small and still protected", () => {
    const tallies: Tally[] = [
      { n: 30, officers: 3 },
      { n: 100, officers: 20 },
      { n: 80, officers: 15 },
    ];
    const cells = expectProtected(tallies, false);
    expect(show(cells)).toEqual(["small", 100, "hidden"]);
  });

  it("When nothing can protect a small cell, then the whole column is withheld", () => {
    // Active officers 0 and 5 of a published 5: whatever is hidden, the 0 follows.
    const result = suppressColumn(officers(0, 5), { additive: true, countsOfficers: true });
    expect(result.withheld).toBe(true);
    expect(show(result.cells)).toEqual(["small", "hidden"]);
  });

  it("When the total itself is small, then nothing can be subtracted and every cell is small", () => {
    const result = suppressColumn(officers(1, 2), { additive: true, countsOfficers: true });
    expect(result.total).toEqual({ state: "small" });
    expect(show(result.cells)).toEqual(["small", "small"]);
  });

  it("When cells do not add up to a published total (distinct officers per week), then only small cells go", () => {
    const result = suppressColumn(officers(3, 20, 18), { additive: false, countsOfficers: true });
    expect(show(result.cells)).toEqual(["small", 20, 18]);
  });

  it("When a percentage rests on a small or hidden count, then it is not shown (decided before rounding)", () => {
    const den: Cell = { state: "shown", n: 1000 };
    expect(rateOf({ state: "small" }, den)).toEqual({ state: "small" }); // 4 of 1000 would round to 0.4%
    expect(rateOf({ state: "shown", n: 20 }, { state: "small" })).toEqual({ state: "small" });
    expect(rateOf({ state: "hidden" }, den)).toEqual({ state: "hidden" });
    expect(rateOf({ state: "shown", n: 20 }, { state: "shown", n: 21 })).toEqual({
      state: "shown",
      value: (100 * 20) / 21,
    });
    expect(meanOf({ state: "shown", n: 60 }, { state: "small" })).toEqual({ state: "small" });
  });
});
