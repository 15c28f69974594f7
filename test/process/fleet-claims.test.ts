// The claims that keep instances apart, in one test process: two schedulers on one database run a (job, tick) once
// even when their ticks differ by milliseconds, and a long job keeps its claim while it runs; the sender election
// has one winner, and the next process takes over when it steps down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createUpdateClaimRepository } from "../../src/db/repositories/update-claims.js";
import { createLeadership } from "../../src/fleet/leader.js";
import { createFleetCleanupJob } from "../../src/jobs/fleet-jobs.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { backend, createProcessDatabaseEnv, createTestDatabase, truncateAll } from "../helpers/db.js";
import { until } from "../helpers/fleet.js";

const logger = createLogger({ level: "silent" });
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

function scheduler(now: () => Date) {
  return createScheduler({ prisma: db.prisma, backend: db.backend, logger, timezone: "UTC", now });
}

describe("scheduler claims", () => {
  it("When two instances tick the same minute a few milliseconds apart, then the job runs once", async () => {
    await truncateAll(db);
    let runs = 0;
    const job = { name: "once", cron: "* * * * *", run: async () => void runs++ };
    const at = new Date("2026-11-25T10:00:00.004Z");
    const a = scheduler(() => at);
    const b = scheduler(() => new Date(at.getTime() + 7));
    a.register(job);
    b.register(job);
    await Promise.all([a.tick("once", at), b.tick("once", new Date(at.getTime() + 7))]);
    expect(runs).toBe(1);
    const rows = await db.prisma.jobRun.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.finishedAt).not.toBeNull();
    // The next minute runs again.
    await b.tick("once", new Date(at.getTime() + 60_000));
    expect(runs).toBe(2);
  });

  it("When a job is still running at the next tick, then no instance starts it again until it ends", async () => {
    await truncateAll(db);
    let runs = 0;
    let finish: () => void = () => {};
    const job = {
      name: "long",
      cron: "* * * * *",
      run: () => {
        runs++;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
    };
    let t = new Date("2026-11-25T10:00:00Z").getTime();
    const now = () => new Date(t);
    const a = scheduler(now);
    const b = scheduler(now);
    a.register(job);
    b.register({ ...job, run: async () => void runs++ });
    const first = a.tick("long", now());
    await until(() => runs === 1, 5000, "the long job started");
    t += 60_000;
    await b.tick("long", now());
    expect(runs).toBe(1);
    finish();
    await first;
    t += 60_000;
    await b.tick("long", now());
    expect(runs).toBe(2);
  });
});

describe("update claims", () => {
  it("When an update is claimed twice, then only the first wins; an unfinished claim is taken over under the chat's lock or once stale; old claims are cleaned", async () => {
    await truncateAll(db);
    let t = new Date("2026-11-25T10:00:00Z").getTime();
    const claims = createUpdateClaimRepository(db.prisma, () => new Date(t), 60_000);
    expect(await claims.claim(42, false)).toBe(true);
    expect(await claims.claim(42, false)).toBe(false);
    // Its instance died mid-update: whoever holds the chat's lock knows nobody is handling it.
    expect(await claims.claim(42, true)).toBe(true);
    await claims.done(42);
    expect(await claims.claim(42, true)).toBe(false);
    expect(await claims.claim(43, false)).toBe(true);
    t += 61_000;
    expect(await claims.claim(43, false)).toBe(true);
    t += 86_400_000 + 1000;
    const job = createFleetCleanupJob(db.prisma, logger, () => new Date(t));
    await job.run(new Date(t));
    expect(await db.prisma.updateClaim.count()).toBe(0);
  });
});

describe("sender election", () => {
  it.runIf(backend() === "postgres")(
    "When two processes stand, then one leads; when it steps down, the other takes over",
    async () => {
      const env = await createProcessDatabaseEnv();
      const url = env.env.DATABASE_URL as string;
      const leading = { a: 0, b: 0 };
      const make = (who: "a" | "b") =>
        createLeadership({
          databaseUrl: url,
          role: 99,
          logger,
          retryMs: 100,
          onLead: () => void leading[who]++,
          onFollow: () => void leading[who]--,
        });
      const a = make("a");
      const b = make("b");
      a.start();
      await until(() => a.leading, 5000, "a leads");
      b.start();
      // b tries a few times and never wins while a holds the lock.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(b.leading).toBe(false);
      await a.stop();
      expect(leading.a).toBe(0);
      await until(() => b.leading, 5000, "b takes over");
      expect(leading.b).toBe(1);
      await b.stop();
      await env.cleanup();
    },
  );
});
