// An update delivered twice (a retried getUpdates, a webhook redelivery) is handled once. This remembers the
// update_ids of the last few thousand updates; it does not survive a restart, so state changes that matter are
// idempotent too (a checklist press is keyed by its callback query id, settings buttons carry the value they set).
import type { NextFunction } from "grammy";
import type { Context } from "../context.js";

const MAX_REMEMBERED = 10_000;

export function createUpdateDedupe(max = MAX_REMEMBERED) {
  const seen = new Set<number>();
  return async function dedupe(ctx: Context, next: NextFunction): Promise<void> {
    const id = ctx.update.update_id;
    if (seen.has(id)) {
      ctx.handler = "duplicate";
      return;
    }
    seen.add(id);
    if (seen.size > max) seen.delete(seen.values().next().value as number);
    await next();
  };
}
