// Finds who sent the update: their pseudonym and member row (one query), and the key their session and
// conversation state live under. Writes at most once a local day per member (activity date, in the programme's
// calendar), and clears "unreachable" when someone who had blocked the bot writes again: an update that changes
// nothing writes nothing.
import type { NextFunction } from "grammy";
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
