// Builds the outbox, the worker and the delivery service from the config: used by the bot (app.ts) and by
// a worker-only process (worker.ts), so both send the same way.
import type { Now } from "../clock.js";
import type { Config } from "../config.js";
import type { PrismaClient } from "../db/generated/client.ts";
import { createMemberRepository } from "../db/repositories/members.js";
import { createOutboxRepository } from "../db/repositories/outbox.js";
import type { Logger } from "../logger.js";
import { telemetry } from "../telemetry.js";
import { createDelivery } from "./delivery.js";
import { createTelegramSender, type Sender } from "./telegram-sender.js";
import { createDeliveryWorker } from "./worker.js";
import type { WorkerOptions } from "./worker-contract.js";

export function createDeliveryStack(
  config: Config,
  prisma: PrismaClient,
  logger: Logger,
  now: Now,
  hooks: Pick<WorkerOptions, "onSettled" | "onJobFinished" | "renderers"> = {},
) {
  const outbox = createOutboxRepository(prisma, now);
  const members = createMemberRepository(prisma, now);
  // Bulk sends go through their own Api and pacer, so interactive replies never queue behind them.
  const worker = createDeliveryWorker({
    outbox,
    send: counted(
      createTelegramSender(config.BOT_TOKEN, config.TELEGRAM_API_ROOT, config.DELIVERY_SEND_TIMEOUT_SECONDS),
    ),
    logger,
    ratePerSec: config.SEND_RATE_PER_SEC,
    concurrency: config.DELIVERY_CONCURRENCY,
    timeZone: config.TZ,
    defaultQuiet: config.QUIET_HOURS,
    leaseSeconds: config.DELIVERY_LEASE_SECONDS,
    sendTimeoutSeconds: config.DELIVERY_SEND_TIMEOUT_SECONDS,
    now,
    onBlocked: (pseudonym) => members.markUnreachable(pseudonym),
    ...hooks,
  });
  telemetry().outboxCounts(() => outbox.countByState());
  return { outbox, worker, delivery: createDelivery(outbox, worker, now) };
}

/** Counts every bulk send by outcome (/metrics). */
function counted(send: Sender): Sender {
  const m = telemetry();
  return async (chatId, payload) => {
    const outcome = await send(chatId, payload);
    m.sends.inc({ outcome: outcome.kind });
    if (outcome.kind === "rate_limited") m.rateLimited.inc();
    return outcome;
  };
}
