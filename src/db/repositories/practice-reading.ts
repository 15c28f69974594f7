// Reading published practice notes: browsing by topic (most useful first), reactions (one per officer, note and
// kind), the weekly digest (publishing and queuing in one transaction) and the authors' "found useful" counts.
import type { NoteParts, Reaction } from "../../domain/practice-notes.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";
import type { OutboxPayload, OutboxRowInput } from "./outbox.js";

type Tx = Prisma.TransactionClient;

export interface PublishedNote {
  id: string;
  author: string | null;
  topicId: string;
  parts: NoteParts;
  publishedMonth: Date;
  useful: number;
  tries: number;
}

interface PublishedRow {
  id: string;
  author: string | null;
  topic_id: string;
  situation: string | null;
  action: string;
  outcome: string | null;
  published_month: Date;
  useful: number;
  tries: number;
}

const fromRow = (r: PublishedRow): PublishedNote => ({
  id: r.id,
  author: r.author,
  topicId: r.topic_id,
  parts: { situation: r.situation, action: r.action, outcome: r.outcome },
  publishedMonth: r.published_month,
  useful: Number(r.useful),
  tries: Number(r.tries),
});

export interface UsefulNews {
  id: string;
  author: string;
  locale: string;
  topicId: string;
  publishedMonth: Date;
  useful: number;
}

