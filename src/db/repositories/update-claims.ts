// Update claims (several instances behind a load balancer): the first instance to insert an update_id handles it;
// Telegram's retries and a balancer's double delivery find the row and are ignored. A claim never marked done was
// left by an instance that died mid-update: a caller that holds the chat's lock knows nobody else is handling it and
// takes it over at once; without the lock, only once it is `staleMs` old. Either way a crash loses no update.
import type { Now } from "../../clock.js";
import type { PrismaClient } from "../generated/client.ts";

export function createUpdateClaimRepository(prisma: PrismaClient, now: Now, staleMs = 60_000) {
  return {
    /** True when this caller now owns the update. `exclusive`: the caller holds the chat's lock. */
    async claim(updateId: number, exclusive: boolean): Promise<boolean> {
      const at = now();
      const stale = new Date(at.getTime() - (exclusive ? 0 : staleMs));
      const rows = await prisma.$queryRaw<{ update_id: bigint }[]>`
        INSERT INTO update_claims (update_id, claimed_at) VALUES (${updateId}, ${at})
        ON CONFLICT (update_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
        WHERE update_claims.done_at IS NULL AND update_claims.claimed_at <= ${stale}
        RETURNING update_id`;
      return rows.length > 0;
    },
    async done(updateId: number): Promise<void> {
      await prisma.$executeRaw`UPDATE update_claims SET done_at = ${now()} WHERE update_id = ${updateId}`;
    },
    /** Telegram keeps an update for at most a day: older claims can go. */
    async deleteBefore(before: Date): Promise<number> {
      return prisma.$executeRaw`DELETE FROM update_claims WHERE claimed_at < ${before}`;
    },
  };
}

export type UpdateClaimRepository = ReturnType<typeof createUpdateClaimRepository>;
