// Small-cell suppression (domain.md §e), one pure module for the text, the charts and the CSV alike.
//
// 1. Primary: a figure resting on fewer than 5 officers or 5 responses is "small" (shown "< 5", never 0–4).
//    Decided on the raw counts, before anything is rounded.
// 2. Complementary: cells of sibling groups (provinces, unit types, weeks, topics) add up to a total that is
//    published anyway (the programme's figure). If subtracting the visible cells from that total, or comparing
//    hidden cells with each other, narrows a small cell below its full range of 5 possible values, more cells
//    are hidden ("hidden") until it does not. The attacker model below is explicit so tests can check it.
// 3. Rates and means are shown only when every count they rest on is shown.
// Hand-written: suppression libraries (sdcMicro, tau-argus) are R/Java programs for survey microdata; this
// needs a few dozen lines over one-dimensional tables.
import { MIN_CELL } from "../../domain/metrics/constants.js";
import type { Tally } from "../../domain/metrics/types.js";

export type CellState = "shown" | "small" | "hidden";
export type Cell = { state: "shown"; n: number } | { state: "small" } | { state: "hidden" };

export interface ColumnOptions {
  /** The cells add up to a published total (counts of events, or officers split into disjoint groups). */
  additive: boolean;
  /** Each cell counts officers (n = officers): a small cell is then known to be 0–4. */
  countsOfficers: boolean;
}

export interface SuppressedColumn {
  total: Cell;
  cells: Cell[];
  /** Nothing could protect a small cell, so every cell of the column is hidden. */
  withheld: boolean;
}

export function isSmall(t: Tally): boolean {
  return t.n < MIN_CELL || t.officers < MIN_CELL;
}

const shown = (t: Tally): Cell => ({ state: "shown", n: t.n });
const primary = (t: Tally): Cell => (isSmall(t) ? { state: "small" } : shown(t));

export function sumTallies(cells: readonly Tally[]): Tally {
  return cells.reduce((a, c) => ({ n: a.n + c.n, officers: a.officers + c.officers }), { n: 0, officers: 0 });
}

interface Interval {
  lo: number;
  hi: number;
}

/**
 * What someone reading the output knows about a hidden cell: a small count of officers is 0–4; any other small
 * cell could be anything (it may rest on few officers but count many events); a "hidden" cell was big enough to
 * show, so it is at least 5.
 */
function prior(kind: "small" | "hidden", countsOfficers: boolean): Interval {
  if (kind === "hidden") return { lo: MIN_CELL, hi: Number.POSITIVE_INFINITY };
  return { lo: 0, hi: countsOfficers ? MIN_CELL - 1 : Number.POSITIVE_INFINITY };
}

/**
 * Whether every small cell keeps at least MIN_CELL possible values once the reader knows the hidden cells' sum
 * (total minus the visible cells) and the priors of the other hidden cells.
 */
export function isProtected(
  values: readonly number[],
  kinds: readonly ("small" | "hidden")[],
  countsOfficers: boolean,
) {
  const priors = kinds.map((k) => prior(k, countsOfficers));
  const sum = values.reduce((a, v) => a + v, 0);
  // Sums of the priors, with unbounded upper ends counted apart, so each cell is checked in constant time.
  const allLo = priors.reduce((a, p) => a + p.lo, 0);
  const finiteHi = priors.reduce((a, p) => a + (Number.isFinite(p.hi) ? p.hi : 0), 0);
  const unbounded = priors.filter((p) => !Number.isFinite(p.hi)).length;
  return kinds.every((kind, i) => {
    if (kind !== "small") return true;
    const own = priors[i] as Interval;
    const othersLo = allLo - own.lo;
    const ownUnbounded = Number.isFinite(own.hi) ? 0 : 1;
    const othersHi = unbounded - ownUnbounded > 0 ? Number.POSITIVE_INFINITY : finiteHi - (ownUnbounded ? 0 : own.hi);
    const lo = Math.max(own.lo, sum - othersHi);
    const hi = Math.min(own.hi, sum - othersLo);
    return hi - lo >= MIN_CELL - 1;
  });
}

/** Suppresses one column of sibling cells whose total is published. */
export function suppressColumn(cells: readonly Tally[], opts: ColumnOptions): SuppressedColumn {
  const totalTally = sumTallies(cells);
  const total = primary(totalTally);
  const out = cells.map(primary);
  // Without a published total (or when siblings do not add up), nothing can be subtracted.
  if (!opts.additive || total.state !== "shown" || !out.some((c) => c.state === "small")) {
    return { total, cells: out, withheld: false };
  }
  const check = (extra?: number) => {
    const hiddenIdx = out.flatMap((c, i) => (c.state === "shown" && i !== extra ? [] : [i]));
    const values = hiddenIdx.map((i) => (cells[i] as Tally).n);
    const kinds = hiddenIdx.map((i) => (out[i]?.state === "small" ? "small" : "hidden") as "small" | "hidden");
    return isProtected(values, kinds, opts.countsOfficers);
  };
  while (!check()) {
    const visible = out
      .map((c, i) => ({ c, i, n: (cells[i] as Tally).n }))
      .filter((x) => x.c.state === "shown")
      .sort((a, b) => a.n - b.n || a.i - b.i);
    if (!visible.length) {
      return { total, cells: out.map((c) => (c.state === "small" ? c : { state: "hidden" })), withheld: true };
    }
    // The smallest cell that protects on its own costs the reader least; failing that, the largest helps most.
    const next = visible.find((x) => check(x.i)) ?? (visible[visible.length - 1] as { i: number });
    out[next.i] = { state: "hidden" };
  }
  return { total, cells: out, withheld: false };
}

export type Shown =
  | { state: "shown"; value: number }
  | { state: "small" }
  | { state: "hidden" }
  | { state: "na" }
  | { state: "refused" };

/** A count as displayed. */
export function countOf(cell: Cell): Shown {
  return cell.state === "shown" ? { state: "shown", value: cell.n } : cell;
}

/** A percentage: shown only when numerator and denominator are; otherwise "< 5" if either is small. */
export function rateOf(num: Cell, den: Cell): Shown {
  if (num.state === "shown" && den.state === "shown" && den.n > 0) {
    return { state: "shown", value: (100 * num.n) / den.n };
  }
  return num.state === "small" || den.state === "small" ? { state: "small" } : { state: "hidden" };
}

/** A mean of `sum` over `den` answers, with the same rule as a rate. */
export function meanOf(sum: Cell, den: Cell): Shown {
  if (sum.state === "shown" && den.state === "shown" && den.n > 0) return { state: "shown", value: sum.n / den.n };
  return sum.state === "small" || den.state === "small" ? { state: "small" } : { state: "hidden" };
}
