// Composition root shared by main.ts and the tests: database, dependencies, bot, runner, shutdown.
import { type RunnerHandle, run } from "@grammyjs/runner";
import { createI18n } from "./bot/i18n.js";
import { createBot } from "./bot/index.js";
import type { Config } from "./config.js";
import { createDatabase, type Database } from "./db/client.js";
import { createEventRepository } from "./db/repositories/events.js";
import { createInviteRepository } from "./db/repositories/invites.js";
import { createMemberRepository } from "./db/repositories/members.js";
import { createDeliveryStack } from "./delivery/stack.js";
import { createScheduler } from "./jobs/scheduler.js";
import type { Logger } from "./logger.js";
import { createEnrolmentService } from "./services/enrolment.js";
import { createPseudonymizer } from "./services/pseudonym.js";
import { resolvePseudonymKey } from "./services/pseudonym-key.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass an already-migrated database; otherwise one is created from the config. */
  db?: Database;
  now?: () => Date;
}

export async function createApp({ config, logger, db: givenDb, now = () => new Date() }: AppOptions) {
  const db = givenDb ?? (await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  if (!givenDb) {
    const applied = await db.migrate();
    if (applied.length) logger.info({ msg: "migrations applied", applied });
  }
  const key = await resolvePseudonymKey(config.PSEUDONYM_KEY, config.DATA_DIR);
  const invites = createInviteRepository(db.prisma);
  const members = createMemberRepository(db.prisma);
  const { worker, delivery } = createDeliveryStack(config, db.prisma, logger, now);
  const { bot, deps, inFlight } = createBot(
    config.BOT_TOKEN,
    {
      config,
      logger,
      prisma: db.prisma,
      i18n: createI18n(),
      pseudonyms: createPseudonymizer(key),
      members,
      delivery,
      invites,
      events: createEventRepository(db.prisma),
      enrolment: createEnrolmentService(invites),
      now,
    },
    { client: { apiRoot: config.TELEGRAM_API_ROOT } },
  );

  // Periodic jobs (tip slots, reminders, retention) register here; see src/jobs/scheduler.ts.
  const scheduler = createScheduler({ prisma: db.prisma, backend: db.backend, logger, timezone: config.TZ, now });

  let runner: RunnerHandle | undefined;
  let stopping: Promise<void> | undefined;

  return {
    bot,
    deps,
    db,
    scheduler,
    worker,
    delivery,
    async start() {
      await bot.init();
      await deps.commands.applyDefaults().catch((err) => logger.warn({ msg: "could not set command menus", err }));
      runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
      scheduler.start();
      worker.start();
      logger.info({ msg: "Mitt is running", mode: "polling", db: db.backend, bot: bot.botInfo.username });
    },
    /** Idempotent: stop fetching, let in-flight updates finish, confirm them, then close the database. */
    stop(): Promise<void> {
      stopping ??= (async () => {
        await scheduler.stop();
        await worker.stop();
        if (runner) {
          const handle = runner;
          if (handle.isRunning()) await handle.stop();
          await inFlight.drain(() => handle.size());
          // Confirm what was handled, so a restart does not receive it again.
          if (inFlight.highestDone > 0) {
            await bot.api
              .getUpdates({ offset: inFlight.highestDone + 1, limit: 1, timeout: 0 })
              .catch((err) => logger.warn({ msg: "could not confirm the last update", err }));
          }
        }
        if (!givenDb) await db.close();
      })();
      return stopping;
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
