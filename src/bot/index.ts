// createBot(token, deps): the only place that decides middleware order and registers features.
// No side effects at import; tests and main.ts build bots the same way.
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, session } from "grammy";
import { createKvStorage } from "../db/kv-storage.js";
import type { UpdateClaimRepository } from "../db/repositories/update-claims.js";
import { type ChatLocks, noChatLocks } from "../fleet/chat-lock.js";
import { createCommandMenus } from "./commands.js";
import type { Context, ConversationContext, SessionData } from "./context.js";
import { createConversationStorage } from "./conversation-storage.js";
import { ADD_TIP, createAddTip } from "./conversations/add-tip.js";
import { cancellable } from "./conversations/ask.js";
import { BROADCAST, createBroadcastConversation } from "./conversations/broadcast.js";
import { BROADCAST_EDIT, createBroadcastEdit } from "./conversations/broadcast-edit.js";
import { CHECKIN, createCheckin } from "./conversations/checkin.js";
import { createModerate, MODERATE } from "./conversations/moderate.js";
import { createOnboarding, ONBOARDING } from "./conversations/onboarding.js";
import { createShare, SHARE } from "./conversations/share.js";
import type { BotDeps } from "./deps.js";
import { broadcastsFeature } from "./features/broadcasts.js";
import { enrolledOnlyGate } from "./features/gate.js";
import { helpFeature } from "./features/help.js";
import { invitesFeature } from "./features/invites.js";
import { languageFeature } from "./features/language.js";
import { moderationFeature } from "./features/moderation.js";
import { myDataFeature } from "./features/mydata.js";
import { peerFeature } from "./features/peer.js";
import { peerRelayFeature } from "./features/peer-relay.js";
import { practicesFeature } from "./features/practices.js";
import { progressFeature } from "./features/progress.js";
import { reflectFeature } from "./features/reflect.js";
import { settingsFeature } from "./features/settings.js";
import { startFeature } from "./features/start.js";
import { summaryFeature } from "./features/summary.js";
import { summarySettingsFeature } from "./features/summary-settings.js";
import { tipsFeature } from "./features/tips.js";
import { tipsAdminFeature } from "./features/tips-admin.js";
import { unhandledFeature } from "./features/unhandled.js";
import { usersFeature } from "./features/users.js";
import { wellbeingFeature } from "./features/wellbeing.js";
import { FlatComposer } from "./flat-composer.js";
import { createAnswerTracker } from "./middlewares/answers.js";
import { createUpdateDedupe } from "./middlewares/dedupe.js";
import { createErrorHandler } from "./middlewares/error-boundary.js";
import { createFloodLimit } from "./middlewares/flood.js";
import { identify } from "./middlewares/identify.js";
import { createInFlightTracker } from "./middlewares/in-flight.js";
import { normalizeIncomingText } from "./middlewares/normalize-text.js";
import { textGuard } from "./middlewares/text-guard.js";
import { createUpdateClaim } from "./middlewares/update-claim.js";
import { createUpdateFilter } from "./middlewares/update-filter.js";
import { updateLogger } from "./middlewares/update-logger.js";
import { createUpdateMetrics } from "./middlewares/update-metrics.js";
import { nonEssentialCalls } from "./non-essential.js";
import { writeIfChanged } from "./session-storage.js";

export type CreateBotDeps = Omit<BotDeps, "commands">;

/** Several instances on one database: claims of update_ids and per-chat locks (src/bot/middlewares/update-claim.ts). */
export interface FleetOptions {
  claims?: UpdateClaimRepository;
  locks: ChatLocks;
}

