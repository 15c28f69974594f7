// Broadcasts and their 👍 reactions; their audience is counted and queued in broadcast-audience.ts. Every state
// change is a conditional UPDATE, so "starts once", "finishes once" and "edit only before it starts" hold under
// races.
import type { Now } from "../../clock.js";
import type { Audience, Media, Version } from "../../domain/broadcast-draft.js";
import { type BroadcastStatus, Prisma, type PrismaClient, type Broadcast as Row } from "../generated/client.ts";
import { broadcastAudienceQueries } from "./broadcast-audience.js";

export type { BroadcastStatus };

export interface BroadcastRecord {
  id: string;
  createdBy: string;
  km: Version | null;
  en: Version | null;
  media: Media | null;
  audience: Audience;
  urgent: boolean;
  status: BroadcastStatus;
  scheduledAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  jobId: string | null;
  progressMessageId: number | null;
}

const version = (text: string | null, entities: unknown): Version | null =>
  text === null ? null : { text, entities: Array.isArray(entities) ? entities : [] };

function toRecord(b: Row): BroadcastRecord {
  return {
    id: b.id,
    createdBy: b.createdBy,
    km: version(b.textKm, b.entitiesKm),
    en: version(b.textEn, b.entitiesEn),
    media:
      b.mediaFileId && (b.mediaKind === "photo" || b.mediaKind === "document")
        ? { kind: b.mediaKind, fileId: b.mediaFileId }
        : null,
    audience: b.audience as unknown as Audience,
    urgent: b.urgent,
    status: b.status,
    scheduledAt: b.scheduledAt,
    createdAt: b.createdAt,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    jobId: b.jobId,
    progressMessageId: b.progressMessageId,
  };
}

const versionColumns = (locale: "km" | "en", v: Version | null) =>
  locale === "km"
    ? { textKm: v?.text ?? null, entitiesKm: v ? (v.entities as unknown as Prisma.InputJsonValue) : Prisma.DbNull }
    : { textEn: v?.text ?? null, entitiesEn: v ? (v.entities as unknown as Prisma.InputJsonValue) : Prisma.DbNull };

