// Derives the sender's pseudonym and loads their member row once per update. Writes at most once a day
// per member (activity date, in the programme's calendar), and clears "unreachable" when someone who had
// blocked the bot writes again.
import type { NextFunction } from "grammy";
import { localDate } from "../../services/local-time.js";
import type { Context } from "../context.js";

export async function identify(ctx: Context, next: NextFunction): Promise<void> {
  ctx.pseudonym = undefined;
  ctx.member = null;
  const from = ctx.from;
  if (from && !from.is_bot) {
    const { pseudonyms, members, now } = ctx.deps;
    ctx.pseudonym = pseudonyms.of(from.id);
    ctx.member = await members.find(ctx.pseudonym);
    if (ctx.member?.consented) await members.touch(ctx.pseudonym, localDate(now(), ctx.deps.config.TZ));
  }
  await next();
}
