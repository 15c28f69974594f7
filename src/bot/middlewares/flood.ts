// Fair under a flood: each person (Telegram user id) may send FLOOD_LIMIT_PER_10S updates in a 10-second window
// that starts with their first update; past that, the first excess update gets one short notice in their language
// and the rest of the window is dropped before anything reads the database. Presses dropped here are still
// answered (empty) by the answer tracker, which runs before this. Limits are per person, so someone else's press
// or message is never dropped because of a flood; admins are limited like everyone.
// Hand-written rather than @grammyjs/ratelimiter: that plugin clears all counters on a wall-clock interval, so a
// window can end in the middle of a flood (a second notice at random) and cannot follow the app's injected clock.
import type { NextFunction } from "grammy";
import type { Context } from "../context.js";
import { localeFromTelegram } from "../i18n.js";

export const FLOOD_WINDOW_MS = 10_000;
/** Past this many people tracked, windows that have ended are swept (bounded memory under many senders). */
const SWEEP_ABOVE = 10_000;

interface Window {
  startedAt: number;
  count: number;
}

export function createFloodLimit(limit: number) {
  const windows = new Map<number, Window>();
  const sweep = (at: number) => {
    for (const [id, w] of windows) if (at - w.startedAt >= FLOOD_WINDOW_MS) windows.delete(id);
  };
  return async function floodLimit(ctx: Context, next: NextFunction): Promise<void> {
    const from = ctx.from;
    if (!from) return next();
    const at = ctx.deps.now().getTime();
    let w = windows.get(from.id);
    if (!w || at - w.startedAt >= FLOOD_WINDOW_MS || at < w.startedAt) {
      if (!w && windows.size >= SWEEP_ABOVE) sweep(at);
      w = { startedAt: at, count: 0 };
      windows.set(from.id, w);
    }
    w.count++;
    if (w.count <= limit) return next();
    ctx.handler = "flood-dropped";
    if (w.count !== limit + 1 || !ctx.chat) return;
    ctx.handler = "flood-notice";
    // The member's language if they have one (one query per window, not per dropped update), else Telegram's.
    const sender = await ctx.deps.members.findSender(from.id);
    const locale = sender?.member?.locale ?? localeFromTelegram(from.language_code);
    await ctx.api.sendMessage(ctx.chat.id, ctx.deps.i18n.t(locale, "common-slow-down"));
  };
}
