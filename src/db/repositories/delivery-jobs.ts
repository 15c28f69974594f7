// Job-level control of the outbox: status (pause, resume, cancel, done) and progress counts. Part of the
// outbox repository (createOutboxRepository spreads these in); kept apart so each file stays readable.
import type { JobKind, PrismaClient } from "../generated/client.ts";

export interface JobProgress {
  id: string;
  kind: JobKind;
  status: "active" | "paused" | "cancelled" | "done";
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: Record<string, number>;
  skipped: Record<string, number>;
  remaining: number;
}

export function createJobControls(prisma: PrismaClient) {
  return {
    /** Active jobs with nothing left to send, and no rows still being added, become `done`; returns them. */
    async finishDrained(now: Date): Promise<{ id: string; kind: JobKind }[]> {
      return prisma.$queryRaw<{ id: string; kind: JobKind }[]>`
        UPDATE delivery_jobs j SET status = 'done', finished_at = ${now}
        WHERE j.status = 'active' AND NOT j.filling
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = j.id AND o.state IN ('queued', 'sending'))
        RETURNING j.id, j.kind`;
    },

    async setStatus(jobId: string, from: ("active" | "paused")[], to: "active" | "paused"): Promise<boolean> {
      const { count } = await prisma.deliveryJob.updateMany({
        where: { id: jobId, status: { in: from } },
        data: { status: to },
      });
      return count === 1;
    },

    /** Cancels a job: rows not yet sent are skipped with reason `cancelled`. */
    async cancel(jobId: string, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.deliveryJob.updateMany({
          where: { id: jobId, status: { in: ["active", "paused"] } },
          data: { status: "cancelled", finishedAt: now },
        });
        if (count !== 1) return false;
        await tx.outboxMessage.updateMany({
          where: { jobId, state: "queued" },
          data: { state: "skipped", reason: "cancelled", updatedAt: now },
        });
        return true;
      });
    },

    /** Counts by state and reason: one grouped index scan of the job's rows. */
    async progress(jobId: string): Promise<JobProgress | null> {
      const job = await prisma.deliveryJob.findUnique({ where: { id: jobId }, select: { kind: true, status: true } });
      if (!job) return null;
      const groups = await prisma.outboxMessage.groupBy({
        by: ["state", "reason"],
        where: { jobId },
        _count: { _all: true },
      });
      const p: JobProgress = {
        id: jobId,
        kind: job.kind,
        status: job.status,
        total: 0,
        queued: 0,
        sending: 0,
        sent: 0,
        failed: {},
        skipped: {},
        remaining: 0,
      };
      for (const g of groups) {
        const n = g._count._all;
        p.total += n;
        if (g.state === "failed" || g.state === "skipped") {
          const bucket = g.state === "failed" ? p.failed : p.skipped;
          const reason = g.reason ?? "unknown";
          bucket[reason] = (bucket[reason] ?? 0) + n;
        } else p[g.state] += n;
      }
      p.remaining = p.queued + p.sending;
      return p;
    },

    async findJobByKey(key: string): Promise<{ id: string; status: string } | null> {
      return prisma.deliveryJob.findUnique({ where: { key }, select: { id: true, status: true } });
    },
  };
}
