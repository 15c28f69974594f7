// The delivery outbox: one row per (job, recipient). The unique pair is what makes "at most once per
// recipient" hold across restarts, and `FOR UPDATE SKIP LOCKED` is what keeps two workers off the same row.
// Recipients are pseudonyms; chat ids are looked up from `identities` only at send time.
import type { Now } from "../../clock.js";
import type { JobKind, OutboxState, Prisma, PrismaClient } from "../generated/client.ts";
import { createJobControls } from "./delivery-jobs.js";
import { createChunkedJobs } from "./outbox-chunks.js";

export type { JobProgress } from "./delivery-jobs.js";
export type { ChunkedJob, ChunkFill, FilledChunk } from "./outbox-chunks.js";

export type { JobKind, OutboxState };
export type DeliveryMethod = "sendMessage" | "sendPhoto" | "sendDocument";

/**
 * What to send, minus `chat_id`, built in the recipient's language when the row is queued. With `render`,
 * the message is built at send time instead by the renderer of that name (a tip is chosen when it goes out,
 * so it reflects everything the officer saw up to that moment); `meta` then carries what the renderer chose.
 */
export interface OutboxPayload {
  method: DeliveryMethod;
  params: Record<string, unknown>;
  render?: string;
  meta?: Record<string, string | number | boolean>;
}

export interface OutboxRowInput {
  recipient: string;
  payload: OutboxPayload;
  notBefore?: Date;
}

export interface ClaimedRow {
  id: bigint;
  jobId: string;
  kind: JobKind;
  urgent: boolean;
  recipient: string;
  payload: OutboxPayload;
  attempts: number;
  /** The recipient as sending needs it, read at claim time. */
  to: RecipientInfo;
}

export interface RecipientInfo {
  chatId: number | null;
  unreachable: boolean;
  quiet: { start: string; end: string } | null;
}

type Tx = Prisma.TransactionClient | PrismaClient;

/**
 * `now` is the application's clock: it stamps rows queued without their own `notBefore` (the database's now()
 * would be another clock, and a row stamped by it might never come due for a worker on the app's clock).
 */
