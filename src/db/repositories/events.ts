// Usage events: validated against the catalogue (src/services/events.ts), timed by the injected clock.
import type { Now } from "../../clock.js";
import { type EventSink, occurredAtFor, validateEvent } from "../../domain/events.js";
import type { PrismaClient } from "../generated/client.ts";

export interface EventRepository extends EventSink {
  countByType(type: string): Promise<number>;
}

export function createEventRepository(prisma: PrismaClient, clock: { now: Now; timeZone: string }): EventRepository {
  return {
    async record(pseudonym, type, attrs) {
      const data = validateEvent(type, attrs);
      const occurredAt = occurredAtFor(type, clock.now(), clock.timeZone);
      await prisma.usageEvent.create({ data: { pseudonym, type, attrs: data as object, occurredAt } });
    },
    countByType: (type) => prisma.usageEvent.count({ where: { type } }),
  };
}
