// The text of a summary, in the reader's language: one line per catalogue metric (names from
// locales/*/summary.ftl), then the groups of a breakdown, then the legend. Every figure comes from the view.
import type { Locale } from "../../db/repositories/members.js";
import type { MetricSection } from "../../domain/metrics/types.js";
import { nameKey } from "./catalogue.js";
import { formatShown, periodName, periodRange, type Translate } from "./format.js";
import type { MetricCells, SummaryView, ViewRow } from "./view.js";

const SECTIONS: MetricSection[] = ["reach", "tips", "reflection", "sharing", "wellbeing", "broadcasts"];
const MAX_MESSAGE = 4000; // under Telegram's 4096, with room for the splitter

export interface TextOptions {
  locale: Locale;
  t: Translate;
  /** Display name of a group key (province or unit type code). */
  groupName: (key: string) => string;
}

function metricLine(o: TextOptions, id: string, kind: string, c: MetricCells | undefined): string {
  const { locale: l, t } = o;
  const name = t(nameKey(id));
  if (!c) return t("summary-line", { name, value: t("summary-cell-na") });
  const value = formatShown(c.value, kind === "rate" ? "percent" : kind === "mean" ? "mean" : "count", l, t);
  if (c.value.state !== "shown" || kind === "count") return t("summary-line", { name, value });
  const den = c.den ? formatShown(c.den, "count", l, t) : "";
  if (kind === "mean") return t("summary-line-mean", { name, value, den });
  return t("summary-line-of", { name, value, num: formatShown(c.num, "count", l, t), den });
}

function groupLine(o: TextOptions, view: SummaryView, g: ViewRow): string {
  const { locale: l, t } = o;
  const group = o.groupName(g.key);
  if (g.small) return t("summary-group-small", { group });
  const v = (id: string, kind: "count" | "percent") => {
    const c = g.cells[id];
    return c ? formatShown(c.value, kind, l, t) : t("summary-cell-na");
  };
  const officers = v("officers", "count");
  if (view.scope === "tips") {
    return t("summary-group-line-tips", {
      group,
      officers,
      tips: v("tip-ack", "percent"),
      quiz: v("quiz-accuracy", "percent"),
      delivered: v("broadcast-delivered", "percent"),
    });
  }
  return t("summary-group-line", {
    group,
    officers,
    active: v("active-officers", "percent"),
    reflections: formatShown(g.cells["reflection-completion"]?.num ?? { state: "na" }, "count", l, t),
    tips: v("tip-ack", "percent"),
  });
}

/** The summary as one or more messages (split between lines when it would be too long for Telegram). */
export function summaryText(view: SummaryView, o: TextOptions): string[] {
  const { locale: l, t } = o;
  const lines = [
    t("summary-title", { period: periodName(view.period, l, t), range: periodRange(view.period, l, t) }),
    t(`summary-scope-${view.breakdown}`),
  ];
  for (const section of SECTIONS) {
    const metrics = view.metrics.filter((m) => m.section === section);
    if (!metrics.length) continue;
    lines.push("", t(`summary-section-${section}`));
    for (const m of metrics) lines.push(metricLine(o, m.id, m.kind, view.total.cells[m.id]));
  }
  if (view.breakdown !== "none") {
    lines.push("", t(`summary-groups-${view.breakdown}`));
    if (view.refused) lines.push(t(`summary-refused-${view.breakdown}`));
    for (const g of view.groups) lines.push(groupLine(o, view, g));
    if (view.scope === "full") lines.push(t("summary-wellbeing-refused"));
  }
  lines.push("", t("summary-legend"));
  return split(lines);
}

/** The headline figures of the weekly digest. */
export const DIGEST_METRICS = [
  "officers",
  "active-officers",
  "tip-ack",
  "quiz-accuracy",
  "reflection-completion",
  "open-prompt-most",
  "room-use",
  "wellbeing-response",
];
const MAX_CAPTION = 1024;

/** The weekly digest's text, short enough for a photo caption (Telegram: 1024 characters). */
export function digestCaption(view: SummaryView, o: TextOptions): string {
  const { locale: l, t } = o;
  const head = [t("summary-digest-title"), periodRange(view.period, l, t)];
  const tail = [t("summary-digest-more")];
  const lines = DIGEST_METRICS.map((id) => view.metrics.find((m) => m.id === id))
    .filter((m) => m !== undefined)
    .map((m) => metricLine(o, m.id, m.kind, view.total.cells[m.id]));
  const text = (n: number) => [...head, "", ...lines.slice(0, n), "", ...tail].join("\n");
  let n = lines.length;
  while (n > 0 && text(n).length > MAX_CAPTION) n--;
  return text(n);
}

function split(lines: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + line.length + 1 > MAX_MESSAGE) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}
