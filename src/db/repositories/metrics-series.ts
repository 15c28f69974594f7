// Programme-level staff-summary aggregates: quiz answers per tip topic, the weekly stress answers (per week and
// for the period, in one statement) and the metrics that are never broken down (activation, broadcasts sent).
import type { Figures } from "../../domain/metrics/types.js";
import type { PrismaClient } from "../generated/client.ts";
import { type MetricsQuery, type Row, sqlParts, tally } from "./metrics-sql.js";

function wellbeingFigures(r: Row): Figures {
  const answers = tally(r.n, r.n_o);
  return {
    "wellbeing-response.num": answers,
    "wellbeing-high.num": tally(r.high, r.high_o),
    "wellbeing-high.den": answers,
    "wellbeing-mean.sum": tally(r.total, r.n_o),
    "wellbeing-mean.den": answers,
  };
}

export function createMetricsSeriesRepository(prisma: PrismaClient, timeZone: string) {
  const programmeLevel = (q: MetricsQuery) => sqlParts({ ...q, breakdown: "none" }, timeZone);

  /** SISQ answers of the base, per officer first (no DISTINCT), for each week and for the whole period. */
  async function wellbeing(q: MetricsQuery): Promise<Row[]> {
    const p = programmeLevel(q);
    return prisma.$queryRaw<Row[]>`
      WITH ${p.base}, per AS (
        SELECT r.week, r.pseudonym, count(*) AS n, sum(r.score) AS total, count(*) FILTER (WHERE r.score >= 4) AS high
        FROM wellbeing_responses r JOIN base b ON b.pseudonym = r.pseudonym
        WHERE r.source = 'sisq' AND r.week >= ${p.start} AND r.week < ${p.end}
        GROUP BY r.week, r.pseudonym)
      SELECT CASE WHEN GROUPING(week) = 1 THEN 'all' ELSE to_char(week, 'YYYY-MM-DD') END AS wk,
        sum(n)::int AS n, count(DISTINCT pseudonym)::int AS n_o, sum(total)::int AS total, sum(high)::int AS high,
        count(DISTINCT pseudonym) FILTER (WHERE high > 0)::int AS high_o
      FROM per GROUP BY GROUPING SETS ((week), ())`;
  }

  return {
    /** The weekly stress answers: the period's figures and each week's. */
    async wellbeing(q: MetricsQuery): Promise<{ period: Figures; weeks: Map<string, Figures> }> {
      const rows = await wellbeing(q);
      const weeks = new Map(rows.filter((r) => r.wk !== "all").map((r) => [String(r.wk), wellbeingFigures(r)]));
      return { period: wellbeingFigures(rows.find((r) => r.wk === "all") ?? {}), weeks };
    },

    /** Quiz answers per tip topic (programme level). */
    async topicFigures(q: MetricsQuery): Promise<{ key: string; figures: Figures }[]> {
      const p = programmeLevel(q);
      const rows = await prisma.$queryRaw<Row[]>`
        WITH ${p.base}, per AS (
          SELECT e.attrs->>'topic' AS topic, e.pseudonym, count(*) AS qa,
            count(*) FILTER (WHERE e.attrs->>'correct' = 'true') AS qc
          FROM usage_events e JOIN base b ON b.pseudonym = e.pseudonym
          WHERE e.type = 'tip.quiz_answered' AND e.occurred_at >= ${p.startAt} AND e.occurred_at < ${p.endAt}
          GROUP BY 1, 2)
        SELECT topic, sum(qa)::int AS qa, count(*)::int AS qa_o, sum(qc)::int AS qc,
          count(*) FILTER (WHERE qc > 0)::int AS qc_o
        FROM per GROUP BY topic ORDER BY topic`;
      return rows.map((r) => ({
        key: String(r.topic),
        figures: { "quiz-accuracy.num": tally(r.qc, r.qc_o), "quiz-accuracy.den": tally(r.qa, r.qa_o) },
      }));
    },

    /** Metrics never broken down: activation and broadcasts sent. */
    async programmeFigures(q: MetricsQuery): Promise<Figures> {
      const p = programmeLevel(q);
      const [invites] = await prisma.$queryRaw<Row[]>`
        SELECT coalesce(sum(uses), 0)::int AS used,
          coalesce(sum(CASE WHEN revoked_at IS NULL THEN max_uses ELSE uses END), 0)::int AS seats,
          (SELECT count(*)::int FROM broadcasts WHERE started_at >= ${p.startAt} AND started_at < ${p.endAt}) AS sent
        FROM invites WHERE role = 'officer' AND created_at >= ${p.startAt} AND created_at < ${p.endAt}`;
      return {
        "activation.num": tally(invites?.used, invites?.used),
        "activation.den": tally(invites?.seats, invites?.seats),
        "broadcasts-sent.num": tally(invites?.sent, invites?.sent),
      };
    },
  };
}

export type MetricsSeriesRepository = ReturnType<typeof createMetricsSeriesRepository>;
