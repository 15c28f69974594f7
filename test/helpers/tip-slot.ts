// Queueing a Monday 08:00 tip slot from a test, as the scheduler would, for process tests whose delivery happens in
// other processes: officers made daily at 08:00, the tip library synced, the slot queued with no worker here.
import { loadTipLibrary } from "../../src/content/tips.js";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import { createEventRepository } from "../../src/db/repositories/events.js";
import { createMemberRepository } from "../../src/db/repositories/members.js";
import { createOutboxRepository } from "../../src/db/repositories/outbox.js";
import { createTipRepository } from "../../src/db/repositories/tips.js";
import { createDelivery } from "../../src/delivery/delivery.js";
import { createLogger } from "../../src/logger.js";
import { createTipService } from "../../src/services/tips.js";

const TZ = "Asia/Phnom_Penh";
/** A Monday 08:00 in Phnom Penh: every daily officer is due. */
export const MONDAY_SLOT = new Date("2026-11-23T08:00:00+07:00");

/** The delivery service of a process that queues but never sends (its worker is idle). */
export function queueOnlyDelivery(prisma: PrismaClient) {
  const now = () => new Date();
  return createDelivery(createOutboxRepository(prisma, now), { wake() {}, async hold() {}, unhold() {} }, now);
}

/** Makes every officer daily at 08:00, syncs the tips, and queues the Monday slot; returns how many were queued. */
export async function queueMondayTipSlot(prisma: PrismaClient): Promise<number> {
  const now = () => new Date();
  await prisma.member.updateMany({ data: { tipFrequency: "daily", tipTime: "08:00" } });
  const repo = createTipRepository(prisma, now);
  await repo.sync(await loadTipLibrary());
  const tips = createTipService({
    repo,
    members: createMemberRepository(prisma, now),
    events: createEventRepository(prisma, { now, timeZone: TZ }),
    delivery: queueOnlyDelivery(prisma),
    t: (_l, k) => k,
    timeZone: TZ,
    logger: createLogger({ level: "silent" }),
    now,
  });
  return tips.queueDueSlots(MONDAY_SLOT);
}
