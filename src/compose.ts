// The wiring shared by the bot process (app.ts) and the worker process (worker.ts): repositories, services,
// the delivery stack with every renderer and settle hook, and the scheduler with every job. Both processes
// are composed here so they cannot drift apart (a worker once lacked the tip renderer and skipped tips).
// Nothing here starts anything; the callers decide what runs where.
import type { Api } from "grammy";
import { createI18n } from "./bot/i18n.js";
import { createPeerTelegram } from "./bot/peer-telegram.js";
import { externalContacts } from "./bot/peer-views.js";
import { practiceButtons } from "./bot/practice-buttons.js";
import type { Now } from "./clock.js";
import type { Config } from "./config.js";
import { loadTipLibrary, tipFilesDigest } from "./content/tips.js";
import type { Database } from "./db/client.js";
import { createBroadcastRepository } from "./db/repositories/broadcasts.js";
import { createCheckinRepository } from "./db/repositories/checkins.js";
import { createEventRepository } from "./db/repositories/events.js";
import { createInviteRepository } from "./db/repositories/invites.js";
import { createMemberRepository, SENDER_PATCHES, type Sender } from "./db/repositories/members.js";
import { createPeerRepository } from "./db/repositories/peer.js";
import { createPracticeRepository } from "./db/repositories/practices.js";
import { createRetentionRepository } from "./db/repositories/retention.js";
import { createTipRepository } from "./db/repositories/tips.js";
import { createWellbeingRepository } from "./db/repositories/wellbeing.js";
import { createSenderCache } from "./db/sender-cache.js";
import { createDeliveryStack } from "./delivery/stack.js";
import { createCheckinJobs } from "./jobs/checkin-jobs.js";
import { createFleetCleanupJob } from "./jobs/fleet-jobs.js";
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

export interface ComposeOptions {
  config: Config;
  logger: Logger;
  db: Database;
  now: Now;
  /** The Bot API client for direct sends (peer relay); bound late because the bot is created after the services. */
  api: () => Api;
}

export async function composeServices({ config, logger, db, now, api }: ComposeOptions) {
  const key = await resolvePseudonymKey(config.PSEUDONYM_KEY, config.DATA_DIR);
  const invites = createInviteRepository(db.prisma, now);
  const members = createMemberRepository(db.prisma, now, senderCacheFor(config, db));
  const i18n = createI18n();
  const events = createEventRepository(db.prisma, { now, timeZone: config.TZ });
  const tipRepo = createTipRepository(db.prisma, now);
  // Content is validated before anything starts: a broken tip file stops start-up with the list of problems. Files
  // synced before exactly as they are now (same digest) are not read again.
  const digest = await tipFilesDigest();
  if ((await tipRepo.syncedDigest()) === digest) logger.info({ msg: "tips loaded", files: "as last synced" });
  else logger.info({ msg: "tips loaded", ...(await tipRepo.sync(await loadTipLibrary(), digest)) });
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
  const peerTelegram = createPeerTelegram(api, members, logger);
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
  scheduler.register(createFleetCleanupJob(db.prisma, logger, now));

  return {
    i18n,
    key,
    members,
    events,
    invites,
    tips,
    broadcasts,
    checkins,
    practices,
    peer,
    peerRelay,
    wellbeingContent,
    summaries,
    delivery,
    outbox,
    worker,
    scheduler,
    pseudonyms: createPseudonymizer(key),
    enrolment: createEnrolmentService(invites, createInviteHasher(key)),
  };
}

export type Services = Awaited<ReturnType<typeof composeServices>>;

/** How long a sender stays in memory on PGlite, where only this process writes (see senderCacheFor). */
export const PGLITE_SENDER_TTL_MS = 10 * 60_000;

/**
 * Senders are cached in memory (db/sender-cache.ts) where this process is the only one handling updates: long
 * polling is one instance by Telegram's rule (a second getUpdates gets 409). Instances serving one webhook share
 * people's conversations, so there each update reads the database.
 */
function senderCacheFor(config: Config, db: Database) {
  if (config.BOT_MODE === "webhook") return undefined;
  // The expiry bounds how long another process's write goes unseen (the worker, on PostgreSQL). An embedded
  // database has no other process (PGlite is opened by one), so there entries live longer: with 30 s, every
  // officer's entry was read again twice a minute, all at once after a busy spell.
  const ttlMs = db.backend === "pglite" ? PGLITE_SENDER_TTL_MS : undefined;
  const cache = createSenderCache<Sender>({ pseudonymOf: (s) => s.pseudonym, ttlMs, patches: SENDER_PATCHES });
  db.onWrite(cache.onWrite);
  return cache;
}