export function createBroadcastRepository(prisma: PrismaClient, clock: { now: Now; timeZone: string }) {
  return {
    ...broadcastAudienceQueries(prisma, clock.timeZone),
    async create(data: {
      createdBy: string;
      km: Version;
      en: Version | null;
      media: Media | null;
      audience: Audience;
      urgent: boolean;
      scheduledAt: Date;
    }): Promise<string> {
      const row = await prisma.broadcast.create({
        data: {
          createdBy: data.createdBy,
          ...versionColumns("km", data.km),
          ...versionColumns("en", data.en),
          mediaKind: data.media?.kind ?? null,
          mediaFileId: data.media?.fileId ?? null,
          audience: data.audience as unknown as Prisma.InputJsonValue,
          urgent: data.urgent,
          scheduledAt: data.scheduledAt,
          createdAt: clock.now(),
        },
        select: { id: true },
      });
      return row.id;
    },

    async get(id: string): Promise<BroadcastRecord | null> {
      if (!/^[0-9a-f-]{36}$/.test(id)) return null;
      const row = await prisma.broadcast.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    /** Scheduled first (soonest first), then the most recent others. */
    async list(limit: number): Promise<BroadcastRecord[]> {
      const [scheduled, recent] = await Promise.all([
        prisma.broadcast.findMany({ where: { status: "scheduled" }, orderBy: { scheduledAt: "asc" }, take: limit }),
        prisma.broadcast.findMany({
          where: { status: { not: "scheduled" } },
          orderBy: { createdAt: "desc" },
          take: limit,
        }),
      ]);
      return [...scheduled, ...recent].slice(0, limit).map(toRecord);
    },

    async listActive(): Promise<(BroadcastRecord & { creatorLocale: "km" | "en" })[]> {
      const rows = await prisma.broadcast.findMany({
        where: { finishedAt: null, status: { in: ["sending", "paused", "cancelled"] } },
        orderBy: { createdAt: "asc" },
      });
      if (!rows.length) return [];
      const creators = await prisma.member.findMany({
        where: { pseudonym: { in: [...new Set(rows.map((r) => r.createdBy))] } },
        select: { pseudonym: true, locale: true },
      });
      const locale = new Map(creators.map((c) => [c.pseudonym, c.locale === "en" ? ("en" as const) : ("km" as const)]));
      return rows.map((r) => ({ ...toRecord(r), creatorLocale: locale.get(r.createdBy) ?? "km" }));
    },

    async claimStart(id: string, now: Date): Promise<boolean> {
      const { count } = await prisma.broadcast.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "sending", startedAt: now },
      });
      return count === 1;
    },

    async claimDue(now: Date): Promise<string[]> {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE broadcasts SET status = 'sending', started_at = ${now}
        WHERE status = 'scheduled' AND scheduled_at <= ${now}
        RETURNING id`;
      return rows.map((r) => r.id);
    },

    async setJob(id: string, jobId: string): Promise<void> {
      await prisma.broadcast.updateMany({ where: { id, jobId: null }, data: { jobId } });
    },

    async setProgressMessage(id: string, messageId: number): Promise<void> {
      await prisma.broadcast.update({ where: { id }, data: { progressMessageId: messageId } });
    },

    async setStatus(id: string, from: BroadcastStatus[], to: BroadcastStatus): Promise<boolean> {
      const { count } = await prisma.broadcast.updateMany({
        where: { id, status: { in: from } },
        data: { status: to },
      });
      return count === 1;
    },

    async cancelScheduled(id: string, now: Date): Promise<boolean> {
      const { count } = await prisma.broadcast.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "cancelled", finishedAt: now },
      });
      return count === 1;
    },

    /** Edits allowed only while the broadcast is still scheduled. */
    async updateScheduled(id: string, patch: { scheduledAt?: Date; km?: Version; en?: Version }): Promise<boolean> {
      const { count } = await prisma.broadcast.updateMany({
        where: { id, status: "scheduled" },
        data: {
          ...(patch.scheduledAt ? { scheduledAt: patch.scheduledAt } : {}),
          ...(patch.km ? versionColumns("km", patch.km) : {}),
          ...(patch.en ? versionColumns("en", patch.en) : {}),
        },
      });
      return count === 1;
    },

    /**
     * Closes a broadcast once, in one transaction: its end (a cancelled one keeps its status), one pseudonymous
     * `broadcast.delivered` event per recipient who got it, and the creator's `broadcast.finished` event. A failure
     * anywhere leaves none of it, so the next attempt does all of it; false when it was closed already.
     */
    async finish(
      id: string,
      now: Date,
      events: {
        delivered: { jobId: string; attrs: Record<string, unknown> } | null;
        finished: { pseudonym: string; attrs: Record<string, unknown> };
      },
    ): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ id: string }[]>`
          UPDATE broadcasts
          SET finished_at = ${now},
              status = CASE WHEN status = 'cancelled' THEN 'cancelled'::"BroadcastStatus"
                            ELSE 'finished'::"BroadcastStatus" END
          WHERE id = ${id} AND finished_at IS NULL AND status IN ('sending', 'paused', 'cancelled')
          RETURNING id`;
        if (rows.length !== 1) return false;
        if (events.delivered) {
          await tx.$executeRaw`
            INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
            SELECT o.recipient, 'broadcast.delivered', ${JSON.stringify(events.delivered.attrs)}::jsonb,
                   COALESCE(o.sent_at, ${now})
            FROM outbox o WHERE o.job_id = ${events.delivered.jobId} AND o.state = 'sent'`;
        }
        await tx.usageEvent.create({
          data: {
            pseudonym: events.finished.pseudonym,
            type: "broadcast.finished",
            attrs: events.finished.attrs as Prisma.InputJsonValue,
            occurredAt: now,
          },
        });
        return true;
      });
    },

    /** Only someone the broadcast was sent to can mark it useful, once. */
    async addReaction(id: string, pseudonym: string): Promise<"added" | "already" | "not_recipient"> {
      if (!/^[0-9a-f-]{36}$/.test(id)) return "not_recipient";
      const added = await prisma.$executeRaw`
        INSERT INTO broadcast_reactions (broadcast_id, pseudonym, kind)
        SELECT b.id, ${pseudonym}, 'useful' FROM broadcasts b
        WHERE b.id = ${id}
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = b.job_id AND o.recipient = ${pseudonym})
        ON CONFLICT (broadcast_id, pseudonym) DO NOTHING`;
      if (added === 1) return "added";
      const existing = await prisma.broadcastReaction.count({ where: { broadcastId: id, pseudonym } });
      return existing ? "already" : "not_recipient";
    },

    usefulCount: (id: string) => prisma.broadcastReaction.count({ where: { broadcastId: id, kind: "useful" } }),

    /** Per-recipient rows for the CSV export: handle, language and province only (no identity). */
    async csvRows(jobId: string) {
      return prisma.$queryRaw<
        {
          handle: string | null;
          locale: string | null;
          province: string | null;
          state: string;
          reason: string | null;
        }[]
      >`
        SELECT m.handle, m.locale, m.province, o.state::text AS state, o.reason
        FROM outbox o LEFT JOIN members m ON m.pseudonym = o.recipient
        WHERE o.job_id = ${jobId}
        ORDER BY m.handle NULLS LAST, o.id`;
    },
  };
}

export type BroadcastRepository = ReturnType<typeof createBroadcastRepository>;
