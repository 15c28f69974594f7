// docs/metrics.md, generated from the catalogue (npm run docs:metrics; a test keeps the file in step).
import { EVENT_CATALOGUE } from "../../domain/events.js";
import type { MetricDef } from "../../domain/metrics/types.js";
import { BASE_MIN_DAYS, isAvailable, METRICS, MIN_CELL, nameKey } from "./catalogue.js";

export type NameOf = (locale: "km" | "en", key: string) => string;

const SECTION_TITLES: Record<MetricDef["section"], string> = {
  reach: "Reach and engagement",
  tips: "Refresher tips",
  reflection: "Reflections after interviews (self-reported)",
  sharing: "Sharing practice",
  wellbeing: "Wellbeing (programme level only)",
  broadcasts: "Broadcasts",
};

function entry(m: MetricDef, name: NameOf): string[] {
  const lines = [
    `### \`${m.id}\`: ${name("en", nameKey(m.id))}`,
    "",
    `- **km**: ${name("km", nameKey(m.id))}`,
    `- **kind**: ${m.kind}${m.scope === "programme" ? ", programme level only (never broken down)" : ", by province or unit type too"}${m.trainers ? "; trainers see it" : "; staff and admins only"}`,
    `- **numerator**: ${m.numerator}`,
  ];
  if (m.denominator) lines.push(`- **denominator**: ${m.denominator}`);
  if (m.extra) lines.push(`- **also counted**: ${m.extra}`);
  lines.push(`- **window**: ${m.window}`);
  if (m.series)
    lines.push(
      `- **series**: also per ${m.series}${m.series === "week" ? " (charts, trends, CSV rows)" : " (chart, CSV rows)"}`,
    );
  lines.push(`- **reads**: ${m.sources.map((s) => `\`${s}\``).join(", ")}`);
  lines.push(`- **suppression**: ${m.suppression}`);
  if (m.requires?.length) {
    const state = isAvailable(m, EVENT_CATALOGUE) ? "available" : 'shows "not yet available" until they are recorded';
    lines.push(`- **needs events**: ${m.requires.map((r) => `\`${r}\``).join(", ")} (${state})`);
  }
  lines.push(`- **Kirkpatrick level**: ${m.kirkpatrick}`, "");
  return lines;
}

export function metricsMarkdown(name: NameOf): string {
  const out = [
    "# Metric catalogue",
    "",
    "<!-- Generated from src/services/metrics/catalogue*.ts by `npm run docs:metrics`; do not edit by hand. -->",
    "",
    "Every figure of a staff summary (`/summary` text, charts, CSV, weekly digest) is one of these metrics; the",
    "CSV header names each column `<name>: <figure> [<id>.<figure>]`. Definitions follow",
    "`../shared/design/domain.md` §d; privacy rules §e.",
    "",
    "## Rules that apply to every metric",
    "",
    `- **Officers** are members with the officer role enrolled at least ${BASE_MIN_DAYS} days before the period ends`,
    "  (trainers, staff, admins and people who deleted their data are not counted). Province and unit type are as",
    "  the officer has them now.",
    "- **Periods are whole weeks**, Monday to Sunday in `TZ` (Asia/Phnom_Penh): last 4 weeks, the last calendar",
    "  quarter, a month (the weeks whose Monday falls in it), since the start (up to today). Interview-linked data",
    "  is kept by week only, so every figure counts the same weeks.",
    `- **Small cells**: a figure resting on fewer than ${MIN_CELL} officers or ${MIN_CELL} responses is shown as`,
    `  "< ${MIN_CELL}" (never 0–${MIN_CELL - 1}), decided on raw counts before any rounding. Percentages and means are`,
    "  shown only when every count under them is.",
    "- **Complementary suppression**: groups (provinces, unit types), weeks and topics add up to the programme's",
    '  figure, which is published anyway. More cells are hidden ("hidden") until subtracting the visible cells from',
    `  that total, or comparing hidden cells, leaves every small cell at least ${MIN_CELL} possible values.`,
    '- **Breakdowns**: a group with fewer than 5 officers shows nothing but "< 5"; a breakdown where no group has 5',
    "  or more officers is refused. Wellbeing and support are never broken down.",
    "",
  ];
  for (const section of Object.keys(SECTION_TITLES) as MetricDef["section"][]) {
    out.push(`## ${SECTION_TITLES[section]}`, "");
    for (const m of METRICS.filter((x) => x.section === section)) out.push(...entry(m, name));
  }
  return `${out.join("\n").trimEnd()}\n`;
}
