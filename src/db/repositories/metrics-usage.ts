// The officer_weeks part of a summary in one statement: the period's rollup rows of the base are read once and
// aggregated two ways, per group (through per-officer totals, so "officers with at least one" needs no DISTINCT)
// and per week (programme level, for the charts and trends). Both come back as JSON arrays.
import { ADHERENCE_ITEMS, Q1_ITEMS } from "../../services/metrics/constants.js";
import type { Figures } from "../../services/metrics/types.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";
import { type MetricsQuery, type Row, sqlParts, tally } from "./metrics-sql.js";

const snake = (item: string) => item.replaceAll("-", "_");
const ROOM = (column: string) => `CASE WHEN unit_room = 'yes' THEN ${column} ELSE 0 END`;

/** Figure → SQL over one rollup row (w.*, with the officer's unit_room). Summed per officer, then per group. */
const SUMS: [figure: string, sql: string][] = [
  ["tip-ack.num", "LEAST(tip_presses, tips_sent)"],
  ["tip-ack.den", "tips_sent"],
  ["quiz-accuracy.num", "quiz_correct"],
  ["quiz-accuracy.den", "quiz_answered"],
  ["reflection-completion.num", "checkins_done"],
  ["reflection-completion.den", "checkins_direct + GREATEST(interviews_reported, checkins_weekly)"],
  ["reflection-completion.extra", "checkins_direct + checkins_weekly"],
  ["open-prompt-most.num", "open_most"],
  ["open-prompt-most.den", "open_answered"],
  ["room-use.num", ROOM("adh_room")],
  ["room-use.den", ROOM("q3_room_asked")],
  ["action-follow-through.num", "tried_yes"],
  ["action-follow-through.den", "tried_asked"],
  ["wellbeing-response.den", "sisq_prompted"],
  ["support-uptake.num", "support_accepted"],
  ["support-uptake.den", "support_offered"],
  ...ADHERENCE_ITEMS.flatMap((item): [string, string][] => [
    [`adherence-${item}.num`, `adh_${snake(item)}`],
    [`adherence-${item}.den`, Q1_ITEMS.includes(item) ? "q1_answered" : `q3_${snake(item)}_asked`],
  ]),
];
/** The figures charted per week. */
const WEEKLY = SUMS.map(([figure, sql], i) => ({ figure, sql, i })).filter(({ figure }) =>
  /^(tip-ack|reflection-completion\.num|open-prompt-most|room-use)/.test(figure),
);

const list = (parts: string[]) => Prisma.raw(parts.join(", "));

/** The index of the first figure with the same SQL (whose column holds the value). */
const firstOf = (i: number) => SUMS.findIndex(([, sql]) => sql === SUMS[i]?.[1]);

function read(r: Row, sums: [string, string][]): Figures {
  return Object.fromEntries(
    sums.map(([figure], i) => {
      const j = firstOf(i);
      return [figure, tally(r[`f${j}`], r[`f${j}_o`])];
    }),
  );
}

function groupFigures(r: Row): Figures {
  const officers = tally(r.officers, r.officers);
  const active = tally(r.active, r.active);
  return {
    ...read(r, SUMS),
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
  // Identical expressions (the Q1 denominator of five items) are summed once and read back under each figure.
  const perOfficer = list(SUMS.map(([, sql], i) => `sum(${sql}) AS f${i}`).filter((_, i) => firstOf(i) === i));
  const perGroup = list(
    SUMS.map((_, i) => i)
      .filter((i) => firstOf(i) === i)
      .map((i) => `coalesce(sum(ow.f${i}), 0)::int AS f${i}, count(*) FILTER (WHERE ow.f${i} > 0)::int AS f${i}_o`),
  );
  const perWeek = list(
    WEEKLY.map(({ sql, i }) => `sum(${sql})::int AS f${i}, count(*) FILTER (WHERE (${sql}) > 0)::int AS f${i}_o`),
  );
  const [row] = await prisma.$queryRaw<{ groups: Row[] | null; weeks: Row[] | null }[]>`
    WITH ${p.base}, w AS (
      SELECT b.g, b.unit_room, w.* FROM officer_weeks w JOIN base b ON b.pseudonym = w.pseudonym
      WHERE w.week >= ${p.start} AND w.week < ${p.end}),
    ow AS (
      SELECT pseudonym, sum(interactions) AS i, sum(tips_paused) AS tp, sum(practice_approved) AS pa,
        (array_agg(share_last ORDER BY week DESC) FILTER (WHERE share_last IS NOT NULL))[1] AS share, ${perOfficer}
      FROM w GROUP BY pseudonym),
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
      SELECT to_char(week, 'YYYY-MM-DD') AS wk, count(*) FILTER (WHERE interactions > 0)::int AS active, ${perWeek}
      FROM w GROUP BY week)
    SELECT (SELECT json_agg(per_group) FROM per_group) AS groups, (SELECT json_agg(per_week) FROM per_week) AS weeks`;
  const groups = new Map<string, Figures>();
  for (const r of row?.groups ?? []) groups.set(String(r.g), groupFigures(r));
  const weeks = new Map<string, Figures>();
  for (const r of row?.weeks ?? []) {
    const figures = Object.fromEntries(WEEKLY.map(({ figure, i }) => [figure, tally(r[`f${i}`], r[`f${i}_o`])]));
    weeks.set(String(r.wk), { ...figures, "active-officers.num": tally(r.active, r.active) });
  }
  return { groups, weeks };
}
