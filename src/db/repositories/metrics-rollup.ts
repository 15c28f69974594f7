// The officer_weeks rollup: usage_events and completed check-ins counted per person and week (Monday in the
// programme's time zone), so summaries read a few hundred thousand small rows at most, never the events.
//
// Which weeks can still change: events are written when they happen (interview-linked ones stamped with the
// Monday of the week they are written in), and a check-in keeps the week it started in and is completed within
// 24 hours or abandoned. So once a week has ended and a day has passed (FINAL_AFTER), a refresh made after that
// has its final counts. A refresh recomputes from the week that was still open at the last refresh; a new
// database builds everything once. Rows are inserted in week order, so a period's rows sit together on disk.
import { setImmediate } from "node:timers/promises";
import type { Prisma, PrismaClient } from "../generated/client.ts";
import { checkinRollupSql } from "./metrics-rollup-checkins.js";

export const ROLLUP = "officer_weeks";
const FIRST_WEEK = "1970-01-05";
const LAST_WEEK = "9999-12-27";
/** A week is final this long after it ended (completions within 24 h, plus the idle job's 10 minutes). */
const FINAL_AFTER = "25 hours";
/** The tables summaries read, whose planner statistics `analyze` refreshes. */
const ANALYZED_TABLES = [
  "members",
  "officer_weeks",
  "wellbeing_responses",
  "broadcasts",
  "broadcast_reactions",
  "outbox",
  "usage_events",
];

export interface RollupOptions {
  timeZone: string;
  /** Event types that are not something the person did (see METRIC_PASSIVE_EVENTS). */
  passive: readonly string[];
}

const EVENT_COLUMNS: [column: string, sql: string][] = [
  ["interactions", "NOT (type = ANY($3::text[])) AND NOT (type = 'tip.sent' AND attrs->>'via' = 'schedule')"],
  ["tips_sent", "type = 'tip.sent'"],
  ["tip_presses", "type IN ('tip.feedback', 'tip.quiz_answered')"],
  ["quiz_answered", "type = 'tip.quiz_answered'"],
  ["quiz_correct", "type = 'tip.quiz_answered' AND attrs->>'correct' = 'true'"],
  ["tips_paused", "type = 'tips.paused'"],
  ["checkins_direct", "type = 'checkin.started' AND attrs->>'source' IN ('command', 'menu')"],
  ["checkins_weekly", "type = 'checkin.started' AND attrs->>'source' IN ('weekly', 'next')"],
  ["sisq_prompted", "type = 'wellbeing.prompted'"],
  [
    "support_offered",
    "(type = 'escalation.offered' AND attrs->>'step' IN ('peer', 'strong', 'crisis')) OR type = 'peer.requested'",
  ],
  ["support_accepted", "type IN ('escalation.accepted', 'peer.accepted')"],
  ["practice_approved", "type = 'practice.approved'"],
];

/**
 * One INSERT for weeks [$1, $2): events and completed check-ins aggregated per person and week, joined, in week
 * order. $1, $2: the weeks; $3: passive event types; $4: the time zone.
 */
function rebuildSql(): string {
  const checkins = checkinRollupSql();
  const events = EVENT_COLUMNS.map(([c, cond]) => `count(*) FILTER (WHERE ${cond}) AS ${c}`);
  const columns = [...EVENT_COLUMNS.map(([c]) => c), "interviews_reported", ...checkins.columns, "share_last"];
  const values = [
    ...EVENT_COLUMNS.map(([c]) => `coalesce(e.${c}, 0)`),
    "coalesce(e.interviews_reported, 0)",
    ...checkins.columns.map((c) => `coalesce(c.${c}, 0)`),
    "c.share_last",
  ];
  return `
    INSERT INTO officer_weeks (pseudonym, week, ${columns.join(", ")})
    SELECT coalesce(e.pseudonym, c.pseudonym), coalesce(e.week, c.week), ${values.join(", ")}
    FROM (
      SELECT pseudonym, date_trunc('week', occurred_at AT TIME ZONE $4)::date AS week, ${events.join(", ")},
        coalesce(sum((attrs->>'count')::int) FILTER (WHERE type = 'checkin.interviews_reported'), 0) AS interviews_reported
      FROM usage_events
      WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE $4) AND occurred_at < ($2::date::timestamp AT TIME ZONE $4)
      GROUP BY 1, 2
    ) AS e
    FULL JOIN (${checkins.select}) AS c ON c.pseudonym = e.pseudonym AND c.week = e.week
    ORDER BY 2, 1`;
}

