// SQL pieces shared by the staff-summary queries: the officer base with its group, the period's weeks and
// instants, and reading counts back as tallies (a count and the distinct officers behind it).
import type { Tally } from "../../domain/metrics/types.js";
import { Prisma } from "../generated/client.ts";

export type Breakdown = "none" | "province" | "unit";

export interface MetricsQuery {
  /** First Monday (YYYY-MM-DD, local), inclusive, and the Monday after the period. */
  startWeek: string;
  endWeek: string;
  breakdown: Breakdown;
}

export type Row = Record<string, number | string>;
export const tally = (n: unknown, officers: unknown): Tally => ({ n: Number(n ?? 0), officers: Number(officers ?? 0) });

/** SQL pieces shared by the metrics queries: the officer base (with its group) and the period's instants. */
export function sqlParts(q: MetricsQuery, tz: string) {
  const group =
    q.breakdown === "province"
      ? Prisma.sql`coalesce(m.province, 'unknown')`
      : q.breakdown === "unit"
        ? Prisma.sql`coalesce(m.unit_type::text, 'unknown')`
        : Prisma.sql`'all'`;
  // Officers enrolled at least 14 days before the period ends (domain.md §d: "enrolled ≥ 2 weeks").
  const base = Prisma.sql`base AS (
    SELECT m.pseudonym, ${group} AS g, m.unit_room,
           date_trunc('week', m.enrolled_at AT TIME ZONE ${tz})::date AS week0
    FROM members m
    WHERE m.role = 'officer' AND m.enrolled_at IS NOT NULL
      AND m.enrolled_at < ((${q.endWeek}::date - 14)::timestamp AT TIME ZONE ${tz}))`;
  return {
    base,
    start: Prisma.sql`${q.startWeek}::date`,
    end: Prisma.sql`${q.endWeek}::date`,
    startAt: Prisma.sql`(${q.startWeek}::date::timestamp AT TIME ZONE ${tz})`,
    endAt: Prisma.sql`(${q.endWeek}::date::timestamp AT TIME ZONE ${tz})`,
  };
}
