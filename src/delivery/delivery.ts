// The delivery service features use: queue a job, watch it, pause, resume or cancel it. The worker does
// the sending; this only talks to the outbox and wakes the worker when there is something new.
import type { JobKind, JobProgress, OutboxRepository, OutboxRowInput } from "../db/repositories/outbox.js";
import type { DeliveryWorker } from "./worker.js";

export interface Delivery {
  /** Idempotent by `key`: queuing the same key twice never sends twice. */
  queue(
    job: { key: string; kind: JobKind; urgent?: boolean },
    rows: Parameters<OutboxRepository["createJob"]>[1] | OutboxRowInput[],
  ): Promise<{ id: string; created: boolean; queued: number }>;
  progress(jobId: string): Promise<JobProgress | null>;
  pause(jobId: string): Promise<boolean>;
  resume(jobId: string): Promise<boolean>;
  cancel(jobId: string): Promise<boolean>;
}

export function createDelivery(
  outbox: OutboxRepository,
  worker: Pick<DeliveryWorker, "wake">,
  now: () => Date = () => new Date(),
): Delivery {
  return {
    async queue(job, rows) {
      const result = await outbox.createJob(job, rows);
      if (result.created) worker.wake();
      return result;
    },
    progress: (jobId) => outbox.progress(jobId),
    pause: (jobId) => outbox.setStatus(jobId, ["active"], "paused"),
    async resume(jobId) {
      const ok = await outbox.setStatus(jobId, ["paused"], "active");
      if (ok) worker.wake();
      return ok;
    },
    cancel: (jobId) => outbox.cancel(jobId, now()),
  };
}
