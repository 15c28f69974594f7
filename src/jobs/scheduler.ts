// One scheduler for every periodic job (tip slots, check-in reminders, weekly prompts, retention).
// node-cron ticks; each tick runs the jobs whose cron matches. On real Postgres only one instance runs a
// job at a time (a transaction-level advisory lock per job); PGlite is single-process, so no lock is needed
// there (and a held transaction would block its single connection). Jobs must still be idempotent: the
// database constraints they rely on are what makes "never twice" true across restarts.
import { createHash } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { DbBackend } from "../db/client.js";
import type { PrismaClient } from "../db/generated/client.ts";
import type { Logger } from "../logger.js";

export interface Job {
  name: string;
  /** node-cron expression, evaluated in the configured time zone. */
  cron: string;
  run(now: Date): Promise<void>;
}

export interface SchedulerOptions {
  prisma: PrismaClient;
  backend: DbBackend;
  logger: Logger;
  timezone: string;
  /** The application clock: each run gets `now()` as its time (node-cron only decides when to tick). */
  now: () => Date;
}

export function createScheduler(opts: SchedulerOptions) {
  const jobs: Job[] = [];
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();
  const now = opts.now;

  async function runLocked(job: Job, at: Date): Promise<boolean> {
    if (opts.backend === "pglite") {
      await job.run(at);
      return true;
    }
    const key = createHash("sha256").update(`mitt-job:${job.name}`).digest().readInt32BE(0);
    return opts.prisma.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${key}) AS locked`;
        if (!row?.locked) return false;
        await job.run(at);
        return true;
      },
      { timeout: 10 * 60_000, maxWait: 5_000 },
    );
  }

  async function runJob(job: Job, at: Date): Promise<void> {
    const started = performance.now();
    try {
      const ran = await runLocked(job, at);
      opts.logger.debug({ msg: "job done", job: job.name, ran, ms: Math.round(performance.now() - started) });
    } catch (err) {
      opts.logger.error({ msg: "job failed", job: job.name, err });
    }
  }

  return {
    register(...more: Job[]) {
      jobs.push(...more);
    },
    /** Runs one job now (tests and catch-up). */
    runNow(name: string, at: Date = now()): Promise<void> {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      return runJob(job, at);
    },
    start() {
      for (const job of jobs) {
        const task = cron.schedule(
          job.cron,
          () => {
            const p = runJob(job, now());
            running.add(p);
            void p.finally(() => running.delete(p));
          },
          { timezone: opts.timezone, noOverlap: true, name: job.name },
        );
        tasks.push(task);
      }
    },
    /** Stops ticking and waits for jobs that are running. */
    async stop() {
      for (const t of tasks) await t.stop();
      tasks.length = 0;
      await Promise.all(running);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
