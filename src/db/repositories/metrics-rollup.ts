// The officer_weeks rollup: usage_events and completed check-ins counted per person and week (Monday in the
// programme's time zone), so summaries read a few hundred thousand small rows at most, never the events.
//
// Events are written at the time they happen (interview-linked ones at the Monday of the current week), and a
// check-in keeps the week it started in (and is finished or abandoned within a day), so only the current and the
// previous week can change: a refresh recomputes the weeks from the last built week's
// predecessor on. A new database has no state yet and builds everything once.
import type { Prisma, PrismaClient } from "../generated/client.ts";
import { checkinRollupSql } from "./metrics-rollup-checkins.js";

export const ROLLUP = "officer_weeks";
const FIRST_WEEK = "1970-01-05";
const LAST_WEEK = "9999-12-27";
const CHECKIN_SQL = checkinRollupSql();

export interface RollupOptions {
  timeZone: string;
  /** Event types that are not something the person did (see METRIC_PASSIVE_EVENTS). */
  passive: readonly string[];
}

export function createMetricsRollup(prisma: PrismaClient, opts: RollupOptions) {
  const passive = [...opts.passive];
  const tz = opts.timeZone;

  /** Recomputes the weeks from `fromWeek` up to (not including) `untilWeek`. */
  async function rebuild(tx: Prisma.TransactionClient, fromWeek: string, untilWeek = LAST_WEEK): Promise<number> {
    await tx.$executeRaw`DELETE FROM officer_weeks WHERE week >= ${fromWeek}::date AND week < ${untilWeek}::date`;
    const events = await tx.$executeRaw`
      INSERT INTO officer_weeks (pseudonym, week, interactions, tips_sent, tip_presses, quiz_answered, quiz_correct,
        tips_paused, checkins_direct, checkins_weekly, interviews_reported, sisq_prompted, support_offered,
        support_accepted, practice_approved)
      SELECT pseudonym, date_trunc('week', occurred_at AT TIME ZONE ${tz})::date,
        count(*) FILTER (WHERE NOT (type = ANY(${passive}::text[]))
                          AND NOT (type = 'tip.sent' AND attrs->>'via' = 'schedule')),
        count(*) FILTER (WHERE type = 'tip.sent'),
        count(*) FILTER (WHERE type IN ('tip.feedback', 'tip.quiz_answered')),
        count(*) FILTER (WHERE type = 'tip.quiz_answered'),
        count(*) FILTER (WHERE type = 'tip.quiz_answered' AND attrs->>'correct' = 'true'),
        count(*) FILTER (WHERE type = 'tips.paused'),
        count(*) FILTER (WHERE type = 'checkin.started' AND attrs->>'source' IN ('command', 'menu')),
        count(*) FILTER (WHERE type = 'checkin.started' AND attrs->>'source' IN ('weekly', 'next')),
        coalesce(sum((attrs->>'count')::int) FILTER (WHERE type = 'checkin.interviews_reported'), 0),
        count(*) FILTER (WHERE type = 'wellbeing.prompted'),
        count(*) FILTER (WHERE (type = 'escalation.offered' AND attrs->>'step' IN ('peer', 'strong', 'crisis'))
                          OR type = 'peer.requested'),
        count(*) FILTER (WHERE type IN ('escalation.accepted', 'peer.accepted')),
        count(*) FILTER (WHERE type = 'practice.approved')
      FROM usage_events
      WHERE occurred_at >= (${fromWeek}::date::timestamp AT TIME ZONE ${tz})
        AND occurred_at < (${untilWeek}::date::timestamp AT TIME ZONE ${tz})
      GROUP BY 1, 2`;
    const checkins = await tx.$executeRawUnsafe(CHECKIN_SQL, fromWeek, untilWeek);
    return events + checkins;
  }

  async function markBuilt(tx: Prisma.TransactionClient, week: string) {
    await tx.$executeRaw`
      INSERT INTO metric_rollups (name, built_week) VALUES (${ROLLUP}, ${week}::date)
      ON CONFLICT (name) DO UPDATE SET built_week = EXCLUDED.built_week`;
  }

  return {
    /**
     * Brings the rollup up to date at `thisWeek` (the Monday of now, local). With `untilWeek` (a summary's end),
     * only the weeks that may have changed and that the summary reads are recomputed: a period that ended before
     * the last build's previous week needs nothing. One refresh at a time: a transaction-level advisory lock
     * serialises instances on real Postgres (PGlite has a single connection anyway).
     */
    async refresh(thisWeek: string, untilWeek?: string): Promise<{ fromWeek: string; rows: number }> {
      return prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mitt-metrics-rollup'))`;
          const [state] = await tx.$queryRaw<{ built: string }[]>`
            SELECT to_char(built_week, 'YYYY-MM-DD') AS built FROM metric_rollups WHERE name = ${ROLLUP}`;
          if (state && untilWeek) {
            const fromWeek = previousWeek(state.built < thisWeek ? state.built : thisWeek);
            if (untilWeek <= fromWeek) return { fromWeek, rows: 0 };
            return { fromWeek, rows: await rebuild(tx, fromWeek, untilWeek) };
          }
          const fromWeek = state ? previousWeek(state.built < thisWeek ? state.built : thisWeek) : FIRST_WEEK;
          const rows = await rebuild(tx, fromWeek);
          await markBuilt(tx, thisWeek);
          return { fromWeek, rows };
        },
        { timeout: 10 * 60_000, maxWait: 60_000 },
      );
    },

    /**
     * Refreshes the planner's statistics of the tables summaries read. Real Postgres does this by itself
     * (autovacuum); embedded PGlite never does, and without statistics it picks nested loops that take seconds.
     * Run by the metrics-rollup job, not on every summary.
     */
    async analyze(): Promise<void> {
      await prisma.$executeRawUnsafe(
        "ANALYZE members, officer_weeks, check_ins, wellbeing_responses, broadcasts, broadcast_reactions, outbox, usage_events",
      );
    },

    /** Rebuilds everything (a tool for operators, and the benchmark's seeding). */
    async rebuildAll(thisWeek: string): Promise<number> {
      return prisma.$transaction(
        async (tx) => {
          const rows = await rebuild(tx, FIRST_WEEK);
          await markBuilt(tx, thisWeek);
          return rows;
        },
        { timeout: 30 * 60_000, maxWait: 60_000 },
      );
    },
  };
}

function previousWeek(week: string): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
}

export type MetricsRollup = ReturnType<typeof createMetricsRollup>;
