// Tips and what each officer has seen of them. Content tips come from content/tips (synced at start-up,
// archived rather than deleted); trainers' tips live only here. Selection for spaced repetition reads the officer's
// views and focus topics (at most one row per tip) in one statement and orders the in-memory library by them.
import { randomBytes } from "node:crypto";
import type { Now } from "../../clock.js";
import type { TipLibrary, TipQuiz } from "../../content/tips.js";
import { pickNextTip, type SeenTip } from "../../domain/next-tip.js";
import type { PrismaClient } from "../generated/client.ts";
import type { TipFrequency } from "../generated/enums.ts";
import { bumpContentVersion, readContentVersion } from "./content-version.js";
import type { FilledChunk } from "./outbox-chunks.js";
import { readSyncedDigest, type SyncReport, syncTipLibrary, writeSyncedDigest } from "./tip-sync.js";

export type { SyncReport } from "./tip-sync.js";

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

/** A usage event written together with a tip view (already validated against the catalogue). */
export interface ViewEvent {
  type: string;
  attrs: Record<string, unknown>;
  occurredAt: Date;
}

/** How long the in-memory library is trusted without seeing the content version (jobs, the delivery worker). */
export const CONTENT_RECHECK_MS = 5_000;

interface Library {
  version: string | null;
  byId: Map<string, TipRecord>;
  topics: TopicRecord[];
  /** Active tips of each topic, in order. */
  byTopic: Map<string, TipRecord[]>;
}

