// The officer_weeks part of a summary in one statement: the period's rollup rows aggregated per officer (so
// "officers with at least one" needs no DISTINCT), then per group of the base, and per week (programme level, for
// the charts and trends). Both come back as JSON arrays.
import { ADHERENCE_ITEMS, Q1_ITEMS } from "../../domain/metrics/constants.js";
import type { Figures } from "../../domain/metrics/types.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";
import { type MetricsQuery, type Row, sqlParts, tally } from "./metrics-sql.js";

const snake = (item: string) => item.replaceAll("-", "_");

interface Sum {
  figure: string;
  /** SQL over one rollup row. */
  sql: string;
  /** Counted only for officers who said their unit has a child-friendly room. */
  room?: boolean;
}

const SUMS: Sum[] = [
  { figure: "tip-ack.num", sql: "LEAST(tip_presses, tips_sent)" },
  { figure: "tip-ack.den", sql: "tips_sent" },
  { figure: "quiz-accuracy.num", sql: "quiz_correct" },
  { figure: "quiz-accuracy.den", sql: "quiz_answered" },
  { figure: "reflection-completion.num", sql: "checkins_done" },
  { figure: "reflection-completion.den", sql: "checkins_direct + GREATEST(interviews_reported, checkins_weekly)" },
  { figure: "reflection-completion.extra", sql: "checkins_direct + checkins_weekly" },
  { figure: "open-prompt-most.num", sql: "open_most" },
  { figure: "open-prompt-most.den", sql: "open_answered" },
  { figure: "room-use.num", sql: "adh_room", room: true },
  { figure: "room-use.den", sql: "q3_room_asked", room: true },
  { figure: "action-follow-through.num", sql: "tried_yes" },
  { figure: "action-follow-through.den", sql: "tried_asked" },
  { figure: "wellbeing-response.den", sql: "sisq_prompted" },
  { figure: "support-uptake.num", sql: "support_accepted" },
  { figure: "support-uptake.den", sql: "support_offered" },
  ...ADHERENCE_ITEMS.flatMap((item) => [
    { figure: `adherence-${item}.num`, sql: `adh_${snake(item)}` },
    { figure: `adherence-${item}.den`, sql: Q1_ITEMS.includes(item) ? "q1_answered" : `q3_${snake(item)}_asked` },
  ]),
];

/** Per officer, each distinct expression is summed once (column o<k>); figures read it back. */
const EXPRESSIONS = [...new Set(SUMS.map((s) => s.sql))];
const column = (s: Sum) => `o${EXPRESSIONS.indexOf(s.sql)}`;
/** The figures charted per week. */
const WEEKLY = SUMS.filter((s) => /^(tip-ack|reflection-completion\.num|open-prompt-most|room-use)/.test(s.figure));
const ROOM = "b.unit_room = 'yes'";

const list = (parts: string[]) => Prisma.raw(parts.join(", "));

/** Per group: the sum of the officers' totals, and how many officers have one above zero. */
function groupColumn(s: Sum, i: number): string {
  const value = s.room ? `CASE WHEN ${ROOM} THEN ow.${column(s)} ELSE 0 END` : `ow.${column(s)}`;
  return `coalesce(sum(${value}), 0)::int AS f${i}, count(*) FILTER (WHERE (${value}) > 0)::int AS f${i}_o`;
}

/** Per week: over the rollup rows themselves (one per officer and week). */
function weekColumn(s: Sum): string {
  // Rollup columns are unambiguous next to the base's (pseudonym, g, unit_room, week0).
  const value = s.room ? `CASE WHEN ${ROOM} THEN ${s.sql} ELSE 0 END` : `(${s.sql})`;
  const i = SUMS.indexOf(s);
  return `sum(${value})::int AS f${i}, count(*) FILTER (WHERE ${value} > 0)::int AS f${i}_o`;
}

