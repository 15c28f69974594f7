// Trainer broadcasts: the use cases behind /broadcast and /broadcasts, without grammY. A broadcast is a row
// in `broadcasts`; starting it (now, or by the scheduler when it is due) is a conditional UPDATE, so it
// starts exactly once, and its messages go out through the delivery engine as one job keyed
// `broadcast:<id>` with one outbox row per recipient, built in that recipient's language.
import type { BroadcastRecord, BroadcastRepository } from "../db/repositories/broadcasts.js";
import type { JobProgress } from "../db/repositories/outbox.js";
import type { Delivery } from "../delivery/delivery.js";
import { type EventSink, validateEvent } from "../domain/events.js";
import type { Logger } from "../logger.js";
import { buildPayload, usefulData, versionFor } from "./broadcast-message.js";
import { countsOf, reportCsv } from "./broadcast-report.js";

export const BROADCAST_JOB = "broadcasts.start-due";
export * from "../domain/broadcast-draft.js";

import { type Audience, audienceSchema, type Draft, type Locale, type Version } from "../domain/broadcast-draft.js";

export interface BroadcastServiceDeps {
  repo: BroadcastRepository;
  delivery: Delivery;
  events: EventSink;
  logger: Logger;
  now: () => Date;
  /** The 👍 button's label in each language (the service itself has no translations). */
  usefulLabel: (locale: Locale) => string;
}

export type ControlResult = "ok" | "not_found" | "too_late";

