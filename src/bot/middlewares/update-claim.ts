// Several instances (README "Production"): each update is handled by one instance only, and one chat's updates
// one at a time across instances. The claim is a row per update_id (src/db/repositories/update-claims.ts), taken
// under the chat's lock before handling and marked done after, failed or not (the person already had the apology:
// handling it again could do twice what was half done). The chat lock is a Postgres advisory lock
// (src/fleet/chat-lock.ts); taking the claim under it also orders a chat's updates across instances.
// The in-memory dedupe before this stays as the fast path for a repeat seen by this same instance.
import type { NextFunction } from "grammy";
import type { UpdateClaimRepository } from "../../db/repositories/update-claims.js";
import type { ChatLocks } from "../../fleet/chat-lock.js";
import type { Context } from "../context.js";

export function createUpdateClaim(claims: UpdateClaimRepository | undefined, locks: ChatLocks) {
  return async function updateClaim(ctx: Context, next: NextFunction): Promise<void> {
    const id = ctx.update.update_id;
    // Under the chat's lock nobody else can be handling this update, so an unfinished claim is a dead one.
    const claimed = async (exclusive: boolean) => {
      if (claims && !(await claims.claim(id, exclusive))) {
        ctx.handler = "duplicate";
        return;
      }
      // Start and end of handling, for the process test that checks no two instances overlap in one chat.
      const started = Date.now();
      try {
        await next();
      } finally {
        // Asked first: ctx.log makes the update's child logger, which most updates never need.
        if (ctx.deps.logger.isLevelEnabled("debug")) {
          ctx.log.debug({ msg: "update in chat order", started, ended: Date.now() });
        }
        if (claims) await claims.done(id);
      }
    };
    const chat = ctx.chat?.id ?? ctx.from?.id;
    if (chat === undefined) await claimed(false);
    else await locks.withLock(chat, () => claimed(true));
  };
}
