// The summary as CSV (csv-stringify): the same suppressed figures as the text and the charts, one column per
// figure of each catalogue metric, with a header row naming it ("<name>: <figure> [<id>.<figure>]") so every
// column traces to docs/metrics.md. Markers are language-neutral ("< 5", "suppressed", "n/a", "programme only")
// and any cell that a spreadsheet would read as a formula is defused.
import { stringify } from "csv-stringify/sync";
import type { MetricDef } from "../../domain/metrics/types.js";
import { nameKey } from "./catalogue.js";
import type { Translate } from "./format.js";
import type { Shown } from "./suppression.js";
import type { MetricCells, SummaryView, ViewRow } from "./view.js";

type Column = { metric: MetricDef; figure: "value" | "num" | "den" | "extra" };

const MARKERS: Record<Exclude<Shown["state"], "shown">, string> = {
  small: "< 5",
  hidden: "suppressed",
  na: "n/a",
  refused: "programme only",
};

/** OWASP's advice for CSV injection: a leading = + - @ (or tab/CR) makes a spreadsheet evaluate the cell. */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function columnsOf(metrics: readonly MetricDef[]): Column[] {
  return metrics.flatMap((metric) => {
    if (metric.kind === "count") return [{ metric, figure: "value" as const }];
    const figures: Column["figure"][] = metric.kind === "mean" ? ["value", "den"] : ["value", "num", "den"];
    if (metric.extra) figures.push("extra");
    return figures.map((figure) => ({ metric, figure }));
  });
}

function cell(c: MetricCells | undefined, col: Column): string {
  const shown = c ? (col.figure === "value" ? c.value : c[col.figure]) : undefined;
  if (!shown) return "";
  if (shown.state !== "shown") return MARKERS[shown.state];
  if (col.figure !== "value" || col.metric.kind === "count") return String(shown.value);
  // Percentages and means keep one decimal, rounded only here.
  return shown.value.toFixed(1);
}

export function summaryCsv(view: SummaryView, t: Translate, groupName: (key: string) => string): string {
  const columns = columnsOf(view.metrics);
  const header = [
    t("summary-csv-period"),
    t("summary-csv-group-by"),
    t("summary-csv-group"),
    ...columns.map((c) => `${t(nameKey(c.metric.id))}: ${t(`summary-csv-${c.figure}`)} [${c.metric.id}.${c.figure}]`),
  ];
  const period = `${view.period.startWeek}/${view.period.endWeek}`;
  const row = (groupBy: string, group: string, r: ViewRow) => [
    period,
    groupBy,
    group,
    ...columns.map((c) => cell(r.cells[c.metric.id], c)),
  ];
  const rows = [
    row("programme", t("summary-csv-all"), view.total),
    ...view.groups.map((g) => row(view.breakdown === "unit" ? "unit_type" : "province", groupName(g.key), g)),
    ...view.weeks.map((w) => row("week", w.key, w)),
    ...view.topics.map((x) => row("topic", x.key, x)),
  ];
  // A BOM so spreadsheet programs read the Khmer as UTF-8.
  return `\uFEFF${stringify([header, ...rows], { cast: { string: defuse } })}`;
}
