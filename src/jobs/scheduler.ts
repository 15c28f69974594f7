// One scheduler for every periodic job (tip slots, check-in reminders, weekly prompts, retention).
// node-cron ticks; each tick runs the jobs whose cron matches. Several instances may tick (two bots, a worker):
// each (job, tick) is claimed by inserting a row in `job_runs` (the minute of the tick is the key, so instances
// whose ticks differ by milliseconds still meet on one row), and only the instance that inserted it runs the job.
// While a job runs its row is beaten every few seconds; no instance starts the same job while a fresh unfinished
// row exists, so a job longer than its interval keeps its claim. A row whose beat stopped (its instance died) no
// longer blocks. Jobs stay idempotent all the same: database constraints make "never twice" true across restarts.
import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import cron, { type ScheduledTask } from "node-cron";
import type { DbBackend } from "../db/client.js";
import type { PrismaClient } from "../db/generated/client.ts";
import type { Logger } from "../logger.js";
import { telemetry } from "../telemetry.js";

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
  /** How often a running job beats its claim, and after how long without a beat the claim is dead. */
  beatMs?: number;
  staleMs?: number;
}

export function createScheduler(opts: SchedulerOptions) {
  const jobs: Job[] = [];
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();
  const now = opts.now;
  const owner = randomUUID();
  const beatMs = opts.beatMs ?? 10_000;
  const staleMs = opts.staleMs ?? 60_000;
  const m = telemetry();

  /** Inserts the (job, tick) row unless it exists or the job still runs elsewhere; true when this instance won. */
  async function claim(job: Job, tick: Date, at: Date): Promise<"ran" | "taken" | "busy"> {
    const stale = new Date(at.getTime() - staleMs);
    const rows = await opts.prisma.$queryRaw<{ job: string }[]>`
      INSERT INTO job_runs (job, tick, owner, started_at, beat_at)
      SELECT ${job.name}, ${tick}, ${owner}, ${at}, ${at}
      WHERE NOT EXISTS (
        SELECT 1 FROM job_runs WHERE job = ${job.name} AND finished_at IS NULL AND beat_at >= ${stale}
      )
      ON CONFLICT (job, tick) DO NOTHING
      RETURNING job`;
    if (rows.length) return "ran";
    const [same] = await opts.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM job_runs WHERE job = ${job.name} AND tick = ${tick}`;
    return Number(same?.n ?? 0) > 0 ? "taken" : "busy";
  }

  async function runClaimed(job: Job, at: Date): Promise<void> {
    // The tick is the minute the cron fired for (cron's finest unit), whatever the millisecond.
    const tick = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const outcome = await claim(job, tick, now());
    if (outcome !== "ran") {
      m.jobRuns.inc({ job: job.name, outcome });
      opts.logger.debug({ msg: "job not run here", job: job.name, outcome });
      return;
    }
    const beat = setInterval(() => {
      opts.prisma.$executeRaw`
        UPDATE job_runs SET beat_at = ${now()} WHERE job = ${job.name} AND tick = ${tick} AND owner = ${owner}`.catch(
        (err) => opts.logger.warn({ msg: "job beat failed", job: job.name, err }),
      );
    }, beatMs);
    beat.unref();
    let ok = false;
    try {
      // The claim, the job and its end are separate turns of the event loop: on PGlite a chain of statements
      // never gives the loop back by itself, so updates would wait for all of them.
      await setImmediate();
      await timed(job, () => job.run(at));
      ok = true;
    } finally {
      clearInterval(beat);
      await setImmediate();
      await opts.prisma.$executeRaw`
        UPDATE job_runs SET finished_at = ${now()}, ok = ${ok} WHERE job = ${job.name} AND tick = ${tick}`.catch(
        (err) => opts.logger.warn({ msg: "job end not recorded", job: job.name, err }),
      );
    }
  }

  async function timed(job: Job, run: () => Promise<void>): Promise<void> {
    const started = performance.now();
    let outcome = "failed";
    try {
      await run();
      outcome = "ran";
    } finally {
      const seconds = (performance.now() - started) / 1000;
      m.jobRuns.inc({ job: job.name, outcome });
      m.jobSeconds.observe({ job: job.name }, seconds);
      opts.logger.info({ msg: "job run", job: job.name, outcome, ms: Math.round(seconds * 1000) });
    }
  }

  async function tick(job: Job, at: Date): Promise<void> {
    try {
      await runClaimed(job, at);
    } catch (err) {
      opts.logger.error({ msg: "job failed", job: job.name, err });
    }
  }

  return {
    register(...more: Job[]) {
      jobs.push(...more);
    },
    /** The registered jobs' names and cron expressions (bench/ticks.ts works out which are due when). */
    list: (): Pick<Job, "name" | "cron">[] => jobs.map(({ name, cron }) => ({ name, cron })),
    /** Runs one job now, without a claim (tests and catch-up: the caller decides it runs). */
    async runNow(name: string, at: Date = now()): Promise<void> {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      await timed(job, () => job.run(at)).catch((err) => opts.logger.error({ msg: "job failed", job: job.name, err }));
    },
    /** One cron tick of a job as the running scheduler does it (claimed first): for tests. */
    tick(name: string, at: Date = now()): Promise<void> {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      return tick(job, at);
    },
    start() {
      for (const job of jobs) {
        const task = cron.schedule(
          spreadCron(job),
          () => {
            const p = tick(job, now());
            running.add(p);
            void p.finally(() => running.delete(p));
          },
          // node-cron skips a run that fires more than a second late (the event loop was busy at that moment): a
          // weekly job would then wait a week. Up to 10 s late still runs, and still within its minute (second ≤ 49).
          { timezone: opts.timezone, noOverlap: true, name: job.name, missedExecutionTolerance: 10_000 },
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

/**
 * The job's cron with a second of its own (0–49, from its name; see the late-run tolerance in `start`), so jobs due the same minute do not all start at
 * second 0 together (on PGlite their statements would queue before the updates of that moment). The same on every
 * instance, so their claims still meet on one (job, minute) row. A cron that names its seconds is kept.
 */
export function spreadCron(job: Pick<Job, "name" | "cron">): string {
  const fields = job.cron.trim().split(/\s+/);
  if (fields.length !== 5) return job.cron;
  let h = 0x811c9dc5; // FNV-1a
  for (const ch of job.name) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `${h % 50} ${job.cron}`;
}