export function createTipRepository(prisma: PrismaClient, now: Now) {
  // Tips and topics change only on a content sync or a trainer's edit, and are read on every /tip, press and tip
  // delivery: they are served from memory and reloaded when the content version changes (content-version.ts).
  let library: Library | undefined;
  let loading: Promise<Library> | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;

  async function load(): Promise<Library> {
    // The version is read before the rows: a change in between is seen as a newer version and loaded again.
    const version = await readContentVersion(prisma);
    const [topicRows, tipRows] = await Promise.all([
      prisma.tipTopic.findMany({ orderBy: { position: "asc" } }),
      prisma.tip.findMany({ orderBy: [{ topicId: "asc" }, { position: "asc" }] }),
    ]);
    const names = new Map(topicRows.map((t) => [t.id, { km: t.nameKm, en: t.nameEn }]));
    const byId = new Map<string, TipRecord>();
    const byTopic = new Map<string, TipRecord[]>(topicRows.map((t) => [t.id, []]));
    for (const row of tipRows) {
      const tip = toRecord(row, names.get(row.topicId) ?? { km: row.topicId, en: row.topicId });
      byId.set(tip.id, tip);
      if (!tip.archived) byTopic.get(tip.topicId)?.push(tip);
    }
    const topics = topicRows.map((t) => ({
      id: t.id,
      position: t.position,
      nameKm: t.nameKm,
      nameEn: t.nameEn,
      tips: byTopic.get(t.id)?.length ?? 0,
    }));
    return { version, byId, topics, byTopic };
  }

  async function current(): Promise<Library> {
    const at = now().getTime();
    if (library && at - checkedAt < CONTENT_RECHECK_MS && at >= checkedAt) return library;
    if (library) {
      const version = await readContentVersion(prisma);
      checkedAt = now().getTime();
      if (library && version === library.version) return library;
    }
    loading ??= load().finally(() => {
      loading = undefined;
    });
    const loaded = await loading;
    library = loaded;
    checkedAt = now().getTime();
    return loaded;
  }

  /** Forgets the library once the content changed here; other instances see the new version. */
  const changed = () => {
    library = undefined;
  };

  return {
    /**
     * Loads the content library idempotently (see tip-sync.ts); a sync that changed something bumps the version.
     * `digest` (of the files the library came from) is recorded once the library is in.
     */
    async sync(lib: TipLibrary, digest?: string): Promise<SyncReport> {
      const report = await syncTipLibrary(prisma, lib, now());
      if (report.created || report.updated || report.archived) await bumpContentVersion(prisma, now());
      changed();
      if (digest) await writeSyncedDigest(prisma, digest, now());
      return report;
    },

    /** The digest of the tip files last synced, if any. */
    syncedDigest: () => readSyncedDigest(prisma),

    /** The content version seen by the sender query of an update: a different one drops the library. */
    observeContentVersion(version: string | null): void {
      checkedAt = now().getTime();
      if (library && library.version !== version) changed();
    },

    /**
     * The next tip for an officer: the first unseen tip in curriculum order, preferring topics they marked
     * "to improve"; once all are seen, tips marked "review again" or quizzed wrong, then the longest unseen.
     */
    async nextFor(pseudonym: string): Promise<string | null> {
      // The officer's own rows in one light statement (two index lookups); the order is worked out over the
      // library already in memory. The same order as one SQL join and sort over every tip, which cost about
      // 2.6 ms of PGlite time per /tip (planned afresh each time) against about 1.4 ms for this.
      const [lib, rows] = await Promise.all([
        current(),
        prisma.$queryRaw<{ views: SeenTip[]; focus: string[] }[]>`
          SELECT
            (SELECT coalesce(json_agg(json_build_array(tip_id, review_again OR quiz_correct IS FALSE,
                                                       (extract(epoch FROM last_sent_at) * 1000)::bigint)), '[]')
             FROM tip_views WHERE pseudonym = ${pseudonym}) AS views,
            (SELECT coalesce(array_agg(topic_id), '{}') FROM focus_topics WHERE pseudonym = ${pseudonym}) AS focus`,
      ]);
      const { views = [], focus = [] } = rows[0] ?? {};
      return pickNextTip(lib, views, new Set(focus));
    },

    async get(id: string): Promise<TipRecord | null> {
      return (await current()).byId.get(id) ?? null;
    },

    async topics(): Promise<TopicRecord[]> {
      return (await current()).topics;
    },

    async inTopic(topicId: string): Promise<TipRecord[]> {
      return (await current()).byTopic.get(topicId) ?? [];
    },

    /**
     * A tip went out: count it (a "review again" request is now satisfied) and write its usage event, in one
     * statement (atomic, one round trip). `event` is validated by the caller (services/events.ts).
     */
    async recordSent(pseudonym: string, tipId: string, at: Date, event?: ViewEvent): Promise<void> {
      if (!event) {
        await prisma.tipView.upsert({
          where: { pseudonym_tipId: { pseudonym, tipId } },
          create: { pseudonym, tipId, lastSentAt: at },
          update: { timesSent: { increment: 1 }, lastSentAt: at, reviewAgain: false },
        });
        return;
      }
      await prisma.$executeRaw`
        WITH v AS (
          INSERT INTO tip_views (pseudonym, tip_id, times_sent, last_sent_at)
          VALUES (${pseudonym}, ${tipId}, 1, ${at})
          ON CONFLICT (pseudonym, tip_id) DO UPDATE
            SET times_sent = tip_views.times_sent + 1, last_sent_at = EXCLUDED.last_sent_at, review_again = false
          RETURNING 1
        )
        INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
        SELECT ${pseudonym}, ${event.type}, ${JSON.stringify(event.attrs)}::jsonb, ${event.occurredAt} FROM v`;
    },

    /** "Helpful" or "review again" on a tip, with its usage event, in one statement (see recordSent). */
    async setFeedback(
      pseudonym: string,
      tipId: string,
      feedback: { helpful?: boolean; reviewAgain?: boolean },
      event?: ViewEvent,
    ) {
      if (!event) {
        await prisma.tipView.upsert({
          where: { pseudonym_tipId: { pseudonym, tipId } },
          create: { pseudonym, tipId, lastSentAt: now(), ...feedback },
          update: feedback,
        });
        return;
      }
      const helpful = feedback.helpful ?? false;
      const review = feedback.reviewAgain ?? false;
      await prisma.$executeRaw`
        WITH v AS (
          INSERT INTO tip_views (pseudonym, tip_id, times_sent, last_sent_at, helpful, review_again)
          VALUES (${pseudonym}, ${tipId}, 1, ${now()}, ${helpful}, ${review})
          ON CONFLICT (pseudonym, tip_id) DO UPDATE
            SET helpful = tip_views.helpful OR ${helpful}, review_again = tip_views.review_again OR ${review}
          RETURNING 1
        )
        INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
        SELECT ${pseudonym}, ${event.type}, ${JSON.stringify(event.attrs)}::jsonb, ${event.occurredAt} FROM v`;
    },

    async recordQuiz(pseudonym: string, tipId: string, correct: boolean): Promise<void> {
      await prisma.tipView.upsert({
        where: { pseudonym_tipId: { pseudonym, tipId } },
        create: { pseudonym, tipId, lastSentAt: now(), quizCorrect: correct },
        update: { quizCorrect: correct },
      });
    },

    /** A trainer's own tip (database only), placed after the topic's other tips. */
    /**
     * A trainer's tip at the end of its topic, with its `tip.added` event, in one transaction. The topic row is
     * locked first, so two trainers adding at once get distinct positions (a MAX()+1 without the lock gives both
     * the same one).
     */
    async addTrainerTip(
      input: { topicId: string; textKm: string; textEn: string; createdBy: string },
      event: { type: "tip.added"; attrs: Record<string, unknown> },
    ) {
      const id = `t-${randomBytes(4).toString("hex")}`;
      await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM tip_topics WHERE id = ${input.topicId} FOR UPDATE`;
        const last = await tx.tip.aggregate({ where: { topicId: input.topicId }, _max: { position: true } });
        await tx.tip.create({
          data: {
            id,
            topicId: input.topicId,
            position: (last._max.position ?? 0) + 1,
            textKm: input.textKm,
            textEn: input.textEn,
            source: "trainer",
            origin: "trainer",
            createdBy: input.createdBy,
            updatedAt: now(),
          },
        });
        await tx.usageEvent.create({
          data: { pseudonym: input.createdBy, type: event.type, attrs: event.attrs as object, occurredAt: now() },
        });
        await bumpContentVersion(tx, now());
      });
      changed();
      return id;
    },

    /** A trainer archives a tip (`by` is their pseudonym); content sync will not bring it back. */
    async archive(id: string, by: string): Promise<boolean> {
      const { count } = await prisma.tip.updateMany({
        where: { id, archivedAt: null },
        data: { archivedAt: now(), archivedBy: by, updatedAt: now() },
      });
      if (count === 1) {
        await bumpContentVersion(prisma, now());
        changed();
      }
      return count === 1;
    },

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
