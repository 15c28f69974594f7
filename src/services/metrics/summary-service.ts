// Staff summaries: brings the rollup up to date, runs the aggregate queries for a period (and a breakdown),
// suppresses small cells once (view.ts), and renders that one view as text, PNG charts and CSV. No grammY here.

import type { SummaryChart } from "../../charts/summary-charts.js";
import type { Locale } from "../../db/repositories/members.js";
import type { Breakdown, MetricsRepository } from "../../db/repositories/metrics.js";
import type { MetricsRollup } from "../../db/repositories/metrics-rollup.js";
import type { EventSink } from "../../domain/events.js";
import { PROVINCES, UNIT_TYPES } from "../../domain/provinces.js";
import { type Period, periodOf } from "./periods.js";
import { summaryCsv } from "./summary-csv.js";
import { summaryText } from "./summary-text.js";
import { buildView, type Scope, type SummaryView } from "./view.js";

export type LocaleTranslate = (locale: Locale, key: string, vars?: Record<string, string | number>) => string;

export interface SummaryServiceDeps {
  rollup: MetricsRollup;
  metrics: MetricsRepository;
  /** Tip topic names, for the quiz chart. */
  topics: () => Promise<{ id: string; nameKm: string; nameEn: string }[]>;
  events: EventSink;
  t: LocaleTranslate;
  timeZone: string;
  now: () => Date;
}

export interface SummaryReport {
  texts: string[];
  charts: SummaryChart[];
  csv: { filename: string; data: Buffer };
}

const ORDER: Record<Breakdown, readonly string[]> = { none: [], province: PROVINCES, unit: UNIT_TYPES };

export function eventPeriod(p: Period): "4w" | "quarter" | "month" | "all" {
  return p.kind === "week" ? "4w" : p.kind;
}

export function createSummaryService(d: SummaryServiceDeps) {
  async function compute(token: string, breakdown: Breakdown, scope: Scope): Promise<SummaryView | null> {
    const now = d.now();
    const since = token === "all" ? await d.metrics.firstWeek() : null;
    const period = periodOf(token, now, d.timeZone, since ?? undefined);
    if (!period) return null;
    await d.rollup.refresh(now, period.endWeek);
    const q = { startWeek: period.startWeek, endWeek: period.endWeek, breakdown };
    const raw = await d.metrics.summaryFigures(q);
    const order = ORDER[breakdown];
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    raw.groups.sort((a, b) => rank(a.key) - rank(b.key));
    return buildView(raw, { period, breakdown, scope });
  }

  async function report(view: SummaryView, locale: Locale): Promise<SummaryReport> {
    const t = (key: string, vars?: Record<string, string | number>) => d.t(locale, key, vars);
    const groupName = (key: string) =>
      key === "unknown" || key === "all"
        ? t(`summary-group-${key}`)
        : t(view.breakdown === "unit" ? `unit-${key}` : `province-${key}`);
    const topics = new Map((await d.topics()).map((x) => [x.id, locale === "en" ? x.nameEn : x.nameKm]));
    const topicName = (key: string) => topics.get(key) ?? key;
    const csv = summaryCsv(view, t, groupName);
    const p = view.period;
    // Chart.js and Skia (about 25 MB) are loaded by the first summary, not at start-up.
    const { summaryCharts } = await import("../../charts/summary-charts.js");
    return {
      texts: summaryText(view, { locale, t, groupName }),
      charts: summaryCharts(view, { locale, t, topicName, groupName }),
      csv: { filename: `mitt-summary-${p.startWeek}-${p.endWeek}-${view.breakdown}.csv`, data: Buffer.from(csv) },
    };
  }

  return {
    compute,
    report,
    /** Records that a summary (and its CSV) went to this person; attributes name the period kind only. */
    async recordSent(pseudonym: string, view: SummaryView): Promise<void> {
      const period = eventPeriod(view.period);
      await d.events.record(pseudonym, "summary.viewed", { period, breakdown: view.breakdown, scope: view.scope });
      await d.events.record(pseudonym, "summary.csv_exported", { period, breakdown: view.breakdown });
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
