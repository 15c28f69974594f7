// The tip slot's outbox rows, queued in chunks by the tips job (services/tips.ts): part of the tip repository.
import type { Now } from "../../clock.js";
import type { PrismaClient } from "../generated/client.ts";
import type { TipFrequency } from "../generated/enums.ts";
import type { FilledChunk } from "./outbox-chunks.js";

export function tipSlotQueue(prisma: PrismaClient, now: Now) {
  return {
    /**
     * Queues one chunk of a tip slot: the next `limit` reachable, enrolled members (by pseudonym, after `after`)
     * whose preference matches it, in one statement. The message itself is chosen when it is sent (renderer "tip").
     */
    async queueSlotChunk(
      jobId: string,
      slot: { time: string; at: Date },
      frequencies: TipFrequency[],
      after: string | null,
      limit: number,
    ): Promise<FilledChunk> {
      const payload = JSON.stringify({ method: "sendMessage", params: {}, render: "tip" });
      const [r] = await prisma.$queryRaw<{ scanned: number; inserted: number; last: string | null }[]>`
        WITH batch AS (
          SELECT m.pseudonym FROM members m
          JOIN identities i ON i.pseudonym = m.pseudonym
          WHERE m.enrolled_at IS NOT NULL AND m.unreachable_at IS NULL
            AND m.tip_time = ${slot.time} AND m.tip_frequency = ANY(${frequencies}::"TipFrequency"[])
            AND m.pseudonym > ${after ?? ""}
          ORDER BY m.pseudonym
          LIMIT ${limit}
        ), added AS (
          INSERT INTO outbox (job_id, recipient, payload, not_before, updated_at)
          SELECT ${jobId}, pseudonym, ${payload}::jsonb, ${slot.at}, ${now()} FROM batch
          ON CONFLICT (job_id, recipient) DO NOTHING
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM batch)::int AS scanned, (SELECT count(*) FROM added)::int AS inserted,
               (SELECT max(pseudonym) FROM batch) AS last`;
      return r ?? { scanned: 0, inserted: 0, last: null };
    },
  };
}
