// Group commit for the statements of /tip and its buttons: the officers' views read for choosing a next tip, and a
// view or a feedback written with its usage event. Updates handled at the same time share one statement of each
// kind instead of one each (DataLoader collects what is asked until the event loop is next free), so a burst after a
// tip slot costs a few statements, not one per officer. Nothing changes for the caller: each call still resolves
// once its own row is read or written, so a reply still goes out after its view is recorded.
// A batch that fails is tried again row by row, so a row that cannot be written fails alone.
import DataLoader from "dataloader";
import type { SeenTip } from "../../domain/next-tip.js";
import type { PrismaClient } from "../generated/client.ts";

/** A usage event written together with a tip view (already validated against the catalogue). */
export interface ViewEvent {
  type: string;
  attrs: Record<string, unknown>;
  occurredAt: Date;
}

export interface OfficerViews {
  views: SeenTip[];
  focus: string[];
}

export interface SentRow {
  pseudonym: string;
  tipId: string;
  at: Date;
  event: ViewEvent;
}

export interface FeedbackRow {
  pseudonym: string;
  tipId: string;
  at: Date;
  helpful: boolean;
  reviewAgain: boolean;
  event: ViewEvent;
}

/** Rows per statement: PostgreSQL takes arrays of any length, this only bounds one statement's time. */
const MAX_BATCH = 200;

const options = {
  cache: false,
  maxBatchSize: MAX_BATCH,
  // Until the event loop is free rather than DataLoader's default (the end of the current tick): updates of one
  // getUpdates answer reach their statement a few promise turns apart.
  batchScheduleFn: (run: () => void) => setImmediate(run),
} as const;

/**
 * Splits rows into rounds in which each (pseudonym, tip) appears once: one INSERT … ON CONFLICT DO UPDATE may not
 * touch a row twice (a scheduled tip and a /tip of the same tip for the same officer can meet in one batch).
 */
function rounds<T extends { pseudonym: string; tipId: string }>(rows: readonly T[]): T[][] {
  const out: { keys: Set<string>; rows: T[] }[] = [];
  for (const row of rows) {
    const key = `${row.pseudonym}\u0000${row.tipId}`;
    let round = out.find((r) => !r.keys.has(key));
    if (!round) {
      round = { keys: new Set(), rows: [] };
      out.push(round);
    }
    round.keys.add(key);
    round.rows.push(row);
  }
  return out.map((r) => r.rows);
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

/** Writes rows a round at a time; if a round's statement fails, each of its rows alone, so only a bad row fails. */
function writer<T extends { pseudonym: string; tipId: string }>(write: (rows: T[]) => Promise<unknown>) {
  return async (rows: readonly T[]): Promise<(undefined | Error)[]> => {
    const results = new Map<T, undefined | Error>();
    for (const round of rounds(rows)) {
      try {
        await write(round);
        for (const row of round) results.set(row, undefined);
      } catch (err) {
        for (const row of round)
          results.set(row, round.length === 1 ? asError(err) : await write([row]).then(() => undefined, asError));
      }
    }
    return rows.map((row) => results.get(row));
  };
}

const eventColumns = (rows: { event: ViewEvent }[]) => ({
  types: rows.map((r) => r.event.type),
  attrs: rows.map((r) => JSON.stringify(r.event.attrs)),
  occurred: rows.map((r) => r.event.occurredAt.toISOString()),
});

export function tipViewBatches(prisma: PrismaClient) {
  const reads = new DataLoader<string, OfficerViews>(async (pseudonyms) => {
    // One row per officer asked, in the order asked (WITH ORDINALITY), each from two index lookups.
    const rows = await prisma.$queryRaw<OfficerViews[]>`
      SELECT
        (SELECT coalesce(json_agg(json_build_array(tip_id, review_again OR quiz_correct IS FALSE,
                                                   (extract(epoch FROM last_sent_at) * 1000)::bigint)), '[]')
         FROM tip_views WHERE pseudonym = asked.pseudonym) AS views,
        (SELECT coalesce(array_agg(topic_id), '{}') FROM focus_topics WHERE pseudonym = asked.pseudonym) AS focus
      FROM unnest(${pseudonyms}::text[]) WITH ORDINALITY AS asked(pseudonym, n)
      ORDER BY asked.n`;
    return pseudonyms.map((_, i) => rows[i] ?? { views: [], focus: [] });
  }, options);

  const sent = new DataLoader<SentRow, undefined>(
    writer<SentRow>(async (rows) => {
      const { types, attrs, occurred } = eventColumns(rows);
      await prisma.$executeRaw`
        WITH input AS (
          SELECT * FROM unnest(${rows.map((r) => r.pseudonym)}::text[], ${rows.map((r) => r.tipId)}::text[],
                               ${rows.map((r) => r.at.toISOString())}::timestamptz[], ${types}::text[],
                               ${attrs}::jsonb[], ${occurred}::timestamptz[])
                   AS t(pseudonym, tip_id, at, type, attrs, occurred_at)
        ), v AS (
          INSERT INTO tip_views (pseudonym, tip_id, times_sent, last_sent_at)
          SELECT pseudonym, tip_id, 1, at FROM input
          ON CONFLICT (pseudonym, tip_id) DO UPDATE
            SET times_sent = tip_views.times_sent + 1, last_sent_at = EXCLUDED.last_sent_at, review_again = false
        )
        INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
        SELECT pseudonym, type, attrs, occurred_at FROM input`;
    }),
    options,
  );

  const feedback = new DataLoader<FeedbackRow, undefined>(
    writer<FeedbackRow>(async (rows) => {
      const { types, attrs, occurred } = eventColumns(rows);
      await prisma.$executeRaw`
        WITH input AS (
          SELECT * FROM unnest(${rows.map((r) => r.pseudonym)}::text[], ${rows.map((r) => r.tipId)}::text[],
                               ${rows.map((r) => r.at.toISOString())}::timestamptz[], ${rows.map((r) => r.helpful)}::boolean[],
                               ${rows.map((r) => r.reviewAgain)}::boolean[], ${types}::text[], ${attrs}::jsonb[],
                               ${occurred}::timestamptz[])
                   AS t(pseudonym, tip_id, at, helpful, review_again, type, attrs, occurred_at)
        ), v AS (
          INSERT INTO tip_views (pseudonym, tip_id, times_sent, last_sent_at, helpful, review_again)
          SELECT pseudonym, tip_id, 1, at, helpful, review_again FROM input
          ON CONFLICT (pseudonym, tip_id) DO UPDATE
            SET helpful = tip_views.helpful OR EXCLUDED.helpful,
                review_again = tip_views.review_again OR EXCLUDED.review_again
        )
        INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
        SELECT pseudonym, type, attrs, occurred_at FROM input`;
    }),
    options,
  );

  // A row's Error in a batch's answer rejects that row's load only (DataLoader).
  return {
    views: (pseudonym: string): Promise<OfficerViews> => reads.load(pseudonym),
    recordSent: async (row: SentRow): Promise<void> => {
      await sent.load(row);
    },
    setFeedback: async (row: FeedbackRow): Promise<void> => {
      await feedback.load(row);
    },
  };
}