export function createMetricsRollup(prisma: PrismaClient, opts: RollupOptions) {
  const passive = [...opts.passive];
  const tz = opts.timeZone;
  const sql = rebuildSql();

  async function rebuild(tx: Prisma.TransactionClient, fromWeek: string, untilWeek = LAST_WEEK): Promise<number> {
    if (untilWeek <= fromWeek) return 0;
    await tx.$executeRaw`DELETE FROM officer_weeks WHERE week >= ${fromWeek}::date AND week < ${untilWeek}::date`;
    return tx.$executeRawUnsafe(sql, fromWeek, untilWeek, passive, tz);
  }

  async function markBuilt(tx: Prisma.TransactionClient, at: Date) {
    await tx.$executeRaw`
      INSERT INTO metric_rollups (name, built_at) VALUES (${ROLLUP}, ${at})
      ON CONFLICT (name) DO UPDATE SET built_at = EXCLUDED.built_at`;
  }

  /** The first week that may have changed since the last refresh (null: never built). */
  async function firstOpenWeek(tx: Prisma.TransactionClient | PrismaClient): Promise<string | null> {
    const [state] = await tx.$queryRaw<{ week: string }[]>`
      SELECT to_char(date_trunc('week', (built_at - ${FINAL_AFTER}::interval) AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS week
      FROM metric_rollups WHERE name = ${ROLLUP}`;
    return state?.week ?? null;
  }

  const serialised = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) =>
    prisma.$transaction(
      async (tx) => {
        // One refresh at a time across instances on real Postgres (PGlite has a single connection anyway).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mitt-metrics-rollup'))`;
        return work(tx);
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );

  return {
    /**
     * Brings the rollup up to date at `at` (the injected clock). With `untilWeek` (the Monday after a summary's
     * period), only the open weeks the summary reads are recomputed, and the state is left as it was.
     */
    async refresh(at: Date, untilWeek?: string): Promise<{ fromWeek: string; rows: number }> {
      // The usual case for a summary: every week it reads is final already, so no transaction is needed.
      const open = untilWeek ? await firstOpenWeek(prisma) : null;
      if (open && untilWeek && untilWeek <= open) return { fromWeek: open, rows: 0 };
      return serialised(async (tx) => {
        const open = await firstOpenWeek(tx);
        const fromWeek = open ?? FIRST_WEEK;
        if (open && untilWeek) return { fromWeek, rows: await rebuild(tx, fromWeek, untilWeek) };
        const rows = await rebuild(tx, fromWeek);
        await markBuilt(tx, at);
        return { fromWeek, rows };
      });
    },

    /** Rebuilds every week (for operators, and the benchmark's seeding). */
    rebuildAll(at: Date): Promise<number> {
      return serialised(async (tx) => {
        const rows = await rebuild(tx, FIRST_WEEK);
        await markBuilt(tx, at);
        return rows;
      });
    },

    /**
     * Refreshes the planner's statistics of the tables summaries read. Real Postgres does this by itself
     * (autovacuum); embedded PGlite never does, and without statistics it picks nested loops that take seconds.
     * Run by the nightly metrics-rollup job, not on every summary. One table per statement, the event loop given
     * back in between: on PGlite each ANALYZE runs on the event loop (tens to hundreds of milliseconds each).
     */
    async analyze(): Promise<void> {
      for (const [i, table] of ANALYZED_TABLES.entries()) {
        if (i > 0) await setImmediate();
        await prisma.$executeRawUnsafe(`ANALYZE ${table}`);
      }
    },
  };
}

export type MetricsRollup = ReturnType<typeof createMetricsRollup>;
