// Composition of the staff-summary side (kept out of app.ts): the metrics rollup and its job, the summary
// service for /summary, and the weekly digest (its job, its renderer in the delivery worker, and the delivery
// hook that records "sent" events).
import type { I18n } from "@grammyjs/i18n";
import type { Context } from "./bot/context.js";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/generated/client.ts";
import { createDigestRecipients } from "./db/repositories/digest-recipients.js";
import type { MemberRepository } from "./db/repositories/members.js";
import { createMetricsRepository } from "./db/repositories/metrics.js";
import { createMetricsRollup } from "./db/repositories/metrics-rollup.js";
import type { ClaimedRow } from "./db/repositories/outbox.js";
import type { TipRepository } from "./db/repositories/tips.js";
import type { Delivery } from "./delivery/delivery.js";
import type { SendOutcome } from "./delivery/telegram-sender.js";
import type { EventSink } from "./domain/events.js";
import type { Job } from "./jobs/scheduler.js";
import type { Logger } from "./logger.js";
import { METRIC_PASSIVE_EVENTS } from "./services/metrics/catalogue.js";
import { sentEventsHook } from "./services/metrics/sent-events.js";
import { createSummaryDigest, DIGEST_CRON, DIGEST_JOB } from "./services/metrics/summary-digest.js";
import { createSummaryService } from "./services/metrics/summary-service.js";

export { DIGEST_RENDERER } from "./services/metrics/summary-digest.js";
export const ROLLUP_JOB = "metrics-rollup";
/** 03:05 local time, before the retention jobs (03:30 to 03:50). */
export const ROLLUP_CRON = "5 3 * * *";

export interface SummariesOptions {
  config: Config;
  prisma: PrismaClient;
  members: MemberRepository;
  events: EventSink;
  delivery: Delivery;
  i18n: I18n<Context>;
  tipRepo: Pick<TipRepository, "topics">;
  logger: Logger;
  now: () => Date;
}

export function createSummaries(o: SummariesOptions) {
  const timeZone = o.config.TZ;
  const t = (locale: "km" | "en", key: string, vars?: Record<string, string | number>) => o.i18n.t(locale, key, vars);
  const rollup = createMetricsRollup(o.prisma, { timeZone, passive: METRIC_PASSIVE_EVENTS });
  const service = createSummaryService({
    rollup,
    metrics: createMetricsRepository(o.prisma, timeZone),
    topics: () => o.tipRepo.topics(),
    events: o.events,
    t,
    timeZone,
    now: o.now,
  });
  const digest = createSummaryDigest({
    summaries: service,
    recipients: createDigestRecipients(o.prisma),
    members: o.members,
    delivery: o.delivery,
    t,
    timeZone,
    now: o.now,
  });
  const recordSent = sentEventsHook(o.events);
  const jobs: Job[] = [
    {
      // Marks the weeks that became final (a summary then recomputes only the open weeks, which it does on every
      // request anyway) and, for PGlite, refreshes the planner's statistics. Nightly, not every 15 minutes: on
      // PGlite the rebuild and ANALYZE run on the event loop (hundreds of milliseconds under load), and a
      // refresh more often than daily saves a summary nothing.
      name: ROLLUP_JOB,
      cron: ROLLUP_CRON,
      async run(at) {
        const r = await rollup.refresh(at);
        // Real PostgreSQL keeps its statistics itself (autovacuum).
        if (!o.config.DATABASE_URL) await rollup.analyze();
        o.logger.info({ msg: "metrics rollup refreshed", ...r });
      },
    },
    {
      name: DIGEST_JOB,
      cron: DIGEST_CRON,
      async run(at) {
        o.logger.info({ msg: "summary digest queued", recipients: await digest.queue(at) });
      },
    },
  ];
  return {
    service,
    digest,
    rollup,
    jobs,
    renderDigest: (row: ClaimedRow) => digest.render(row),
    onSettled: (row: ClaimedRow, outcome: SendOutcome) => recordSent(row, outcome),
  };
}
