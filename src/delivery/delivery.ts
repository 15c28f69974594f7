// The delivery service features use: queue a job, watch it, pause, resume or cancel it. The worker does
// the sending; this only talks to the outbox and wakes the worker when there is something new.
import type { Now } from "../clock.js";
import type {
  ChunkedJob,
  ChunkFill,
  JobKind,
  JobProgress,
  OutboxRepository,
  OutboxRowInput,
} from "../db/repositories/outbox.js";
import type { DeliveryWorker } from "./worker-contract.js";

export interface Delivery {
  /** Idempotent by `key`: queuing the same key twice never sends twice. */
  queue(
    job: { key: string; kind: JobKind; urgent?: boolean },
    rows: Parameters<OutboxRepository["createJob"]>[1] | OutboxRowInput[],
  ): Promise<{ id: string; created: boolean; queued: number }>;
  /**
   * Idempotent by `key` like `queue`, for jobs too large for one statement: the rows are added a chunk at a time
   * (see src/db/repositories/outbox-chunks.ts); a fill that stopped halfway is completed by a later call.
   */
  queueInChunks(job: { key: string; kind: JobKind; urgent?: boolean }, fill: ChunkFill): Promise<ChunkedJob>;
  progress(jobId: string): Promise<JobProgress | null>;
  pause(jobId: string): Promise<boolean>;
  resume(jobId: string): Promise<boolean>;
  cancel(jobId: string): Promise<boolean>;
}

export function createDelivery(
  outbox: OutboxRepository,
  worker: Pick<DeliveryWorker, "wake" | "hold" | "unhold">,
  now: Now,
): Delivery {
  return {
    async queue(job, rows) {
      const result = await outbox.createJob(job, rows);
      if (result.created) worker.wake();
      return result;
    },
    queueInChunks: (job, fill) => outbox.createJobInChunks(job, fill, { onChunk: () => worker.wake() }),
    progress: (jobId) => outbox.progress(jobId),
    // Rows this process already claimed are handed back at once; another worker process may still send the
    // few it holds (at most about a quarter second's worth).
    async pause(jobId) {
      const ok = await outbox.setStatus(jobId, ["active"], "paused");
      if (ok) await worker.hold(jobId);
      return ok;
    },
    async resume(jobId) {
      const ok = await outbox.setStatus(jobId, ["paused"], "active");
      if (ok) worker.unhold(jobId);
      return ok;
    },
    async cancel(jobId) {
      await worker.hold(jobId);
      return outbox.cancel(jobId, now());
    },
  };
}