function groupFigures(r: Row): Figures {
  const officers = tally(r.officers, r.officers);
  const active = tally(r.active, r.active);
  return {
    ...Object.fromEntries(SUMS.map((s, i) => [s.figure, tally(r[`f${i}`], r[`f${i}_o`])])),
    "officers.num": officers,
    "active-officers.num": active,
    "active-officers.den": officers,
    "tips-paused.num": tally(r.paused, r.paused),
    "tips-paused.den": officers,
    "peer-sharing.num": tally(r.sharers, r.sharers),
    "peer-sharing.den": active,
    "peer-sharing.extra": tally(r.posts, r.sharers),
    "commitment-to-share.num": tally(r.share_yes, r.share_yes),
    "commitment-to-share.den": tally(r.share_answered, r.share_answered),
  };
}

export async function usageFigures(
  prisma: PrismaClient,
  q: MetricsQuery,
  timeZone: string,
): Promise<{ groups: Map<string, Figures>; weeks: Map<string, Figures> }> {
  const p = sqlParts(q, timeZone);
  const perOfficer = list(EXPRESSIONS.map((sql, k) => `sum(${sql}) AS o${k}`));
  const perGroup = list(SUMS.map(groupColumn));
  const perWeek = list(WEEKLY.map(weekColumn));
  // Per officer over the rollup alone (the planner knows its statistics, so this is one hash aggregation); the
  // base is joined to the small result.
  const [row] = await prisma.$queryRaw<{ groups: Row[] | null; weeks: Row[] | null }[]>`
    WITH ${p.base},
    ow AS (
      SELECT pseudonym, sum(interactions) AS i, sum(tips_paused) AS tp, sum(practice_approved) AS pa,
        -- The latest week's answer, without an ordered aggregate (which would force a sort): week and answer
        -- packed in one number, the largest wins, and its parity is the answer.
        max((week - DATE '2000-01-03') * 2 + share_last) % 2 AS share, ${perOfficer}
      FROM officer_weeks
      WHERE week >= ${p.start} AND week < ${p.end}
      GROUP BY pseudonym),
    per_group AS (
      SELECT b.g, count(*)::int AS officers, count(*) FILTER (WHERE ow.i > 0)::int AS active,
        count(*) FILTER (WHERE ow.tp > 0)::int AS paused,
        count(*) FILTER (WHERE ow.i > 0 AND ow.pa > 0)::int AS sharers,
        coalesce(sum(ow.pa) FILTER (WHERE ow.i > 0), 0)::int AS posts,
        count(*) FILTER (WHERE ow.share = 1)::int AS share_yes,
        count(*) FILTER (WHERE ow.share IS NOT NULL)::int AS share_answered, ${perGroup}
      FROM base b LEFT JOIN ow ON ow.pseudonym = b.pseudonym
      GROUP BY b.g),
    per_week AS (
      SELECT to_char(w.week, 'YYYY-MM-DD') AS wk, count(*) FILTER (WHERE w.interactions > 0)::int AS active, ${perWeek}
      FROM officer_weeks w JOIN base b ON b.pseudonym = w.pseudonym
      WHERE w.week >= ${p.start} AND w.week < ${p.end}
      GROUP BY w.week)
    SELECT (SELECT json_agg(per_group) FROM per_group) AS groups, (SELECT json_agg(per_week) FROM per_week) AS weeks`;
  const groups = new Map<string, Figures>();
  for (const r of row?.groups ?? []) groups.set(String(r.g), groupFigures(r));
  const weeks = new Map<string, Figures>();
  for (const r of row?.weeks ?? []) {
    const figures = Object.fromEntries(
      WEEKLY.map((s) => {
        const i = SUMS.indexOf(s);
        return [s.figure, tally(r[`f${i}`], r[`f${i}_o`])];
      }),
    );
    weeks.set(String(r.wk), { ...figures, "active-officers.num": tally(r.active, r.active) });
  }
  return { groups, weeks };
}
