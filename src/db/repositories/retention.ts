// Retention of operational rows: nothing Mitt keeps to run (conversation and session state, wrong invite codes,
// delivered messages) grows for ever. Each call deletes what is older than a cutoff the caller computes from the
// app's clock, and returns how many rows went, in chunks (chunked.ts) so a backlog never stalls updates.
import type { PrismaClient } from "../generated/client.ts";
import { CHUNK_ROWS, untilDone } from "./chunked.js";

/** Finished delivery jobs per chunk: each takes its outbox rows with it (up to one per officer). */
const JOBS_PER_CHUNK = 20;

export function createRetentionRepository(prisma: PrismaClient) {
  return {
    /** Session and conversation state untouched since `before`: abandoned drafts, old sessions. */
    async pruneState(before: Date): Promise<number> {
      return untilDone(CHUNK_ROWS, async (take) => {
        const rows = await prisma.kvState.findMany({
          where: { updatedAt: { lt: before } },
          select: { key: true },
          take,
        });
        if (!rows.length) return 0;
        await prisma.kvState.deleteMany({ where: { key: { in: rows.map((r) => r.key) }, updatedAt: { lt: before } } });
        return rows.length;
      });
    },

    /** Wrong invite codes matter for ten minutes (the guessing guard); older ones are only a trail. */
    async pruneEnrolFailures(before: Date): Promise<number> {
      return untilDone(CHUNK_ROWS, async (take) => {
        const rows = await prisma.enrolFailure.findMany({ where: { at: { lt: before } }, select: { id: true }, take });
        if (!rows.length) return 0;
        await prisma.enrolFailure.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
        return rows.length;
      });
    },

    /**
     * Delivery jobs that finished (done or cancelled) before `before`, with their outbox rows (all settled by then;
     * the rows go with their job). A broadcast keeps its own row and final counts (`broadcast.finished`).
     */
    async pruneDelivery(before: Date): Promise<number> {
      const where = { status: { in: ["done" as const, "cancelled" as const] }, finishedAt: { lt: before } };
      return untilDone(JOBS_PER_CHUNK, async (take) => {
        const jobs = await prisma.deliveryJob.findMany({ where, select: { id: true }, take });
        if (!jobs.length) return 0;
        await prisma.deliveryJob.deleteMany({ where: { ...where, id: { in: jobs.map((j) => j.id) } } });
        return jobs.length;
      });
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
