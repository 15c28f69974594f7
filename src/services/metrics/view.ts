// From raw tallies to what a summary may show: every figure of every metric, suppressed (suppression.ts) the same
// way for the text, the charts and the CSV, which all read this view and nothing else.
import type { Breakdown } from "../../db/repositories/metrics-sql.js";
import type { FigureName, Figures, MetricDef, RawSummary, Tally } from "../../domain/metrics/types.js";
import { isAvailable, METRICS } from "./catalogue.js";
import { type Period, weeksOf } from "./periods.js";
import { type Cell, countOf, meanOf, rateOf, type Shown, suppressColumn } from "./suppression.js";

export type Scope = "full" | "tips";

export interface MetricCells {
  /** The headline: the count, the percentage or the mean. */
  value: Shown;
  num: Shown;
  den?: Shown;
  extra?: Shown;
}

export interface ViewRow {
  key: string;
  cells: Record<string, MetricCells>;
  /** A group with fewer than 5 officers in the base: everything in it is "< 5". */
  small?: boolean;
}

export interface SummaryView {
  period: Period;
  breakdown: Breakdown;
  scope: Scope;
  metrics: MetricDef[];
  total: ViewRow;
  groups: ViewRow[];
  /** The breakdown was refused: no group has 5 or more officers. */
  refused: "small-groups" | null;
  weeks: ViewRow[];
  topics: ViewRow[];
}

const ZERO: Tally = { n: 0, officers: 0 };
/** Every figure of a metric marked the same way: not available yet, or refused (programme level only). */
function marked(m: MetricDef, state: "na" | "refused"): MetricCells {
  const s = { state } as const;
  return { value: s, num: s, ...(m.kind === "count" ? {} : { den: s }), ...(m.extra ? { extra: s } : {}) };
}

export function figuresOf(m: MetricDef): FigureName[] {
  if (m.kind === "count") return ["num"];
  const main: FigureName[] = m.kind === "mean" ? ["sum", "den"] : ["num", "den"];
  return m.extra ? [...main, "extra"] : main;
}

function cellsOf(m: MetricDef, get: (f: FigureName) => Cell | undefined): MetricCells {
  const c = (f: FigureName) => get(f) ?? { state: "small" };
  const value =
    m.kind === "count"
      ? countOf(c("num"))
      : m.kind === "mean"
        ? meanOf(c("sum"), c("den"))
        : rateOf(c("num"), c("den"));
  const out: MetricCells = { value, num: countOf(c(m.kind === "mean" ? "sum" : "num")) };
  if (m.kind !== "count") out.den = countOf(c("den"));
  if (m.extra) out.extra = countOf(c("extra"));
  return out;
}

/** One family of sibling rows (groups, weeks or topics) for one metric: every figure suppressed as a column. */
function family(m: MetricDef, rows: Figures[], additive: (f: FigureName) => boolean) {
  const columns = new Map<FigureName, ReturnType<typeof suppressColumn>>();
  for (const f of figuresOf(m)) {
    const tallies = rows.map((r) => r[`${m.id}.${f}`] ?? ZERO);
    const countsOfficers = tallies.every((t) => t.n === t.officers);
    columns.set(f, suppressColumn(tallies, { additive: additive(f), countsOfficers }));
  }
  return {
    row: (i: number) => cellsOf(m, (f) => columns.get(f)?.cells[i]),
    total: () => cellsOf(m, (f) => columns.get(f)?.total),
  };
}

export function buildView(
  raw: RawSummary,
  opts: { period: Period; breakdown: Breakdown; scope: Scope; events?: Record<string, unknown> },
): SummaryView {
  const metrics = METRICS.filter((m) => opts.scope === "full" || m.trainers);
  const groupFigures = raw.groups.map((g) => g.figures);
  const total: ViewRow = { key: "all", cells: {} };
  const groups: ViewRow[] = raw.groups.map((g) => ({ key: g.key, cells: {} }));
  for (const m of metrics) {
    if (!isAvailable(m, opts.events)) {
      total.cells[m.id] = marked(m, "na");
      for (const g of groups) g.cells[m.id] = marked(m, "na");
      continue;
    }
    if (m.scope === "programme") {
      total.cells[m.id] = family(m, [raw.programme], () => false).row(0);
      for (const g of groups) g.cells[m.id] = marked(m, "refused");
      continue;
    }
    const fam = family(m, groupFigures, () => true);
    total.cells[m.id] = fam.total();
    groups.forEach((g, i) => {
      g.cells[m.id] = fam.row(i);
    });
  }
  for (const g of groups) g.small = g.cells.officers?.value.state === "small";
  const broken = opts.breakdown !== "none";
  const refused = broken && groups.length > 0 && groups.every((g) => g.small) ? "small-groups" : null;
  return {
    period: opts.period,
    breakdown: opts.breakdown,
    scope: opts.scope,
    metrics,
    total,
    groups: broken && !refused ? groups : [],
    refused,
    weeks: series(raw, metrics, opts, "week"),
    topics: series(raw, metrics, opts, "topic"),
  };
}

/** Weekly and per-topic rows (programme level): siblings add up to the period's figure unless they count officers. */
function series(
  raw: RawSummary,
  metrics: MetricDef[],
  opts: { period: Period; events?: Record<string, unknown> },
  kind: "week" | "topic",
) {
  const source = kind === "week" ? raw.weeks : raw.topics;
  const keys = kind === "week" ? weeksOf(opts.period) : source.map((s) => s.key);
  const base = raw.groups.reduce((a, g) => a + (g.figures["officers.num"]?.n ?? 0), 0);
  const figures = keys.map((k) => {
    const f = { ...(source.find((s) => s.key === k)?.figures ?? {}) };
    // Weekly active officers are a share of the whole base.
    if (kind === "week") f["active-officers.den"] = { n: base, officers: base };
    return f;
  });
  const rows: ViewRow[] = keys.map((key) => ({ key, cells: {} }));
  for (const m of metrics.filter((x) => x.series === kind && isAvailable(x, opts.events))) {
    const fam = family(m, figures, (f) => !m.distinctOfficers && !(m.id === "active-officers" && f === "den"));
    rows.forEach((r, i) => {
      r.cells[m.id] = fam.row(i);
    });
  }
  return rows;
}
