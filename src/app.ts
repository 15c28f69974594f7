// Composition root of the bot process, shared by main.ts and the tests: database, services (compose.ts),
// bot, runner, shutdown.
import { type RunnerHandle, run } from "@grammyjs/runner";
import { createBroadcastProgress } from "./bot/broadcast-progress.js";
import { createBot } from "./bot/index.js";
import { type Now, systemClock } from "./clock.js";
import { composeServices } from "./compose.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { openDatabase } from "./db/open-database.js";
import type { Logger } from "./logger.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass an already-migrated database; otherwise one is created from the config. */
  db?: Database;
  now?: Now;
}

export async function createApp({ config, logger, db: givenDb, now = systemClock }: AppOptions) {
  let db = givenDb;
  if (!db) {
    const opened = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    db = opened.db;
    if (opened.applied.length) logger.info({ msg: "migrations applied", applied: opened.applied });
  }
  const s = await composeServices({ config, logger, db, now, api: () => bot.api });
  const { i18n, members, delivery, scheduler, worker } = s;
  const { bot, deps, inFlight } = createBot(
    config.BOT_TOKEN,
    {
      config,
      logger,
      prisma: db.prisma,
      i18n,
      pseudonyms: s.pseudonyms,
      members,
      delivery,
      tips: s.tips,
      broadcasts: s.broadcasts,
      checkins: s.checkins,
      practices: s.practices,
      peer: s.peer,
      peerRelay: s.peerRelay,
      wellbeingContent: s.wellbeingContent,
      invites: s.invites,
      events: s.events,
      enrolment: s.enrolment,
      summaries: s.summaries.service,
      now,
    },
    { client: { apiRoot: config.TELEGRAM_API_ROOT } },
  );

  // Progress messages of running broadcasts (edited at most every 3 s); started and stopped with the app.
  const broadcastProgress = createBroadcastProgress({
    api: bot.api,
    service: s.broadcasts,
    members,
    i18n,
    logger,
    quiet: { timeZone: config.TZ, hours: config.QUIET_HOURS, now },
  });

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
      runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
      scheduler.start();
      worker.start();
      broadcastProgress.start();
      logger.info({ msg: "Mitt is running", mode: "polling", db: db.backend, bot: bot.botInfo.username });
    },
    /** Idempotent: stop fetching, let in-flight updates finish, confirm them, then close the database. */
    stop(): Promise<void> {
      stopping ??= (async () => {
        await scheduler.stop();
        await broadcastProgress.stop();
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