export function createBot(
  token: string,
  baseDeps: CreateBotDeps,
  config: BotConfig<Context> = {},
  fleet: FleetOptions = { locks: noChatLocks },
) {
  const bot = new Bot<Context>(token, config);
  const deps: BotDeps = { ...baseDeps, commands: createCommandMenus(bot.api, baseDeps.i18n, baseDeps.logger) };
  // Interactive replies retry briefly on 429/5xx; bulk sends use their own Api (src/delivery).
  const retry = () => autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 });
  // Every answer to a button press is remembered, so nothing answers one twice (see middlewares/answers.ts).
  const answers = createAnswerTracker();
  // Non-essential calls (answers to presses, command menus, removing old buttons) never fail a flow.
  const nonEssential = nonEssentialCalls(baseDeps.logger);
  bot.api.config.use(nonEssential, answers.transformer, retry()); // the last one wraps the others
  const handleBotError = createErrorHandler(deps, answers);

  // State is keyed by pseudonym (or, before consent, a visitor key), so no table ever holds a Telegram id outside
  // `identities`. identify sets it.
  const stateKey = (ctx: Pick<Context, "stateKey">) => ctx.stateKey;

  const inFlight = createInFlightTracker();
  // 1. dependencies and a per-update logger (the whole chain is flat: see flat-composer.ts)
  const root = new FlatComposer<Context>(inFlight.middleware);
  root.use((ctx, next) => {
    ctx.deps = deps;
    // The per-update child logger is made on first use: most updates log nothing at info level.
    let log: Context["log"] | undefined;
    Object.defineProperty(ctx, "log", {
      get: () => {
        log ??= deps.logger.child({ update_id: ctx.update.update_id });
        return log;
      },
      configurable: true,
    });
    ctx.handler = undefined;
    return next();
  });
  // 2. one update at a time per person (same key as the session), so state never races
  root.use(sequentialize((ctx: Context) => ctx.from?.id.toString()));
  // 3. one log line per update, written once the update is fully handled, its error (if any) included
  root.use(updateLogger);
  // 4. everything below is behind the error boundary
  const app = root.errorBoundary(handleBotError);
  // 5. an update delivered twice is handled once: counted, then the in-memory fast path, then the claim shared by
  // every instance (with the per-chat lock across instances)
  app.use(
    new FlatComposer<Context>(
      createUpdateMetrics(deps.now),
      createUpdateDedupe(),
      createUpdateClaim(fleet.claims, fleet.locks),
      // 6. only private messages and presses go further: groups get one notice and Mitt leaves; other kinds of
      // update are dropped here, before anything reads a session (which needs a sender) or replies (needs a chat)
      createUpdateFilter(),
      // 7. a press that no handler answered is answered when the update is done
      answers.middleware,
      // 8. fair under a flood: past FLOOD_LIMIT_PER_10S a person gets one notice and the rest is dropped, before
      // any database read (per person, so nobody else waits; dropped presses are still answered by the tracker)
      createFloodLimit(deps.config.FLOOD_LIMIT_PER_10S),
      // 9. text and captions normalised once, for everything below (no NUL or control characters, NFC, bounded)
      normalizeIncomingText,
      identify,
      session({
        initial: (): SessionData => ({}),
        getSessionKey: stateKey,
        storage: writeIfChanged(createKvStorage<SessionData>(deps.prisma, "session:", deps.now)),
      }),
      deps.i18n,
      // Anonymous peer connect comes before the text guard and the conversations: relayed text must never enter
      // conversation state, and its buttons and /end work in the middle of a check-in. Members only (see peer.ts).
      peerFeature,
      peerRelayFeature,
      // While a check-in, support, share or moderation conversation runs, typed text is scrubbed before it is
      // stored.
      textGuard,
      conversations<Context, ConversationContext>({
        storage: createConversationStorage(deps.prisma, stateKey, deps.now),
        // Conversations call Telegram through their own Api object: give it the same retry behaviour.
        plugins: [
          (ctx, next) => {
            ctx.api.config.use(nonEssential, answers.transformer, retry());
            return next();
          },
        ],
      }),
      createConversation(cancellable(createOnboarding(deps)), { id: ONBOARDING }),
      createConversation(createCheckin(deps), { id: CHECKIN }),
      createConversation(cancellable(createBroadcastConversation(deps)), { id: BROADCAST }),
      createConversation(createBroadcastEdit(deps), { id: BROADCAST_EDIT }),
      createConversation(cancellable(createAddTip(deps)), { id: ADD_TIP }),
      createConversation(createShare(deps), { id: SHARE }),
      createConversation(createModerate(deps), { id: MODERATE }),
      // Open to everyone: onboarding, help, language.
      startFeature,
      helpFeature,
      languageFeature,
      // Everything else needs an enrolled member; roles are re-checked inside each feature.
      enrolledOnlyGate,
      settingsFeature,
      myDataFeature,
      invitesFeature,
      usersFeature,
      tipsFeature,
      tipsAdminFeature,
      reflectFeature,
      progressFeature,
      wellbeingFeature,
      broadcastsFeature,
      practicesFeature,
      moderationFeature,
      summaryFeature,
      summarySettingsFeature,
      unhandledFeature,
    ),
  );
  bot.use(root);
  bot.catch(handleBotError);
  return { bot, deps, inFlight };
}
