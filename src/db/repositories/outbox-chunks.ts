// Jobs too large for one statement (a tip slot reaches every officer due then): the job row first, marked
// `filling`, then its rows a chunk at a time, each chunk a statement of its own with the event loop given back in
// between. On embedded PGlite a statement runs on the event loop itself: 1,000 rows in one INSERT held every
// update for 100-400 ms, and inside a transaction every other query waits for its end anyway.
// Rows may go out while the rest is added; a job is not finished while `filling` (delivery-jobs.ts). If the
// process stops halfway, queueing the same key again once the fill is stale adds the rest (rows are unique per job
// and recipient) and then clears the mark, so a slot still reaches everyone once. A fill still under way (this
// process or another) is left to its filler.
import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import type { Now } from "../../clock.js";
import type { JobKind, PrismaClient } from "../generated/client.ts";

/** A fill whose job is older than this is taken to have stopped (a fill of thousands takes seconds). */
export const STALE_FILL_MS = 120_000;

/** Recipients per statement: 100 cost 10-30 ms of PGlite time on a busy 2-vCPU machine; 50 keeps each chunk short. */
export const FILL_CHUNK = 50;

export interface FilledChunk {
  /** Recipients this chunk looked at (fewer than the limit: the fill is complete). */
  scanned: number;
  /** Rows it added (a resumed fill finds some already there). */
  inserted: number;
  /** The last recipient it looked at: the next chunk starts after it. */
  last: string | null;
}

/** Adds the rows of up to `limit` recipients after `after` (null: from the start), in the fill's own order. */
export type ChunkFill = (jobId: string, after: string | null, limit: number) => Promise<FilledChunk>;

export interface ChunkedJob {
  id: string;
  /** This call filled the job (including the rest of a stopped fill). */
  created: boolean;
  queued: number;
  /** Every row is in (false: another call is still filling it). */
  complete: boolean;
}

export interface ChunkOptions {
  chunk?: number;
  /** Called after each chunk (the delivery service wakes its worker, so the first rows go out early). */
  onChunk?: () => void;
}

export function createChunkedJobs(prisma: PrismaClient, now: Now) {
  return {
    /**
     * Creates the job named `key` and fills it chunk by chunk, unless a job with that key exists (then nothing
     * changes), or completes a stale stopped fill.
     */
    async createJobInChunks(
      job: { key: string; kind: JobKind; urgent?: boolean },
      fill: ChunkFill,
      opts: ChunkOptions = {},
    ): Promise<ChunkedJob> {
      const size = opts.chunk ?? FILL_CHUNK;
      const fresh = await prisma.$queryRaw<{ id: string }[]>`
        INSERT INTO delivery_jobs (id, key, kind, status, urgent, created_at, filling)
        VALUES (${randomUUID()}, ${job.key}, ${job.kind}::"JobKind", 'active', ${job.urgent ?? false}, ${now()}, true)
        ON CONFLICT (key) DO NOTHING
        RETURNING id`;
      let id = fresh[0]?.id;
      if (!id) {
        const [existing] = await prisma.$queryRaw<{ id: string; filling: boolean; created_at: Date }[]>`
          SELECT id, filling, created_at FROM delivery_jobs WHERE key = ${job.key}`;
        if (!existing) throw new Error(`delivery job ${job.key} neither created nor found`);
        const stale = existing.created_at.getTime() < now().getTime() - STALE_FILL_MS;
        if (!existing.filling || !stale)
          return { id: existing.id, created: false, queued: 0, complete: !existing.filling };
        id = existing.id;
      }
      let queued = 0;
      let after: string | null = null;
      for (;;) {
        const chunk = await fill(id, after, size);
        queued += chunk.inserted;
        opts.onChunk?.();
        if (chunk.scanned < size || chunk.last === null) break;
        after = chunk.last;
        await setImmediate();
      }
      await prisma.$executeRaw`UPDATE delivery_jobs SET filling = false WHERE id = ${id}`;
      return { id, created: true, queued, complete: true };
    },
  };
}
