import { type EventSink, occurredAtFor, validateEvent } from "../../services/events.js";
import type { PrismaClient } from "../generated/client.ts";

export function createEventRepository(prisma: PrismaClient): EventSink & {
  countByType(type: string): Promise<number>;
} {
  return {
    async record(pseudonym, type, attrs) {
      const data = validateEvent(type, attrs);
      const occurredAt = occurredAtFor(type, new Date());
      await prisma.usageEvent.create({ data: { pseudonym, type, attrs: data as object, occurredAt } });
    },
    countByType: (type) => prisma.usageEvent.count({ where: { type } }),
  };
}
