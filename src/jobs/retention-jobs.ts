// The daily retention job for operational rows (see src/db/repositories/retention.ts): conversation and session
// state idle for STATE_RETENTION_DAYS, wrong invite codes after a day, finished delivery jobs and their messages
// after OUTBOX_RETENTION_DAYS. Free text and message bodies have their own, shorter job (FREE_TEXT_RETENTION_DAYS).
import type { RetentionRepository } from "../db/repositories/retention.js";
import type { Logger } from "../logger.js";
import type { Job } from "./scheduler.js";

export const RETENTION_JOB = "state-retention";
const DAY_MS = 86_400_000;

export interface RetentionPeriods {
  stateDays: number;
  outboxDays: number;
}

export function createRetentionJob(repo: RetentionRepository, periods: RetentionPeriods, logger: Logger): Job {
  return {
    name: RETENTION_JOB,
    cron: "50 3 * * *",
    async run(now) {
      const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
      const removed = {
        state: await repo.pruneState(ago(periods.stateDays)),
        enrolFailures: await repo.pruneEnrolFailures(ago(1)),
        deliveryJobs: await repo.pruneDelivery(ago(periods.outboxDays)),
      };
      logger.info({ msg: "retention", ...removed });
    },
  };
}