export function createBroadcastService(d: BroadcastServiceDeps) {
  const log = d.logger.child({ component: "broadcasts" });

  /** Queues the job of a broadcast that is `sending` (idempotent by its key). */
  async function queue(b: BroadcastRecord): Promise<void> {
    const button = (locale: Locale) => ({ text: d.usefulLabel(locale), data: usefulData(b.id) });
    const payloads = {
      km: buildPayload(versionFor(b, "km"), b.media, button("km")),
      en: buildPayload(versionFor(b, "en"), b.media, button("en")),
    };
    const now = d.now();
    // Recipients a chunk per statement: an audience of every officer in one INSERT held PGlite's event loop.
    const job = await d.delivery.queueInChunks(
      { key: `broadcast:${b.id}`, kind: "broadcast", urgent: b.urgent },
      (jobId, after, limit) => d.repo.insertRecipients(jobId, b.audience, payloads, now, after, limit),
    );
    await d.repo.setJob(b.id, job.id);
    if (job.created) {
      await d.events.record(b.createdBy, "broadcast.started", { recipients: job.queued, urgent: b.urgent });
      log.info({ msg: "broadcast started", broadcast: b.id, recipients: job.queued });
    }
  }

  async function startClaimed(ids: string[]): Promise<void> {
    for (const id of ids) {
      const b = await d.repo.get(id);
      if (b) await queue(b);
    }
  }

  return {
    countAudience: (audience: Audience) => d.repo.countAudience(audience, d.now()),

    async create(createdBy: string, draft: Draft, scheduledAt: Date | null): Promise<string> {
      const audience = audienceSchema.parse(draft.audience);
      const id = await d.repo.create({
        createdBy,
        km: draft.km,
        en: draft.en,
        media: draft.media,
        audience,
        urgent: draft.urgent,
        scheduledAt: scheduledAt ?? d.now(),
      });
      await d.events.record(createdBy, "broadcast.created", {
        versions: draft.en ? "both" : "one",
        media: draft.media?.kind ?? "none",
        scheduled: scheduledAt !== null,
        urgent: draft.urgent,
      });
      return id;
    },

    /** Starts one broadcast now ("send now"); false if it already started or was cancelled. */
    async start(id: string): Promise<boolean> {
      const claimed = await d.repo.claimStart(id, d.now());
      await startClaimed(claimed ? [id] : []);
      return claimed;
    },

    /** The scheduler job: starts every scheduled broadcast that is due, each exactly once. */
    async startDue(at: Date): Promise<number> {
      const ids = await d.repo.claimDue(at);
      await startClaimed(ids);
      return ids.length;
    },

    /** A broadcast marked `sending` whose job was never queued (the process stopped in between). */
    async ensureQueued(id: string): Promise<void> {
      const b = await d.repo.get(id);
      if (b && !b.jobId && (b.status === "sending" || b.status === "paused")) await queue(b);
    },

    get: (id: string) => d.repo.get(id),
    list: (limit = 10) => d.repo.list(limit),
    /** Broadcasts whose progress message is still live (sending, paused, or cancelled without a report yet). */
    active: () => d.repo.listActive(),
    setProgressMessage: (id: string, messageId: number) => d.repo.setProgressMessage(id, messageId),

    async progress(b: BroadcastRecord): Promise<JobProgress | null> {
      return b.jobId ? d.delivery.progress(b.jobId) : null;
    },

    async pause(id: string, by: string): Promise<ControlResult> {
      const b = await d.repo.get(id);
      if (!b) return "not_found";
      if (b.status !== "sending" || !b.jobId) return "too_late";
      if (!(await d.delivery.pause(b.jobId))) return "too_late";
      await d.repo.setStatus(id, ["sending"], "paused");
      await d.events.record(by, "broadcast.paused", {});
      return "ok";
    },

    async resume(id: string, by: string): Promise<ControlResult> {
      const b = await d.repo.get(id);
      if (!b) return "not_found";
      if (b.status !== "paused" || !b.jobId) return "too_late";
      if (!(await d.delivery.resume(b.jobId))) return "too_late";
      await d.repo.setStatus(id, ["paused"], "sending");
      await d.events.record(by, "broadcast.resumed", {});
      return "ok";
    },

    /** Cancels a scheduled broadcast (it never starts) or a running one (the rest is not sent). */
    async cancel(id: string, by: string): Promise<ControlResult> {
      const b = await d.repo.get(id);
      if (!b) return "not_found";
      if (b.status === "scheduled") {
        if (!(await d.repo.cancelScheduled(id, d.now()))) return "too_late";
        await d.events.record(by, "broadcast.cancelled", { stage: "scheduled" });
        return "ok";
      }
      if ((b.status !== "sending" && b.status !== "paused") || !b.jobId) return "too_late";
      if (!(await d.delivery.cancel(b.jobId))) return "too_late";
      await d.repo.setStatus(id, ["sending", "paused"], "cancelled");
      await d.events.record(by, "broadcast.cancelled", { stage: "sending" });
      return "ok";
    },

    /** Changes the time of a broadcast that has not started. */
    async reschedule(id: string, at: Date): Promise<boolean> {
      return d.repo.updateScheduled(id, { scheduledAt: at });
    },

    /** Changes one version's text (or caption) of a broadcast that has not started. */
    async editText(id: string, locale: Locale, version: Version): Promise<boolean> {
      return d.repo.updateScheduled(id, locale === "en" ? { en: version } : { km: version });
    },

    /**
     * Closes a broadcast whose job is done or cancelled: true exactly once (the caller then sends the final
     * report). The end, one pseudonymous `broadcast.delivered` event per recipient and `broadcast.finished` are
     * written in one transaction (see the repository).
     */
    async finish(b: BroadcastRecord): Promise<boolean> {
      const c = countsOf(b.jobId ? await d.delivery.progress(b.jobId) : null);
      const finished = validateEvent("broadcast.finished", {
        sent: c.sent,
        blocked: c.blocked,
        failed: c.failed,
        cancelled: c.cancelled,
      });
      const closed = await d.repo.finish(b.id, d.now(), {
        delivered: b.jobId ? { jobId: b.jobId, attrs: validateEvent("broadcast.delivered", {}) } : null,
        finished: { pseudonym: b.createdBy, attrs: finished },
      });
      if (!closed) return false;
      log.info({ msg: "broadcast finished", broadcast: b.id, sent: c.sent, failed: c.failed + c.blocked });
      return true;
    },

    /** 👍 from a recipient: "added", "already", or "not_recipient" (a forged or foreign button). */
    async markUseful(id: string, pseudonym: string): Promise<"added" | "already" | "not_recipient"> {
      const result = await d.repo.addReaction(id, pseudonym);
      if (result === "added") await d.events.record(pseudonym, "broadcast.useful", {});
      return result;
    },

    usefulCount: (id: string) => d.repo.usefulCount(id),

    async csv(b: BroadcastRecord): Promise<string | null> {
      return b.jobId ? reportCsv(await d.repo.csvRows(b.jobId)) : null;
    },
  };
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;
