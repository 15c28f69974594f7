// Content sync: content/tips is loaded into the database at every start-up, idempotently. New tips are
// created, edited ones updated, tips removed from the files archived (never deleted, so history stays), and a
// tip a trainer archived stays archived.
import type { ContentTip, TipLibrary } from "../../content/tips.js";
import { Prisma, type PrismaClient } from "../generated/client.ts";

export interface SyncReport {
  created: number;
  updated: number;
  archived: number;
  unchanged: number;
}

export function syncTipLibrary(prisma: PrismaClient, library: TipLibrary, at: Date): Promise<SyncReport> {
  return prisma.$transaction(
    async (tx) => {
      for (const t of library.topics) {
        await tx.tipTopic.upsert({
          where: { id: t.id },
          create: { id: t.id, position: t.position, nameKm: t.name.km, nameEn: t.name.en },
          update: { position: t.position, nameKm: t.name.km, nameEn: t.name.en },
        });
      }
      const existing = new Map((await tx.tip.findMany({ where: { origin: "content" } })).map((row) => [row.id, row]));
      const report: SyncReport = { created: 0, updated: 0, archived: 0, unchanged: 0 };
      for (const tip of library.tips) {
        const data = contentRow(tip);
        const row = existing.get(tip.id);
        existing.delete(tip.id);
        if (!row) {
          await tx.tip.create({ data: { id: tip.id, origin: "content", ...data, updatedAt: at } });
          report.created++;
        } else if ((row.archivedAt && !row.archivedBy) || differs(row, data)) {
          // A tip a trainer archived stays archived; one that sync archived comes back with its file.
          await tx.tip.update({
            where: { id: tip.id },
            data: row.archivedBy ? { ...data, updatedAt: at } : { ...data, archivedAt: null, updatedAt: at },
          });
          report.updated++;
        } else report.unchanged++;
      }
      const removed = [...existing.values()].filter((r) => !r.archivedAt).map((r) => r.id);
      if (removed.length) {
        await tx.tip.updateMany({ where: { id: { in: removed } }, data: { archivedAt: at, updatedAt: at } });
      }
      report.archived = removed.length;
      return report;
    },
    { timeout: 60_000 },
  );
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
