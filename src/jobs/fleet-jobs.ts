// Clean-up of the tables that keep several instances apart: update claims older than a day (Telegram keeps an
// update at most 24 hours, so no retry can come later) and scheduler claims older than a week.
import type { PrismaClient } from "../db/generated/client.ts";
import { createUpdateClaimRepository } from "../db/repositories/update-claims.js";
import type { Logger } from "../logger.js";
import type { Job } from "./scheduler.js";

export const FLEET_CLEANUP_JOB = "fleet-claims-cleanup";
const DAY = 86_400_000;

export function createFleetCleanupJob(prisma: PrismaClient, logger: Logger, now: () => Date): Job {
  const claims = createUpdateClaimRepository(prisma, now);
  return {
    name: FLEET_CLEANUP_JOB,
    cron: "17 * * * *",
    async run(at) {
      const updates = await claims.deleteBefore(new Date(at.getTime() - DAY));
      const runs = await prisma.$executeRaw`
        DELETE FROM job_runs WHERE started_at < ${new Date(at.getTime() - 7 * DAY)}`;
      logger.info({ msg: "fleet claims cleaned", updates, runs });
    },
  };
}
