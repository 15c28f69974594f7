// A broadcast's audience: counted, and queued into the outbox a chunk at a time, each in one SQL statement over
// members ⋈ identities (nobody is loaded into memory). Part of the broadcast repository (broadcasts.ts).
import type { Audience } from "../../domain/broadcast-draft.js";
import { localDate } from "../../domain/local-time.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";
import type { FilledChunk, OutboxPayload } from "./outbox.js";

/** Enrolled, reachable members with an identity who match the filters. `m` is members, `i` identities. */
function audienceSql(a: Audience, now: Date, timeZone: string): Prisma.Sql {
  const roles = a.includeTrainers ? ["officer", "trainer"] : ["officer"];
  // Activity is kept as a local calendar day (see identify middleware): inactive ≥ N days means the last
  // active day is at least N days before today.
  const cutoff = a.inactiveDays
    ? new Date(localDate(now, timeZone).getTime() - a.inactiveDays * 86_400_000).toISOString().slice(0, 10)
    : null;
  return Prisma.sql`
    m.enrolled_at IS NOT NULL AND m.unreachable_at IS NULL
    AND m.role::text = ANY(${roles}::text[])
    AND (cardinality(${a.provinces}::text[]) = 0 OR m.province = ANY(${a.provinces}::text[]))
    AND (cardinality(${a.unitTypes}::text[]) = 0 OR m.unit_type::text = ANY(${a.unitTypes}::text[]))
    AND (${a.locale}::text IS NULL OR m.locale = ${a.locale}::text)
    AND (${cutoff}::date IS NULL OR m.last_active_on IS NULL OR m.last_active_on <= ${cutoff}::date)`;
}

export function broadcastAudienceQueries(prisma: PrismaClient, timeZone: string) {
  const audienceWhere = (a: Audience, now: Date) => audienceSql(a, now, timeZone);
  return {
    async countAudience(a: Audience, now: Date): Promise<number> {
      const [row] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM members m JOIN identities i ON i.pseudonym = m.pseudonym
        WHERE ${audienceWhere(a, now)}`;
      return row?.n ?? 0;
    },

    /**
     * One chunk of the outbox rows: the next `limit` recipients (by pseudonym, after `after`), each in their
     * language, in one INSERT … SELECT (src/db/repositories/outbox-chunks.ts calls it until the audience is done).
     */
    async insertRecipients(
      jobId: string,
      a: Audience,
      payloads: { km: OutboxPayload; en: OutboxPayload },
      now: Date,
      after: string | null,
      limit: number,
    ): Promise<FilledChunk> {
      const [r] = await prisma.$queryRaw<FilledChunk[]>`
        WITH batch AS (
          SELECT m.pseudonym, m.locale FROM members m JOIN identities i ON i.pseudonym = m.pseudonym
          WHERE ${audienceWhere(a, now)} AND m.pseudonym > ${after ?? ""}
          ORDER BY m.pseudonym
          LIMIT ${limit}
        ), added AS (
          INSERT INTO outbox (job_id, recipient, payload, not_before, updated_at)
          SELECT ${jobId}, pseudonym,
                 CASE WHEN locale = 'en' THEN ${JSON.stringify(payloads.en)}::jsonb
                      ELSE ${JSON.stringify(payloads.km)}::jsonb END,
                 ${now}, ${now}
          FROM batch
          ON CONFLICT (job_id, recipient) DO NOTHING
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM batch)::int AS scanned, (SELECT count(*) FROM added)::int AS inserted,
               (SELECT max(pseudonym) FROM batch) AS last`;
      return r ?? { scanned: 0, inserted: 0, last: null };
    },
  };
}
