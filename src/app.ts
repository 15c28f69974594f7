// Composition root shared by main.ts and the tests: database, dependencies, bot, runner, shutdown.
import { type RunnerHandle, run } from "@grammyjs/runner";
import { createBroadcastProgress } from "./bot/broadcast-progress.js";
import { createI18n } from "./bot/i18n.js";
import { createBot } from "./bot/index.js";
import { createPeerTelegram } from "./bot/peer-telegram.js";
import { externalContacts } from "./bot/peer-views.js";
import { practiceButtons } from "./bot/practice-buttons.js";
import { type Now, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { loadTipLibrary } from "./content/tips.js";
import { createDatabase, type Database } from "./db/client.js";
import { createBroadcastRepository } from "./db/repositories/broadcasts.js";
import { createCheckinRepository } from "./db/repositories/checkins.js";
import { createEventRepository } from "./db/repositories/events.js";
import { createInviteRepository } from "./db/repositories/invites.js";
import { createMemberRepository } from "./db/repositories/members.js";
import { createPeerRepository } from "./db/repositories/peer.js";
import { createPracticeRepository } from "./db/repositories/practices.js";
import { createRetentionRepository } from "./db/repositories/retention.js";
import { createTipRepository } from "./db/repositories/tips.js";
import { createWellbeingRepository } from "./db/repositories/wellbeing.js";
import { createDeliveryStack } from "./delivery/stack.js";
import { createCheckinJobs } from "./jobs/checkin-jobs.js";
import { createPeerJobs } from "./jobs/peer-jobs.js";
import { createPracticeJobs } from "./jobs/practice-jobs.js";
import { createRetentionJob } from "./jobs/retention-jobs.js";
import { createScheduler } from "./jobs/scheduler.js";
import type { Logger } from "./logger.js";
import { BROADCAST_JOB, createBroadcastService } from "./services/broadcasts.js";
import { createCheckinService } from "./services/checkin-service.js";
import { createEnrolmentService, createInviteHasher } from "./services/enrolment.js";
import { createPeerConnect } from "./services/peer-connect.js";
import { createPeerRelay } from "./services/peer-relay.js";
import { createPracticeSchedule } from "./services/practice-digest.js";
import { createPracticeService, type PracticeServiceDeps } from "./services/practices.js";
import { createPseudonymizer } from "./services/pseudonym.js";
import { resolvePseudonymKey } from "./services/pseudonym-key.js";
import { createTipService, TIP_RENDERER, TIPS_JOB, type TipService } from "./services/tips.js";
import { loadWellbeingContent } from "./services/wellbeing-content.js";
import { createSummaries, DIGEST_RENDERER } from "./summaries.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass an already-migrated database; otherwise one is created from the config. */
  db?: Database;
  now?: Now;
}

