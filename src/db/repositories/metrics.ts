// Staff-summary aggregates for one period: per group (province, unit type, or the whole programme), per week
// (programme level) and for the programme-only metrics. A handful of SQL statements over the officer_weeks rollup
// (events and check-ins), wellbeing answers and broadcasts; rows come back as counts with the number of distinct officers
// behind each (for suppression). Nothing per person ever leaves the database.
import type { Figures, RawSummary } from "../../domain/metrics/types.js";
import type { PrismaClient } from "../generated/client.ts";
import { createMetricsSeriesRepository } from "./metrics-series.js";
import { type MetricsQuery, type Row, sqlParts, tally } from "./metrics-sql.js";
import { usageFigures } from "./metrics-usage.js";

export type { Breakdown, MetricsQuery } from "./metrics-sql.js";

/** Figures of programme-scope metrics that the per-group statements count: summed over the groups. */
const PROGRAMME_KEYS = ["wellbeing-response.den", "support-uptake.num", "support-uptake.den"];

function merge(into: Map<string, Figures>, key: string, figures: Figures) {
  into.set(key, { ...(into.get(key) ?? {}), ...figures });
}

export function createMetricsRepository(prisma: PrismaClient, timeZone: string) {
  const series = createMetricsSeriesRepository(prisma, timeZone);

  /** Retention: week N after the enrolment week falls in the period; active that week or not. */
  async function retention(q: MetricsQuery): Promise<[string, Figures][]> {
    const p = sqlParts(q, timeZone);
    const rows = await prisma.$queryRaw<Row[]>`
      WITH ${p.base}, cohort AS (
        SELECT b.pseudonym, b.g, n.k, b.week0 + 7 * n.k AS wk FROM base b CROSS JOIN (VALUES (4), (12), (26)) AS n(k)
        WHERE b.week0 + 7 * n.k >= ${p.start} AND b.week0 + 7 * n.k < ${p.end})
      SELECT c.g, c.k, count(*)::int AS cohort, count(w.pseudonym)::int AS kept
      FROM cohort c LEFT JOIN officer_weeks w ON w.pseudonym = c.pseudonym AND w.week = c.wk AND w.interactions > 0
        AND w.week >= ${p.start} AND w.week < ${p.end}
      GROUP BY c.g, c.k`;
    return rows.map((r) => [
      String(r.g),
      { [`retention-${r.k}w.num`]: tally(r.kept, r.kept), [`retention-${r.k}w.den`]: tally(r.cohort, r.cohort) },
    ]);
  }

  /** Broadcast reach per group: messages to officers of the base, delivered, blocked, 👍. */
  async function broadcasts(q: MetricsQuery): Promise<[string, Figures][]> {
    const p = sqlParts(q, timeZone);
    const rows = await prisma.$queryRaw<Row[]>`
      WITH ${p.base}, per AS (
        SELECT b.g, o.recipient, count(*) AS msgs, count(*) FILTER (WHERE o.state = 'sent') AS dl,
          count(*) FILTER (WHERE o.state = 'failed' AND o.reason = 'blocked') AS bl, count(r.pseudonym) AS us
        FROM broadcasts bc JOIN outbox o ON o.job_id = bc.job_id JOIN base b ON b.pseudonym = o.recipient
        LEFT JOIN broadcast_reactions r ON r.broadcast_id = bc.id AND r.pseudonym = o.recipient
        WHERE bc.started_at >= ${p.startAt} AND bc.started_at < ${p.endAt}
        GROUP BY b.g, o.recipient)
      SELECT g, sum(msgs)::int AS msgs, count(*)::int AS msgs_o, sum(dl)::int AS dl,
        count(*) FILTER (WHERE dl > 0)::int AS dl_o, sum(bl)::int AS bl, count(*) FILTER (WHERE bl > 0)::int AS bl_o,
        sum(us)::int AS us, count(*) FILTER (WHERE us > 0)::int AS us_o
      FROM per GROUP BY g`;
    return rows.map((r) => {
      const messages = tally(r.msgs, r.msgs_o);
      const delivered = tally(r.dl, r.dl_o);
      return [
        String(r.g),
        {
          "broadcast-delivered.num": delivered,
          "broadcast-delivered.den": messages,
          "broadcast-blocked.num": tally(r.bl, r.bl_o),
          "broadcast-blocked.den": messages,
          "broadcast-useful.num": tally(r.us, r.us_o),
          "broadcast-useful.den": delivered,
        },
      ] as [string, Figures];
    });
  }

  return {
    /** Every figure of a period, before suppression. Groups are those with at least one officer in the base. */
    async summaryFigures(q: MetricsQuery): Promise<RawSummary> {
      // Independent statements: on real Postgres they run side by side on the pool (PGlite runs them in turn).
      const [usage, kept, reach, wellbeing, programmeOnly, topics] = await Promise.all([
        usageFigures(prisma, q, timeZone),
        retention(q),
        broadcasts(q),
        series.wellbeing(q),
        series.programmeFigures(q),
        series.topicFigures(q),
      ]);
      const groups = new Map<string, Figures>();
      for (const [g, f] of usage.groups) merge(groups, g, f);
      for (const [g, f] of [...kept, ...reach]) if (groups.has(g)) merge(groups, g, f);
      const programme: Figures = { ...programmeOnly, ...wellbeing.period };
      for (const key of PROGRAMME_KEYS) {
        const sum = { n: 0, officers: 0 };
        for (const f of groups.values()) {
          sum.n += f[key]?.n ?? 0;
          sum.officers += f[key]?.officers ?? 0;
          delete f[key];
        }
        programme[key] = sum;
      }
      const weeks = new Map<string, Figures>();
      for (const [w, f] of usage.weeks) merge(weeks, w, f);
      for (const [w, f] of wellbeing.weeks) merge(weeks, w, f);
      return {
        groups: [...groups].map(([key, figures]) => ({ key, figures })),
        programme,
        weeks: [...weeks].map(([key, figures]) => ({ key, figures })),
        topics,
      };
    },

    /** The programme's first week: the Monday of the first enrolment (for "since the start"). */
    async firstWeek(): Promise<string | null> {
      const [row] = await prisma.$queryRaw<{ d: string | null }[]>`
        SELECT to_char(min(enrolled_at AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS d FROM members
        WHERE enrolled_at IS NOT NULL`;
      return row?.d ?? null;
    },
  };
}

export type MetricsRepository = ReturnType<typeof createMetricsRepository>;
