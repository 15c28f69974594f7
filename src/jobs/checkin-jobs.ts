// Scheduled work of the check-in feature (cron in the configured time zone, Asia/Phnom_Penh by default):
// - checkin-idle: every 10 minutes, one reminder after ~2 hours idle, and closing as abandoned after 24 hours;
// - checkin-weekly-prompt: Friday 16:00, "Did you interview any children this week?" (opt-in);
// - wellbeing-stress-check: Friday 16:00, the single-item stress question (opt-in);
// - free-text-retention: daily, deletes scrubbed free text past FREE_TEXT_RETENTION_DAYS.
// Every job is idempotent: delivery keys are per check-in or per week, and closing is guarded by the status.
import type { Logger } from "../logger.js";
import type { CheckinService } from "../services/checkin-service.js";
import type { Job } from "./scheduler.js";

export const CHECKIN_JOBS = {
  idle: "checkin-idle",
  weeklyPrompt: "checkin-weekly-prompt",
  stressCheck: "wellbeing-stress-check",
  retention: "free-text-retention",
} as const;

export interface CheckinJobOptions {
  /** When the weekly question and the stress question go out (default Friday 16:00). */
  weeklyCron?: string;
}

export function createCheckinJobs(service: CheckinService, logger: Logger, opts: CheckinJobOptions = {}): Job[] {
  const weekly = opts.weeklyCron ?? "0 16 * * 5";
  return [
    {
      name: CHECKIN_JOBS.idle,
      cron: "*/10 * * * *",
      async run(now) {
        const r = await service.handleIdle(now);
        if (r.reminded || r.abandoned) logger.info({ msg: "idle check-ins", ...r });
      },
    },
    {
      name: CHECKIN_JOBS.weeklyPrompt,
      cron: weekly,
      async run(now) {
        logger.info({ msg: "weekly interview question queued", recipients: await service.sendWeeklyPrompt(now) });
      },
    },
    {
      name: CHECKIN_JOBS.stressCheck,
      cron: weekly,
      async run(now) {
        logger.info({ msg: "weekly stress question queued", recipients: await service.sendStressCheck(now) });
      },
    },
    {
      name: CHECKIN_JOBS.retention,
      cron: "30 3 * * *",
      async run(now) {
        logger.info({ msg: "free text retention", ...(await service.applyRetention(now)) });
      },
    },
  ];
}