export function createPracticeReading(prisma: PrismaClient) {
  return {
    /** Published notes per topic (topics without any are left out). */
    async publishedTopics(): Promise<{ topicId: string; count: number }[]> {
      const rows = await prisma.practiceNote.groupBy({
        by: ["topicId"],
        where: { state: "published" },
        _count: { _all: true },
      });
      return rows.map((r) => ({ topicId: r.topicId, count: r._count._all }));
    },

    /** One published note, the `index`-th of a topic (or of all) by usefulness, and how many there are. */
    async publishedAt(topicId: string | null, index: number): Promise<{ total: number; note: PublishedNote | null }> {
      const topic = topicId ? Prisma.sql`AND n.topic_id = ${topicId}` : Prisma.empty;
      const total = await prisma.practiceNote.count({ where: { state: "published", ...(topicId ? { topicId } : {}) } });
      const [row] = await prisma.$queryRaw<PublishedRow[]>`
        SELECT n.id, n.author, n.topic_id, n.situation, n.action, n.outcome, n.published_month,
               COUNT(*) FILTER (WHERE r.kind = 'useful')::int AS useful,
               COUNT(*) FILTER (WHERE r.kind = 'try')::int AS tries
        FROM practice_notes n LEFT JOIN practice_reactions r ON r.note_id = n.id
        WHERE n.state = 'published' ${topic}
        GROUP BY n.id
        ORDER BY useful DESC, n.published_month DESC, n.id
        OFFSET ${index} LIMIT 1`;
      return { total, note: row ? fromRow(row) : null };
    },

    /** Records a reaction once; false when this officer already reacted so to this note. */
    async react(noteId: string, pseudonym: string, kind: Reaction, day: Date): Promise<boolean> {
      const { count } = await prisma.practiceReaction.createMany({
        data: [{ noteId, pseudonym, kind, day }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    reportsBy: (pseudonym: string, day: Date) =>
      prisma.practiceReaction.count({ where: { pseudonym, kind: "report", day } }),

    reportsOf: (noteId: string) => prisma.practiceReaction.count({ where: { noteId, kind: "report" } }),

    /** Back in the moderation queue; hidden from readers too when `hide`. */
    async markReported(id: string, now: Date, hide: boolean): Promise<void> {
      await prisma.$executeRaw`
        UPDATE practice_notes
        SET reported_since = COALESCE(reported_since, ${now}),
            state = CASE WHEN ${hide} AND state = 'published' THEN 'hidden'::"PracticeState" ELSE state END
        WHERE id = ${id} AND state IN ('published', 'hidden')`;
    },

    /** Approved notes waiting for the digest, oldest approval first. */
    async approved(limit: number): Promise<{ id: string; author: string | null; topicId: string; parts: NoteParts }[]> {
      const rows = await prisma.practiceNote.findMany({
        where: { state: "approved" },
        orderBy: [{ waitingSince: "asc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map((n) => ({
        id: n.id,
        author: n.author,
        topicId: n.topicId,
        parts: { situation: n.situation, action: n.action, outcome: n.outcome },
      }));
    },

    /**
     * Inside the digest's delivery job (one transaction): publishes the notes with the month only, and queues
     * the digest in each reader's language for every enrolled, reachable member who did not opt out.
     */
    async publishDigest(
      tx: Tx,
      jobId: string,
      d: { ids: string[]; month: Date; at: Date; payloads: { km: OutboxPayload; en: OutboxPayload } },
    ): Promise<number> {
      await tx.practiceNote.updateMany({
        where: { id: { in: d.ids }, state: "approved" },
        data: { state: "published", publishedMonth: d.month, waitingSince: null },
      });
      const km = JSON.stringify(d.payloads.km);
      const en = JSON.stringify(d.payloads.en);
      return tx.$executeRaw`
        INSERT INTO outbox (job_id, recipient, payload, not_before, updated_at)
        SELECT ${jobId}, m.pseudonym, CASE WHEN m.locale = 'en' THEN ${en}::jsonb ELSE ${km}::jsonb END,
               ${d.at}, ${d.at}
        FROM members m JOIN identities i ON i.pseudonym = m.pseudonym
        WHERE m.enrolled_at IS NOT NULL AND m.unreachable_at IS NULL AND m.practice_digest
        ON CONFLICT (job_id, recipient) DO NOTHING`;
    },

    /** Published notes with 👍 their (still linked) author has not been told about yet. */
    async usefulNews(): Promise<UsefulNews[]> {
      const rows = await prisma.$queryRaw<(Omit<UsefulNews, "useful"> & { useful: number })[]>`
        SELECT n.id, n.author, m.locale, n.topic_id AS "topicId", n.published_month AS "publishedMonth",
               COUNT(r.*)::int AS useful
        FROM practice_notes n
        JOIN members m ON m.pseudonym = n.author
        JOIN practice_reactions r ON r.note_id = n.id AND r.kind = 'useful'
        WHERE n.state = 'published' AND n.published_month IS NOT NULL
        GROUP BY n.id, m.locale
        HAVING COUNT(r.*) > n.useful_told
        ORDER BY n.author, n.published_month, n.id`;
      return rows.map((r) => ({ ...r, useful: Number(r.useful) }));
    },

    /** Inside the notice's delivery job: remembers what each author has now been told. */
    async markUsefulTold(tx: Tx, told: { id: string; useful: number }[]): Promise<void> {
      for (const t of told) {
        await tx.practiceNote.update({ where: { id: t.id }, data: { usefulTold: t.useful } });
      }
    },

    /** Queues rows inside a delivery job's transaction (a recipient at most once per job). */
    async insertRows(tx: Tx, jobId: string, rows: OutboxRowInput[]): Promise<number> {
      const { count } = await tx.outboxMessage.createMany({
        data: rows.map((r) => ({
          jobId,
          recipient: r.recipient,
          payload: r.payload as unknown as Prisma.InputJsonValue,
        })),
        skipDuplicates: true,
      });
      return count;
    },

    async digestEnabled(pseudonym: string): Promise<boolean> {
      const m = await prisma.member.findUnique({ where: { pseudonym }, select: { practiceDigest: true } });
      return m?.practiceDigest ?? false;
    },

    async setDigest(pseudonym: string, on: boolean): Promise<void> {
      await prisma.member.updateMany({ where: { pseudonym }, data: { practiceDigest: on } });
    },
  };
}
