// Tracks updates being handled, so shutdown can wait for them: @grammyjs/runner's stop() ends fetching
// but does not wait for updates already handed to its sink, and a process that exits then loses the
// state those updates were about to write. Also remembers the highest handled update_id, so shutdown
// can confirm it to Telegram (the runner does not), and a restart does not get it again.
import type { NextFunction } from "grammy";
import type { Context } from "../context.js";

export function createInFlightTracker() {
  let active = 0;
  let highestDone = 0;
  let idleWaiters: (() => void)[] = [];
  return {
    middleware: async (ctx: Context, next: NextFunction) => {
      active++;
      try {
        await next();
      } finally {
        active--;
        highestDone = Math.max(highestDone, ctx.update.update_id);
        if (active === 0) {
          for (const w of idleWaiters) w();
          idleWaiters = [];
        }
      }
    },
    get highestDone() {
      return highestDone;
    },
    /** Resolves when nothing is being handled; `pending()` counts updates fetched but not yet started. */
    async drain(pending: () => number): Promise<void> {
      while (active > 0 || pending() > 0) {
        await new Promise<void>((resolve) => {
          if (active === 0) resolve();
          else idleWaiters.push(resolve);
        });
        if (active === 0 && pending() > 0) await new Promise<void>((r) => setImmediate(r));
      }
    },
  };
}

export type InFlightTracker = ReturnType<typeof createInFlightTracker>;
