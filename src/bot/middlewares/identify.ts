// Finds who sent the update: their pseudonym and member row, their session and conversation state and the
// content version (one query), and the key their session and
// conversation state live under. Writes at most once a local day per member (activity date, in the programme's
// calendar), and clears "unreachable" when someone who had blocked the bot writes again: an update that changes
// nothing writes nothing.
import type { NextFunction } from "grammy";
import { prefetchState } from "../../db/kv-storage.js";
import { localDate } from "../../domain/local-time.js";
import type { Context } from "../context.js";

export async function identify(ctx: Context, next: NextFunction): Promise<void> {
  ctx.pseudonym = undefined;
  ctx.member = null;
  ctx.stateKey = undefined;
  const from = ctx.from;
  if (from && !from.is_bot) {
    const { pseudonyms, members, now, config } = ctx.deps;
    const sender = await members.findSender(from.id);
    if (sender) {
      // The same query read their session and conversation state and the content version (see findSender).
      const p = sender.pseudonym;
      prefetchState(ctx.deps.prisma, [
        [`session:${p}`, sender.state.session],
        [`conv:${p}`, sender.state.conversation],
      ]);
      ctx.deps.tips.observeContentVersion(sender.contentVersion);
    }
    ctx.pseudonym = sender?.pseudonym;
    ctx.member = sender?.member ?? null;
    ctx.stateKey = sender?.pseudonym ?? pseudonyms.visitorKey(from.id);
    const m = ctx.member;
    if (m?.consented) {
      const today = localDate(now(), config.TZ);
      if (m.unreachable || m.lastActiveOn !== today.toISOString().slice(0, 10)) {
        await members.touch(m.pseudonym, today);
      }
    }
  }
  await next();
}
