import { type EventSink, validateEvent } from "../../services/events.js";
import type { PrismaClient } from "../generated/client.ts";

export function createEventRepository(prisma: PrismaClient): EventSink & {
  countByType(type: string): Promise<number>;
} {
  return {
    async record(pseudonym, type, attrs) {
      const data = validateEvent(type, attrs);
      await prisma.usageEvent.create({ data: { pseudonym, type, attrs: data as object } });
    },
    countByType: (type) => prisma.usageEvent.count({ where: { type } }),
  };
}
