// The metric catalogue: every figure a staff summary shows (text, charts, CSV) is one of these entries.
// domain.md §d's table, plus broadcast reach and paused tips. Names are locale keys `summary-metric-<id>`
// (locales/*/summary.ftl); docs/metrics.md is generated from this file (npm run docs:metrics) and a test keeps
// the two in step.
import { EVENT_CATALOGUE } from "../../domain/events.js";
import type { MetricDef } from "../../domain/metrics/types.js";
import { ENGAGEMENT_METRICS } from "./catalogue-engagement.js";
import { OUTCOME_METRICS } from "./catalogue-outcomes.js";

export * from "../../domain/metrics/constants.js";

export const METRICS: readonly MetricDef[] = [...ENGAGEMENT_METRICS, ...OUTCOME_METRICS];

export type MetricId = (typeof METRICS)[number]["id"];

export function metric(id: string): MetricDef {
  const m = METRICS.find((x) => x.id === id);
  if (!m) throw new Error(`unknown metric ${id}`);
  return m;
}

/** Whether every event type the metric needs is in the event catalogue (a feature not merged yet: no). */
export function isAvailable(m: MetricDef, catalogue: Record<string, unknown> = EVENT_CATALOGUE): boolean {
  return (m.requires ?? []).every((type) => Object.hasOwn(catalogue, type));
}

/** Locale key of a metric's name (in locales/km/summary.ftl and locales/en/summary.ftl). */
export function nameKey(id: string): string {
  return `summary-metric-${id}`;
}
