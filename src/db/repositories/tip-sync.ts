// Content sync: content/tips is loaded into the database at every start-up, idempotently. New tips are
// created, edited ones updated, tips removed from the files archived (never deleted, so history stays), and a
// tip a trainer archived stays archived. Start-up waits for it, so it is cheap when nothing changed (two reads,
// no transaction, no write) and a fresh database gets the whole library in two inserts.
import type { ContentTip, TipLibrary } from "../../content/tips.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";

export interface SyncReport {
  created: number;
  updated: number;
  archived: number;
  unchanged: number;
}

type Reader = Pick<PrismaClient, "tip" | "tipTopic">;

/** The kv_state row holding the digest of the tip files last synced (content/tips.ts tipFilesDigest). */
export const TIP_FILES_KEY = "content:tip-files";

export async function readSyncedDigest(prisma: PrismaClient): Promise<string | null> {
  const row = await prisma.kvState.findUnique({ where: { key: TIP_FILES_KEY }, select: { value: true } });
  return row ? (JSON.parse(row.value) as string) : null;
}

export async function writeSyncedDigest(prisma: PrismaClient, digest: string, at: Date): Promise<void> {
  const value = JSON.stringify(digest);
  await prisma.kvState.upsert({
    where: { key: TIP_FILES_KEY },
    create: { key: TIP_FILES_KEY, value, updatedAt: at },
    update: { value, updatedAt: at },
  });
}
type Stored = Awaited<ReturnType<typeof readStored>>;

export async function syncTipLibrary(prisma: PrismaClient, library: TipLibrary, at: Date): Promise<SyncReport> {
  const first = plan(await readStored(prisma), library);
  if (!first.writes) return first.report;
  // Read again inside the transaction: another instance starting at the same time may have synced already.
  return prisma.$transaction(
    async (tx) => {
      const p = plan(await readStored(tx), library);
      if (p.newTopics.length) await tx.tipTopic.createMany({ data: p.newTopics, skipDuplicates: true });
      for (const { id, ...t } of p.editedTopics) await tx.tipTopic.update({ where: { id }, data: t });
      if (p.newTips.length) {
        await tx.tip.createMany({
          data: p.newTips.map((tip) => ({ id: tip.id, origin: "content", ...contentRow(tip), updatedAt: at })),
          skipDuplicates: true,
        });
      }
      for (const { tip, trainerArchived } of p.editedTips) {
        // A tip a trainer archived stays archived; one that sync archived comes back with its file.
        const data = { ...contentRow(tip), updatedAt: at };
        await tx.tip.update({ where: { id: tip.id }, data: trainerArchived ? data : { ...data, archivedAt: null } });
      }
      if (p.removed.length) {
        await tx.tip.updateMany({ where: { id: { in: p.removed } }, data: { archivedAt: at, updatedAt: at } });
      }
      return p.report;
    },
    { timeout: 60_000 },
  );
}

async function readStored(db: Reader) {
  const [topics, tips] = await Promise.all([db.tipTopic.findMany(), db.tip.findMany({ where: { origin: "content" } })]);
  return { topics, tips };
}

/** What the database lacks compared with the library, and the report of applying it. */
function plan(stored: Stored, library: TipLibrary) {
  const topics = new Map(stored.topics.map((t) => [t.id, t]));
  const rows = library.topics.map((t) => ({ id: t.id, position: t.position, nameKm: t.name.km, nameEn: t.name.en }));
  const newTopics = rows.filter((t) => !topics.has(t.id));
  const editedTopics = rows.filter((t) => {
    const s = topics.get(t.id);
    return s && (s.position !== t.position || s.nameKm !== t.nameKm || s.nameEn !== t.nameEn);
  });
  const existing = new Map(stored.tips.map((row) => [row.id, row]));
  const newTips: ContentTip[] = [];
  const editedTips: { tip: ContentTip; trainerArchived: boolean }[] = [];
  for (const tip of library.tips) {
    const row = existing.get(tip.id);
    existing.delete(tip.id);
    if (!row) newTips.push(tip);
    else if ((row.archivedAt && !row.archivedBy) || differs(row, contentRow(tip)))
      editedTips.push({ tip, trainerArchived: Boolean(row.archivedBy) });
  }
  const removed = [...existing.values()].filter((r) => !r.archivedAt).map((r) => r.id);
  const report: SyncReport = {
    created: newTips.length,
    updated: editedTips.length,
    archived: removed.length,
    unchanged: library.tips.length - newTips.length - editedTips.length,
  };
  const writes = newTopics.length + editedTopics.length + newTips.length + editedTips.length + removed.length;
  return { newTopics, editedTopics, newTips, editedTips, removed, report, writes };
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
