// The check-in columns of the officer_weeks rollup: completed check-ins counted per person and week, item by
// item, so summaries read reflections from the rollup too. Column and condition pairs over completed check-ins,
// with `q1` (Q1 answered) and `q3` (Q3 answered, even with nothing ticked).
import { ADHERENCE_ITEMS, Q1_ITEMS } from "../../domain/metrics/constants.js";

const snake = (item: string) => item.replaceAll("-", "_");
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function columns(): [column: string, condition: string][] {
  const out: [string, string][] = [
    ["checkins_done", "TRUE"],
    ["q1_answered", "q1"],
    ["open_most", "open_share = 'most'"],
    ["open_answered", "open_share IS NOT NULL"],
    ["tried_yes", "tried_last_action IS TRUE"],
    ["tried_asked", "tried_last_action IS NOT NULL"],
  ];
  for (const item of ADHERENCE_ITEMS) {
    if (Q1_ITEMS.includes(item)) {
      out.push([`adh_${snake(item)}`, `q1 AND ${quote(item)} = ANY(elements)`]);
    } else {
      const asked = `q3 AND NOT (${quote(`na:${item}`)} = ANY(setting))`;
      out.push([`q3_${snake(item)}_asked`, asked]);
      out.push([`adh_${snake(item)}`, `${asked} AND ${quote(item)} = ANY(setting)`]);
    }
  }
  return out;
}

export const CHECKIN_ROLLUP_COLUMNS = columns();

/** The check-in columns and a SELECT of them per person and week for weeks [$1, $2), with `share_last`. */
export function checkinRollupSql(): { columns: string[]; select: string } {
  const columns = CHECKIN_ROLLUP_COLUMNS.map(([c]) => c);
  const counts = CHECKIN_ROLLUP_COLUMNS.map(([c, cond]) => `count(*) FILTER (WHERE ${cond}) AS ${c}`);
  const select = `
    SELECT pseudonym, week, ${counts.join(", ")},
      (array_agg(share_wanted::int ORDER BY ordinal DESC) FILTER (WHERE share_wanted IS NOT NULL))[1] AS share_last
    FROM (SELECT c.*, NOT ('q1' = ANY(c.skipped)) AS q1, (c.setting_answered OR cardinality(c.setting) > 0) AS q3
          FROM check_ins c WHERE c.status = 'completed' AND c.week >= $1::date AND c.week < $2::date) AS c
    GROUP BY pseudonym, week`;
  return { columns, select };
}
