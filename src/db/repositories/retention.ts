// Retention of operational rows: nothing Mitt keeps to run (conversation and session state, wrong invite codes,
// delivered messages) grows for ever. Each call deletes what is older than a cutoff the caller computes from the
// app's clock, and returns how many rows went.
import type { PrismaClient } from "../generated/client.ts";

export function createRetentionRepository(prisma: PrismaClient) {
  return {
    /** Session and conversation state untouched since `before`: abandoned drafts, old sessions. */
    async pruneState(before: Date): Promise<number> {
      const { count } = await prisma.kvState.deleteMany({ where: { updatedAt: { lt: before } } });
      return count;
    },

    /** Wrong invite codes matter for ten minutes (the guessing guard); older ones are only a trail. */
    async pruneEnrolFailures(before: Date): Promise<number> {
      const { count } = await prisma.enrolFailure.deleteMany({ where: { at: { lt: before } } });
      return count;
    },

    /**
     * Delivery jobs that finished (done or cancelled) before `before`, with their outbox rows (all settled by then;
     * the rows go with their job). A broadcast keeps its own row and final counts (`broadcast.finished`).
     */
    async pruneDelivery(before: Date): Promise<number> {
      const { count } = await prisma.deliveryJob.deleteMany({
        where: { status: { in: ["done", "cancelled"] }, finishedAt: { lt: before } },
      });
      return count;
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
