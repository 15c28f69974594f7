// Composition root of the bot process, shared by main.ts and the tests: database, services (compose.ts),
// bot, updates (long polling or webhook), the HTTP endpoints, the elected sender, start-up and shutdown.
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { UserFromGetMe } from "grammy/types";
import { createBroadcastProgress } from "./bot/broadcast-progress.js";
import { createBot } from "./bot/index.js";
import { type Now, systemClock } from "./clock.js";
import { composeServices } from "./compose.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { openDatabase } from "./db/open-database.js";
import { createUpdateClaimRepository } from "./db/repositories/update-claims.js";
import { createChatLocks, noChatLocks } from "./fleet/chat-lock.js";
import { createSendingRole } from "./fleet/sending.js";
import { healthRoutes } from "./http/routes.js";
import { createHttpServer, type HttpServer, type Route } from "./http/server.js";
import { ALLOWED_UPDATES, webhookRoute } from "./http/webhook.js";
import type { Logger } from "./logger.js";
import { markStartup } from "./startup-timing.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass an already-migrated database; otherwise one is created from the config. */
  db?: Database;
  now?: Now;
  /** The bot's account, when the start-up checks already asked getMe (grammY then does not ask again). */
  botInfo?: UserFromGetMe | undefined;
}

export async function createApp({ config, logger, db: givenDb, now = systemClock, botInfo }: AppOptions) {
  let db = givenDb;
  if (!db) {
    const opened = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    db = opened.db;
    if (opened.applied.length) logger.info({ msg: "migrations applied", applied: opened.applied });
  }
  const s = await composeServices({ config, logger, db, now, api: () => bot.api });
  const { i18n, members, delivery, scheduler, worker } = s;
  markStartup("services");
  // Several instances on one PostgreSQL serve one webhook: update claims and per-chat locks (on a connection string
  // of their own). Long polling is one instance by Telegram's rule (a second getUpdates gets 409), and PGlite is one
  // process: there the in-memory dedupe and idempotent presses are enough, and an update costs no extra round trips.
  const fleet = config.BOT_MODE === "webhook" && db.backend === "postgres" && config.DATABASE_URL;
  const locks = fleet ? createChatLocks(fleet, logger) : noChatLocks;
  const claims = fleet ? createUpdateClaimRepository(db.prisma, now) : undefined;
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
    { client: { apiRoot: config.TELEGRAM_API_ROOT }, ...(botInfo ? { botInfo } : {}) },
    claims ? { claims, locks } : { locks },
  );

  // Progress messages of running broadcasts (edited at most every 3 s); run by the elected sender only.
  const broadcastProgress = createBroadcastProgress({
    api: bot.api,
    service: s.broadcasts,
    members,
    i18n,
    logger,
    quiet: { timeZone: config.TZ, hours: config.QUIET_HOURS, now },
  });
  const sending = createSendingRole({ config, logger, worker, broadcastProgress });

  const webhook = config.BOT_MODE === "webhook";
  let runner: RunnerHandle | undefined;
  let http: HttpServer | undefined;
  let stopping: Promise<void> | undefined;

  return {
    bot,
    deps,
    db,
    scheduler,
    worker,
    delivery,
    sending,
    get httpPort() {
      return http?.port;
    },
    async start() {
      await bot.init();
      await deps.commands.applyDefaults().catch((err) => logger.warn({ msg: "could not set command menus", err }));
      markStartup("commands");
      const routes: Record<string, Route> = healthRoutes({ config, db, now, outbox: s.outbox });
      if (webhook) {
        const url = new URL(config.WEBHOOK_URL as string);
        routes[url.pathname] = webhookRoute(bot, config.WEBHOOK_SECRET as string, logger);
      }
      if (webhook || config.PORT !== undefined) {
        http = createHttpServer(routes, logger);
        await http.listen(config.PORT ?? 0);
      }
      if (webhook) {
        // Every instance registers the same webhook: idempotent, and whichever starts last leaves it right.
        await bot.api.setWebhook(config.WEBHOOK_URL as string, {
          allowed_updates: [...ALLOWED_UPDATES],
          secret_token: config.WEBHOOK_SECRET as string,
        });
      } else {
        runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
      }
      markStartup("polling");
      if (config.JOBS === "bot") scheduler.start();
      sending.start();
      logger.info({
        msg: "Mitt is running",
        mode: config.BOT_MODE,
        db: db.backend,
        bot: bot.botInfo.username,
        ...(http ? { port: http.port } : {}),
        jobs: config.JOBS,
      });
    },
    /**
     * Idempotent. Stops taking updates (closes the webhook server or stops polling), lets the updates being
     * handled finish (at most SHUTDOWN_TIMEOUT_SECONDS), stops the jobs, hands back claimed outbox rows, steps
     * down as sender, and closes the database.
     */
    stop(): Promise<void> {
      stopping ??= (async () => {
        const bound = bounded(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
        if (http) {
          const closing = http.close();
          await bound(
            inFlight.drain(() => http?.open ?? 0),
            () => logger.warn({ msg: "shutdown: updates still being handled at the deadline" }),
          );
          http.closeAll();
          await bound(closing);
        }
        if (runner) {
          const handle = runner;
          if (handle.isRunning()) await handle.stop();
          await bound(inFlight.drain(() => handle.size()));
          // Confirm what was handled, so a restart does not receive it again.
          if (inFlight.highestDone > 0) {
            await bot.api
              .getUpdates({ offset: inFlight.highestDone + 1, limit: 1, timeout: 0 })
              .catch((err) => logger.warn({ msg: "could not confirm the last update", err }));
          }
        }
        // The webhook stays: other instances still serve it, and a rolling deploy must not drop Telegram's
        // deliveries in between. A single instance going away for good may delete it (WEBHOOK_DELETE_ON_SHUTDOWN).
        if (webhook && config.WEBHOOK_DELETE_ON_SHUTDOWN) {
          await bot.api.deleteWebhook().catch((err) => logger.warn({ msg: "could not delete the webhook", err }));
        }
        await scheduler.stop();
        await sending.stop();
        await locks.close();
        if (!givenDb) await db.close();
      })();
      return stopping;
    },
  };
}

/** Waits for `p` at most `ms`; calls `late` when the time ran out. */
function bounded(ms: number) {
  return async (p: Promise<unknown>, late: () => void = () => {}) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ms);
    });
    const result = await Promise.race([p.then(() => "done" as const), timeout]);
    clearTimeout(timer);
    if (result === "late") late();
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