export async function createApp({ config, logger, db: givenDb, now = systemClock }: AppOptions) {
  const db = givenDb ?? (await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  if (!givenDb) {
    const applied = await db.migrate();
    if (applied.length) logger.info({ msg: "migrations applied", applied });
  }
  const key = await resolvePseudonymKey(config.PSEUDONYM_KEY, config.DATA_DIR);
  const invites = createInviteRepository(db.prisma, now);
  const members = createMemberRepository(db.prisma, now);
  const i18n = createI18n();
  const events = createEventRepository(db.prisma, { now, timeZone: config.TZ });
  const tipRepo = createTipRepository(db.prisma, now);
  // Content is validated before anything starts: a broken tip file stops start-up with the list of problems.
  const tipSync = await tipRepo.sync(await loadTipLibrary());
  logger.info({ msg: "tips loaded", ...tipSync });
  // The worker builds tip messages when they go out; `tips` is created just below, with the delivery service.
  const { worker, delivery, outbox } = createDeliveryStack(config, db.prisma, logger, now, {
    renderers: { [TIP_RENDERER]: (row) => tips.render(row), [DIGEST_RENDERER]: (row) => summaries.renderDigest(row) },
    onSettled: async (row, outcome) => {
      await tips.onSettled(row, outcome);
      await summaries.onSettled(row, outcome);
    },
  });
  // Staff summaries, the weekly digest and the metrics rollup (src/summaries.ts).
  const summaries = createSummaries({
    config,
    prisma: db.prisma,
    members,
    events,
    delivery,
    i18n,
    tipRepo,
    logger,
    now,
  });
  const tips: TipService = createTipService({
    repo: tipRepo,
    members,
    events,
    delivery,
    t: (locale, k, vars) => i18n.t(locale, k, vars),
    timeZone: config.TZ,
    logger,
    now,
  });
  const broadcasts = createBroadcastService({
    repo: createBroadcastRepository(db.prisma, { now, timeZone: config.TZ }),
    delivery,
    events,
    logger,
    now,
    usefulLabel: (locale) => i18n.t(locale, "broadcast-useful"),
  });
  const checkins = createCheckinService({
    checkins: createCheckinRepository(db.prisma, now),
    wellbeing: createWellbeingRepository(db.prisma),
    members,
    events,
    delivery,
    t: (locale, k, vars) => i18n.t(locale, k, vars),
    timeZone: config.TZ,
    retentionDays: config.FREE_TEXT_RETENTION_DAYS,
    now,
  });
  const wellbeingContent = await loadWellbeingContent();
  // Peer connect talks to Telegram directly (relayed text must not pass through the outbox, which stores what
  // it sends); the bot's api exists only once the bot is created below, hence the late binding.
  const peerRepo = createPeerRepository(db.prisma);
  const peerTelegram = createPeerTelegram(() => bot.api, members, logger);
  const t = (locale: "km" | "en", k: string, vars?: Record<string, string | number>) => i18n.t(locale, k, vars);
  const peer = createPeerConnect({
    repo: peerRepo,
    members,
    events,
    delivery,
    telegram: peerTelegram,
    t,
    contacts: (locale) => externalContacts(wellbeingContent, locale),
    timeZone: config.TZ,
    quiet: config.QUIET_HOURS,
    maxOpen: config.PEER_MAX_OPEN,
    timeoutMs: config.PEER_TIMEOUT_MINUTES * 60_000,
    now,
  });
  const peerRelay = createPeerRelay({
    repo: peerRepo,
    members,
    events,
    telegram: peerTelegram,
    t,
    timeZone: config.TZ,
    now,
  });
  const practiceDeps: PracticeServiceDeps = {
    repo: createPracticeRepository(db.prisma),
    members,
    events,
    delivery,
    t: (locale, k, vars) => i18n.t(locale, k, vars),
    buttons: practiceButtons,
    timeZone: config.TZ,
    now,
  };
  const practices = createPracticeService(practiceDeps);
  const { bot, deps, inFlight } = createBot(
    config.BOT_TOKEN,
    {
      config,
      logger,
      prisma: db.prisma,
      i18n,
      pseudonyms: createPseudonymizer(key),
      members,
      delivery,
      tips,
      broadcasts,
      checkins,
      practices,
      peer,
      peerRelay,
      wellbeingContent,
      invites,
      events,
      enrolment: createEnrolmentService(invites, createInviteHasher(key)),
      summaries: summaries.service,
      now,
    },
    { client: { apiRoot: config.TELEGRAM_API_ROOT } },
  );

  // Periodic jobs (tip slots, reminders, retention) register here; see src/jobs/scheduler.ts.
  const scheduler = createScheduler({ prisma: db.prisma, backend: db.backend, logger, timezone: config.TZ, now });
  scheduler.register({ name: TIPS_JOB, cron: "* * * * *", run: (at) => tips.queueDueSlots(at).then(() => {}) });
  scheduler.register({
    name: "outbox-retention",
    cron: "45 3 * * *",
    async run(at) {
      const before = new Date(at.getTime() - config.FREE_TEXT_RETENTION_DAYS * 86_400_000);
      logger.info({ msg: "outbox retention", cleared: await outbox.clearSettledPayloads(before) });
    },
  });
  scheduler.register(...createCheckinJobs(checkins, logger));
  scheduler.register(
    createRetentionJob(
      createRetentionRepository(db.prisma),
      { stateDays: config.STATE_RETENTION_DAYS, outboxDays: config.OUTBOX_RETENTION_DAYS },
      logger,
    ),
  );
  scheduler.register(
    ...createPracticeJobs(createPracticeSchedule(practiceDeps, practices), logger, config.PRACTICE_DIGEST_CRON),
  );
  scheduler.register(...createPeerJobs(peer, logger));
  scheduler.register({ name: BROADCAST_JOB, cron: "* * * * *", run: (at) => broadcasts.startDue(at).then(() => {}) });
  scheduler.register(...summaries.jobs);
  // Progress messages of running broadcasts (edited at most every 3 s); started and stopped with the app.
  const broadcastProgress = createBroadcastProgress({
    api: bot.api,
    service: broadcasts,
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
