// Tips and what each officer has seen of them. Content tips come from content/tips (synced at start-up,
// archived rather than deleted); trainers' tips live only here. The library is served from memory; the officer's
// views and the choice of their next tip are in tip-views.ts, the tips job's outbox rows in tip-slots.ts.
import { randomBytes } from "node:crypto";
import type { Now } from "../../clock.js";
import type { TipLibrary } from "../../content/tips.js";
import type { PrismaClient } from "../generated/client.ts";
import { bumpContentVersion, readContentVersion } from "./content-version.js";
import { type Library, type TipRecord, type TopicRecord, toRecord } from "./tip-library.js";
import { tipSlotQueue } from "./tip-slots.js";
import { readSyncedDigest, type SyncReport, syncTipLibrary, writeSyncedDigest } from "./tip-sync.js";
import { tipViewQueries } from "./tip-views.js";

export type { TipRecord, TopicRecord } from "./tip-library.js";
export type { SyncReport } from "./tip-sync.js";
export type { ViewEvent } from "./tip-views.js";

/** How long the in-memory library is trusted without seeing the content version (jobs, the delivery worker). */
export const CONTENT_RECHECK_MS = 5_000;

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
    ...tipViewQueries(prisma, now, current),
    ...tipSlotQueue(prisma, now),
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

    async get(id: string): Promise<TipRecord | null> {
      return (await current()).byId.get(id) ?? null;
    },

    async topics(): Promise<TopicRecord[]> {
      return (await current()).topics;
    },

    async inTopic(topicId: string): Promise<TipRecord[]> {
      return (await current()).byTopic.get(topicId) ?? [];
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
  };
}

export type TipRepository = ReturnType<typeof createTipRepository>;
