// Tips and what each officer has seen of them. Content tips come from content/tips (synced at start-up,
// archived rather than deleted); trainers' tips live only here. Selection for spaced repetition is one SQL
// query, so it never loads an officer's whole history.
import { randomBytes } from "node:crypto";
import type { ContentTip, TipLibrary, TipQuiz } from "../../content/tips.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";
import type { TipFrequency } from "../generated/enums.ts";

export interface TipRecord {
  id: string;
  topicId: string;
  topicKm: string;
  topicEn: string;
  textKm: string;
  textEn: string;
  source: string;
  quiz: TipQuiz | null;
  origin: "content" | "trainer";
  archived: boolean;
}

export interface TopicRecord {
  id: string;
  position: number;
  nameKm: string;
  nameEn: string;
  tips: number;
}

export interface SyncReport {
  created: number;
  updated: number;
  archived: number;
  unchanged: number;
}

type Tx = Prisma.TransactionClient;

export function createTipRepository(prisma: PrismaClient) {
  const topicNames = async () =>
    new Map((await prisma.tipTopic.findMany()).map((t) => [t.id, { km: t.nameKm, en: t.nameEn }]));

  return {
    /** Loads the content library idempotently: new tips are created, edited ones updated, removed ones archived. */
    async sync(library: TipLibrary): Promise<SyncReport> {
      return prisma.$transaction(
        async (tx) => {
          for (const t of library.topics) {
            await tx.tipTopic.upsert({
              where: { id: t.id },
              create: { id: t.id, position: t.position, nameKm: t.name.km, nameEn: t.name.en },
              update: { position: t.position, nameKm: t.name.km, nameEn: t.name.en },
            });
          }
          const existing = new Map(
            (await tx.tip.findMany({ where: { origin: "content" } })).map((row) => [row.id, row]),
          );
          const report: SyncReport = { created: 0, updated: 0, archived: 0, unchanged: 0 };
          for (const tip of library.tips) {
            const data = contentRow(tip);
            const row = existing.get(tip.id);
            existing.delete(tip.id);
            if (!row) {
              await tx.tip.create({ data: { id: tip.id, origin: "content", ...data } });
              report.created++;
            } else if ((row.archivedAt && !row.archivedBy) || differs(row, data)) {
              // A tip a trainer archived stays archived; one that sync archived comes back with its file.
              await tx.tip.update({
                where: { id: tip.id },
                data: row.archivedBy ? data : { ...data, archivedAt: null },
              });
              report.updated++;
            } else report.unchanged++;
          }
          const removed = [...existing.values()].filter((r) => !r.archivedAt).map((r) => r.id);
          if (removed.length) {
            await tx.tip.updateMany({ where: { id: { in: removed } }, data: { archivedAt: new Date() } });
          }
          report.archived = removed.length;
          return report;
        },
        { timeout: 60_000 },
      );
    },

    /**
     * The next tip for an officer: the first unseen tip in curriculum order, preferring topics they marked
     * "to improve"; once all are seen, tips marked "review again" or quizzed wrong, then the longest unseen.
     */
    async nextFor(pseudonym: string): Promise<string | null> {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT t.id
        FROM tips t
        JOIN tip_topics tp ON tp.id = t.topic_id
        LEFT JOIN tip_views v ON v.tip_id = t.id AND v.pseudonym = ${pseudonym}
        LEFT JOIN focus_topics f ON f.topic_id = t.topic_id AND f.pseudonym = ${pseudonym}
        WHERE t.archived_at IS NULL
        ORDER BY (v.tip_id IS NOT NULL),
                 (f.topic_id IS NULL),
                 (v.tip_id IS NOT NULL AND NOT (v.review_again OR v.quiz_correct IS FALSE)),
                 CASE WHEN v.tip_id IS NULL THEN tp.position END,
                 CASE WHEN v.tip_id IS NULL THEN t.position END,
                 v.last_sent_at,
                 tp.position, t.position
        LIMIT 1`;
      return rows[0]?.id ?? null;
    },

    async get(id: string): Promise<TipRecord | null> {
      const row = await prisma.tip.findUnique({ where: { id } });
      if (!row) return null;
      const names = (await topicNames()).get(row.topicId) ?? { km: row.topicId, en: row.topicId };
      return toRecord(row, names);
    },

    async topics(): Promise<TopicRecord[]> {
      const [topics, counts] = await Promise.all([
        prisma.tipTopic.findMany({ orderBy: { position: "asc" } }),
        prisma.tip.groupBy({ by: ["topicId"], where: { archivedAt: null }, _count: { _all: true } }),
      ]);
      const n = new Map(counts.map((c) => [c.topicId, c._count._all]));
      return topics.map((t) => ({
        id: t.id,
        position: t.position,
        nameKm: t.nameKm,
        nameEn: t.nameEn,
        tips: n.get(t.id) ?? 0,
      }));
    },

    async inTopic(topicId: string): Promise<TipRecord[]> {
      const names = (await topicNames()).get(topicId);
      if (!names) return [];
      const rows = await prisma.tip.findMany({ where: { topicId, archivedAt: null }, orderBy: { position: "asc" } });
      return rows.map((r) => toRecord(r, names));
    },

    /** A tip went out: count it, and a "review again" request is now satisfied. */
    async recordSent(pseudonym: string, tipId: string, at: Date): Promise<void> {
      await prisma.tipView.upsert({
        where: { pseudonym_tipId: { pseudonym, tipId } },
        create: { pseudonym, tipId, lastSentAt: at },
        update: { timesSent: { increment: 1 }, lastSentAt: at, reviewAgain: false },
      });
    },

    async setFeedback(pseudonym: string, tipId: string, feedback: { helpful?: boolean; reviewAgain?: boolean }) {
      await prisma.tipView.upsert({
        where: { pseudonym_tipId: { pseudonym, tipId } },
        create: { pseudonym, tipId, lastSentAt: new Date(), ...feedback },
        update: feedback,
      });
    },

    async recordQuiz(pseudonym: string, tipId: string, correct: boolean): Promise<void> {
      await prisma.tipView.upsert({
        where: { pseudonym_tipId: { pseudonym, tipId } },
        create: { pseudonym, tipId, lastSentAt: new Date(), quizCorrect: correct },
        update: { quizCorrect: correct },
      });
    },

    /** A trainer's own tip (database only), placed after the topic's other tips. */
    async addTrainerTip(input: { topicId: string; textKm: string; textEn: string; createdBy: string }) {
      const last = await prisma.tip.aggregate({ where: { topicId: input.topicId }, _max: { position: true } });
      const id = `t-${randomBytes(4).toString("hex")}`;
      await prisma.tip.create({
        data: {
          id,
          topicId: input.topicId,
          position: (last._max.position ?? 0) + 1,
          textKm: input.textKm,
          textEn: input.textEn,
          source: "trainer",
          origin: "trainer",
          createdBy: input.createdBy,
        },
      });
      return id;
    },

    /** A trainer archives a tip (`by` is their pseudonym); content sync will not bring it back. */
    async archive(id: string, by: string): Promise<boolean> {
      const { count } = await prisma.tip.updateMany({
        where: { id, archivedAt: null },
        data: { archivedAt: new Date(), archivedBy: by },
      });
      return count === 1;
    },

    /**
     * Queues one tip slot for every reachable, enrolled member whose preference matches it, in one statement.
     * The message itself is chosen when it is sent (renderer "tip").
     */
    async queueSlot(tx: Tx, jobId: string, slot: { time: string; at: Date }, frequencies: TipFrequency[]) {
      const payload = JSON.stringify({ method: "sendMessage", params: {}, render: "tip" });
      return tx.$executeRaw`
        INSERT INTO outbox (job_id, recipient, payload, not_before, updated_at)
        SELECT ${jobId}, m.pseudonym, ${payload}::jsonb, ${slot.at}, now()
        FROM members m
        JOIN identities i ON i.pseudonym = m.pseudonym
        WHERE m.enrolled_at IS NOT NULL AND m.unreachable_at IS NULL
          AND m.tip_time = ${slot.time} AND m.tip_frequency::text = ANY(${frequencies}::text[])
        ON CONFLICT (job_id, recipient) DO NOTHING`;
    },
  };
}

function contentRow(tip: ContentTip) {
  return {
    topicId: tip.topicId,
    position: tip.position,
    textKm: tip.text.km,
    textEn: tip.text.en,
    source: tip.source,
    quiz: tip.quiz ? (tip.quiz as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
  };
}

function differs(
  row: { topicId: string; position: number; textKm: string; textEn: string; source: string; quiz: unknown },
  data: ReturnType<typeof contentRow>,
): boolean {
  return (
    row.topicId !== data.topicId ||
    row.position !== data.position ||
    row.textKm !== data.textKm ||
    row.textEn !== data.textEn ||
    row.source !== data.source ||
    canonical(row.quiz ?? null) !== canonical(data.quiz === Prisma.DbNull ? null : data.quiz)
  );
}

/** JSON with sorted keys: Postgres' jsonb does not keep the key order the content file had. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function toRecord(
  row: {
    id: string;
    topicId: string;
    textKm: string;
    textEn: string;
    source: string;
    quiz: unknown;
    origin: string;
    archivedAt: Date | null;
  },
  names: { km: string; en: string },
): TipRecord {
  return {
    id: row.id,
    topicId: row.topicId,
    topicKm: names.km,
    topicEn: names.en,
    textKm: row.textKm,
    textEn: row.textEn,
    source: row.source,
    quiz: (row.quiz as TipQuiz | null) ?? null,
    origin: row.origin === "trainer" ? "trainer" : "content",
    archived: row.archivedAt !== null,
  };
}

export type TipRepository = ReturnType<typeof createTipRepository>;