export function createOutboxRepository(prisma: PrismaClient, now: Now) {
  return {
    ...createJobControls(prisma),
    ...createChunkedJobs(prisma, now),
    /**
     * Creates the job named `key` and queues its rows in one transaction, unless a job with that key exists
     * (then nothing changes: callers can retry safely). `fill` may insert rows with its own SQL.
     */
    async createJob(
      job: { key: string; kind: JobKind; urgent?: boolean },
      rows: OutboxRowInput[] | ((tx: Tx, jobId: string) => Promise<number>),
    ): Promise<{ id: string; created: boolean; queued: number }> {
      return prisma.$transaction(
        async (tx) => {
          const existing = await tx.deliveryJob.findUnique({ where: { key: job.key }, select: { id: true } });
          if (existing) return { id: existing.id, created: false, queued: 0 };
          const { id } = await tx.deliveryJob.create({
            data: { key: job.key, kind: job.kind, urgent: job.urgent ?? false, createdAt: now() },
            select: { id: true },
          });
          const queued = typeof rows === "function" ? await rows(tx, id) : await insertRows(tx, id, rows, now());
          return { id, created: true, queued };
        },
        { timeout: 60_000 },
      );
    },

    /** Adds rows to an existing job (duplicates of a recipient are ignored). */
    async enqueue(jobId: string, rows: OutboxRowInput[]): Promise<number> {
      return insertRows(prisma, jobId, rows, now());
    },

    /**
     * Claims up to `limit` due rows of active jobs for the worker `owner`, marking them `sending`, and returns
     * them with what sending needs to know about each recipient (one round trip).
     */
    async claim(limit: number, at: Date, owner: string): Promise<ClaimedRow[]> {
      const rows = await prisma.$queryRaw<
        {
          id: bigint;
          job_id: string;
          kind: JobKind;
          urgent: boolean;
          recipient: string;
          payload: OutboxPayload;
          attempts: number;
          chat_id: bigint | null;
          unreachable: boolean | null;
          qs: string | null;
          qe: string | null;
        }[]
      >`
        WITH picked AS (
          SELECT o.id FROM outbox o
          JOIN delivery_jobs j ON j.id = o.job_id
          WHERE o.state = 'queued' AND o.not_before <= ${at} AND j.status = 'active'
          ORDER BY o.not_before, o.id
          LIMIT ${limit}
          FOR UPDATE OF o SKIP LOCKED
        ), claimed AS (
          UPDATE outbox o
          SET state = 'sending', claimed_at = ${at}, claim_token = ${owner}, attempts = o.attempts + 1,
              updated_at = ${at}
          FROM picked, delivery_jobs j
          WHERE o.id = picked.id AND j.id = o.job_id
          RETURNING o.id, o.job_id, j.kind, j.urgent, o.recipient, o.payload, o.attempts
        )
        SELECT c.*, i.chat_id, (m.unreachable_at IS NOT NULL) AS unreachable, m.quiet_start AS qs, m.quiet_end AS qe
        FROM claimed c
        LEFT JOIN identities i ON i.pseudonym = c.recipient
        LEFT JOIN members m ON m.pseudonym = c.recipient
        ORDER BY c.id`;
      return rows.map((r) => ({
        id: r.id,
        jobId: r.job_id,
        kind: r.kind,
        urgent: r.urgent,
        recipient: r.recipient,
        payload: r.payload,
        attempts: r.attempts,
        to: {
          chatId: r.chat_id === null ? null : Number(r.chat_id),
          unreachable: Boolean(r.unreachable),
          quiet: r.qs && r.qe ? { start: r.qs, end: r.qe } : null,
        },
      }));
    },

    /**
     * Marks rows sent in one statement (the worker batches confirmations that arrive together). Like every
     * settle below, it counts only while `owner` still holds the claim; returns how many rows it settled.
     */
    async markSent(sent: { id: bigint; messageId: number }[], at: Date, owner: string): Promise<number> {
      if (!sent.length) return 0;
      const ids = sent.map((s) => s.id);
      const messageIds = sent.map((s) => s.messageId);
      return prisma.$executeRaw`
        UPDATE outbox o SET state = 'sent', telegram_message_id = v.mid, sent_at = ${at}, reason = NULL,
               claim_token = NULL, updated_at = ${at}
        FROM unnest(${ids}::bigint[], ${messageIds}::int[]) AS v(id, mid)
        WHERE o.id = v.id AND o.state = 'sending' AND o.claim_token = ${owner}`;
    },

    async markFinal(id: bigint, state: "failed" | "skipped", reason: string, at: Date, owner: string) {
      return prisma.$executeRaw`
        UPDATE outbox SET state = ${state}::"OutboxState", reason = ${reason.slice(0, 200)}, claim_token = NULL,
               updated_at = ${at}
        WHERE id = ${id} AND state = 'sending' AND claim_token = ${owner}`;
    },

    /**
     * Puts claimed rows back in the queue until `notBefore`. `refund` undoes the claim's attempt count for
     * rows that were never tried (quiet hours, pacing, a pause).
     */
    async release(ids: bigint[], notBefore: Date, refund: boolean, owner: string): Promise<number> {
      if (!ids.length) return 0;
      // A row of a job cancelled meanwhile is skipped rather than queued, so it never lingers.
      return prisma.$executeRaw`
        UPDATE outbox o
        SET state = CASE WHEN j.status = 'cancelled' THEN 'skipped'::"OutboxState" ELSE 'queued'::"OutboxState" END,
            reason = CASE WHEN j.status = 'cancelled' THEN 'cancelled' ELSE o.reason END,
            not_before = ${notBefore}, claimed_at = NULL, claim_token = NULL,
            attempts = GREATEST(0, o.attempts - ${refund ? 1 : 0}), updated_at = ${now()}
        FROM delivery_jobs j
        WHERE j.id = o.job_id AND o.id = ANY(${ids}::bigint[]) AND o.state = 'sending' AND o.claim_token = ${owner}`;
    },

    /** Rows left `sending` by a worker that died (claimed before `olderThan`) go back to the queue. */
    async requeueStale(olderThan: Date): Promise<number> {
      return prisma.$executeRaw`
        UPDATE outbox o
        SET state = CASE WHEN j.status = 'cancelled' THEN 'skipped'::"OutboxState" ELSE 'queued'::"OutboxState" END,
            reason = CASE WHEN j.status = 'cancelled' THEN 'cancelled' ELSE o.reason END,
            claimed_at = NULL, claim_token = NULL, updated_at = ${now()}
        FROM delivery_jobs j
        WHERE j.id = o.job_id AND o.state = 'sending' AND o.claimed_at < ${olderThan}`;
    },

    /** Rows per state (for /metrics). */
    async countByState(): Promise<Record<string, number>> {
      const rows = await prisma.$queryRaw<{ state: string; n: bigint }[]>`
        SELECT state::text AS state, count(*) AS n FROM outbox GROUP BY state`;
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    },

    /** Rows due now and not yet sent (for /readyz). */
    async dueBacklog(at: Date): Promise<number> {
      const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM outbox WHERE state = 'queued' AND not_before <= ${at}`;
      return Number(row?.n ?? 0);
    },

    /**
     * Retention: message bodies of settled rows older than `before` are emptied (a peer-support note or a
     * broadcast text need not outlive the retention period); state, reason and counts stay for reports.
     */
    async clearSettledPayloads(before: Date): Promise<number> {
      return prisma.$executeRaw`
        UPDATE outbox SET payload = '{}'::jsonb
        WHERE state IN ('sent', 'failed', 'skipped') AND updated_at < ${before} AND payload <> '{}'::jsonb`;
    },
  };
}

async function insertRows(tx: Tx, jobId: string, rows: OutboxRowInput[], at: Date): Promise<number> {
  let queued = 0;
  // Chunks keep each statement well under Postgres' parameter limit.
  for (let i = 0; i < rows.length; i += 1000) {
    const { count } = await tx.outboxMessage.createMany({
      data: rows.slice(i, i + 1000).map((r) => ({
        jobId,
        recipient: r.recipient,
        payload: r.payload as unknown as Prisma.InputJsonValue,
        notBefore: r.notBefore ?? at,
        updatedAt: at,
      })),
      skipDuplicates: true,
    });
    queued += count;
  }
  return queued;
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
