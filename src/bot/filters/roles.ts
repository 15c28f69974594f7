// Server-side role checks. Callback data and commands carry no authority: every privileged command and
// every button press passes through here, and a refusal is logged without any content.
import type { Middleware, NextFunction } from "grammy";
import type { Role } from "../../db/repositories/members.js";
import type { Context } from "../context.js";

export function hasRole(ctx: Context, roles: readonly Role[]): boolean {
  return !!ctx.member?.enrolled && roles.includes(ctx.member.role);
}

export async function deny(ctx: Context, area: string): Promise<void> {
  ctx.handler = `denied:${area}`;
  ctx.log.warn({ msg: "access denied", area, role: ctx.member?.role ?? "none" });
  // Only members get an analytics event; a stranger who never consented leaves nothing but this log line.
  if (ctx.pseudonym && ctx.member?.consented) await ctx.deps.events.record(ctx.pseudonym, "access.denied", { area });
  const text = ctx.member?.enrolled ? ctx.t("access-not-allowed") : ctx.t("access-need-invite");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

/** Lets the update through only for these roles; anyone else gets a polite refusal. */
export function requireRole(area: string, roles: readonly Role[]): Middleware<Context> {
  return async (ctx: Context, next: NextFunction) => {
    if (hasRole(ctx, roles)) return next();
    await deny(ctx, area);
  };
}
