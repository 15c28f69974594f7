// Scheduled work of practice sharing (cron in the configured time zone, Asia/Phnom_Penh by default):
// - practice-digest: weekly (PRACTICE_DIGEST_CRON, default Thursday 10:00), publishes when ≥ 3 approved notes wait;
// - practice-flag: hourly, tells trainers once about new notes waiting more than 7 days;
// - practice-expire: hourly, closes notes left 14 days without a decision and tells their authors;
// - practice-useful: daily 17:00, tells authors how many colleagues found their notes useful.
// All idempotent (see src/services/practice-digest.ts); all take their time from the `now` they are given.
import type { Logger } from "../logger.js";
import type { PracticeSchedule } from "../services/practice-digest.js";
import type { Job } from "./scheduler.js";

export const PRACTICE_JOBS = {
  digest: "practice-digest",
  flag: "practice-flag",
  expire: "practice-expire",
  useful: "practice-useful",
} as const;

export function createPracticeJobs(schedule: PracticeSchedule, logger: Logger, digestCron: string): Job[] {
  return [
    {
      name: PRACTICE_JOBS.digest,
      cron: digestCron,
      async run(now) {
        logger.info({ msg: "practice digest", ...(await schedule.publishDigest(now)) });
      },
    },
    {
      name: PRACTICE_JOBS.flag,
      cron: "5 * * * *",
      async run(now) {
        const flagged = await schedule.flagWaiting(now);
        if (flagged) logger.info({ msg: "practice notes flagged to trainers", flagged });
      },
    },
    {
      name: PRACTICE_JOBS.expire,
      cron: "10 * * * *",
      async run(now) {
        const expired = await schedule.expireWaiting(now);
        if (expired) logger.info({ msg: "practice notes expired", expired });
      },
    },
    {
      name: PRACTICE_JOBS.useful,
      cron: "0 17 * * *",
      async run(now) {
        logger.info({ msg: "practice useful notices", authors: await schedule.tellUseful(now) });
      },
    },
  ];
}
