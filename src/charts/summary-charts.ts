// The summary's charts, from the same suppressed view as the text and the CSV: activity per week, the reflection
// funnel, quiz accuracy by topic, self-ratings over time, and the breakdown's groups. A suppressed value is not
// drawn; its marker ("< 5", "hidden") is written in its place.
import type { ChartConfiguration } from "chart.js";
import type { Locale } from "../db/repositories/members.js";
import { formatCount, formatShown, formatWeek, type Translate } from "../services/metrics/format.js";
import type { Shown } from "../services/metrics/suppression.js";
import type { MetricCells, SummaryView, ViewRow } from "../services/metrics/view.js";
import { renderChart } from "./render.js";

export interface SummaryChart {
  id: "activity" | "funnel" | "quiz" | "ratings" | "groups" | "tips";
  title: string;
  png: Buffer;
}

export interface ChartOptions {
  locale: Locale;
  t: Translate;
  topicName: (key: string) => string;
  groupName: (key: string) => string;
}

const COLORS = ["#2a6f97", "#e07a2f", "#4d908e", "#9c6644"];

function points(values: Shown[], kind: "count" | "percent", o: ChartOptions) {
  return {
    data: values.map((v) => (v.state === "shown" ? v.value : null)),
    markers: values.map((v) => (v.state === "shown" ? null : formatShown(v, kind, o.locale, o.t))),
  };
}

const value = (r: ViewRow, id: string, f: keyof MetricCells = "value"): Shown => r.cells[id]?.[f] ?? { state: "na" };

function bars(
  title: string,
  labels: string[],
  series: { label: string; values: Shown[] }[],
  kind: "count" | "percent",
  o: ChartOptions,
  horizontal = false,
): Buffer {
  const built = series.map((s) => points(s.values, kind, o));
  const tick = (v: number | string) =>
    kind === "percent" ? `${formatCount(Number(v), o.locale)}%` : formatCount(Number(v), o.locale);
  const valueAxis = { beginAtZero: true, ...(kind === "percent" ? { max: 100 } : {}), ticks: { callback: tick } };
  // Every label is drawn (Chart.js would skip some when crowded).
  const indexAxis = { ticks: { autoSkip: false } };
  const config: ChartConfiguration = {
    type: "bar",
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: built[i]?.data ?? [], backgroundColor: COLORS[i] })),
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      scales: horizontal ? { x: valueAxis, y: indexAxis } : { y: valueAxis, x: indexAxis },
      plugins: {
        title: { display: true, text: title, font: { size: 20, weight: "bold" } },
        legend: { display: series.length > 1 },
      },
    },
  };
  const height = horizontal ? Math.max(360, 110 + labels.length * 38) : 560;
  return renderChart(config, { height, markers: built.map((b) => b.markers) });
}

export function summaryCharts(view: SummaryView, o: ChartOptions): SummaryChart[] {
  const { t, locale: l } = o;
  const weeks = view.weeks.map((w) => formatWeek(w.key, l));
  const charts: SummaryChart[] = [];
  const add = (id: SummaryChart["id"], title: string, draw: () => Buffer) => charts.push({ id, title, png: draw() });
  if (view.scope === "full" && weeks.length) {
    const title = t("summary-chart-activity");
    add("activity", title, () =>
      bars(
        title,
        weeks,
        [
          { label: t("summary-chart-active"), values: view.weeks.map((w) => value(w, "active-officers", "num")) },
          {
            label: t("summary-chart-reflections"),
            values: view.weeks.map((w) => value(w, "reflection-completion", "num")),
          },
        ],
        "count",
        o,
      ),
    );
  }
  if (view.scope === "full") {
    const c = view.total.cells["reflection-completion"];
    const title = t("summary-chart-funnel");
    const steps = ["den", "extra", "num"] as const;
    add("funnel", title, () =>
      bars(
        title,
        steps.map((s) => t(`summary-chart-funnel-${s}`)),
        [{ label: title, values: steps.map((s) => c?.[s] ?? { state: "na" }) }],
        "count",
        o,
        true,
      ),
    );
  }
  if (view.topics.length) {
    const title = t("summary-chart-quiz");
    add("quiz", title, () =>
      bars(
        title,
        view.topics.map((x) => o.topicName(x.key)),
        [{ label: title, values: view.topics.map((x) => value(x, "quiz-accuracy")) }],
        "percent",
        o,
        true,
      ),
    );
  }
  if (view.scope === "full" && weeks.length) {
    const title = t("summary-chart-ratings");
    add("ratings", title, () =>
      bars(
        title,
        weeks,
        [
          { label: t("summary-metric-open-prompt-most"), values: view.weeks.map((w) => value(w, "open-prompt-most")) },
          { label: t("summary-metric-room-use"), values: view.weeks.map((w) => value(w, "room-use")) },
        ],
        "percent",
        o,
      ),
    );
  }
  if (view.scope === "tips" && weeks.length) {
    const title = t("summary-chart-tips");
    add("tips", title, () =>
      bars(title, weeks, [{ label: title, values: view.weeks.map((w) => value(w, "tip-ack")) }], "percent", o),
    );
  }
  if (view.groups.length) {
    const id = view.scope === "full" ? "active-officers" : "tip-ack";
    const title = t(`summary-chart-groups-${view.breakdown}`, { metric: t(`summary-metric-${id}`) });
    add("groups", title, () =>
      bars(
        title,
        view.groups.map((g) => o.groupName(g.key)),
        [{ label: title, values: view.groups.map((g) => value(g, id)) }],
        "percent",
        o,
        true,
      ),
    );
  }
  return charts;
}
