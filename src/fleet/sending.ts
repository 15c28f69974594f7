// The sending role: the delivery worker (bulk sends from the outbox) and the broadcast progress loop run in one
// process at a time, the one elected through a Postgres session lock (src/fleet/leader.ts), so SEND_RATE_PER_SEC
// holds for the whole bot and each progress message has one editor. On PGlite (one process) it always runs.
import type { Config } from "../config.js";
import type { DeliveryWorker } from "../delivery/worker-contract.js";
import type { Logger } from "../logger.js";
import { telemetry } from "../telemetry.js";
import { createLeadership, type Leadership, soleLeadership } from "./leader.js";

export const SENDER_ROLE = 1;
const SETTLE_MS = 1000;

export interface SendingParts {
  config: Config;
  logger: Logger;
  worker: DeliveryWorker;
  /** The bot process edits broadcast progress messages; a worker process without it only sends. */
  broadcastProgress?: { start(): void; stop(): Promise<void> };
}

export function createSendingRole({ config, logger, worker, broadcastProgress }: SendingParts): Leadership {
  // A new sender waits one second first: what a sender that just died sent in its last second still counts
  // against Telegram's rate.
  let settle: NodeJS.Timeout | undefined;
  const lead = () => {
    telemetry().sender.set(1);
    settle = setTimeout(() => {
      worker.start();
      broadcastProgress?.start();
    }, SETTLE_MS);
  };
  const follow = async () => {
    clearTimeout(settle);
    await broadcastProgress?.stop();
    await worker.stop();
    telemetry().sender.set(0);
  };
  if (!config.DATABASE_URL) {
    // One process (PGlite): nobody else sends, no need to wait.
    return soleLeadership(() => {
      telemetry().sender.set(1);
      worker.start();
      broadcastProgress?.start();
    }, follow);
  }
  return createLeadership({
    databaseUrl: config.DATABASE_URL,
    role: SENDER_ROLE,
    logger,
    onLead: lead,
    onFollow: follow,
  });
}
