// One log line per handled update: its type, the handler that took it and how long it took. Never the content,
// never the sender. At debug level for every update; at info only when an update was slow. A line per update at
// info cost about a sixth of the bot's CPU under load (JSON, redaction, pipe writes), and /metrics already counts
// updates and their durations.
import type { NextFunction } from "grammy";
import type { Context } from "../context.js";

/** An update that took this long is logged at info level. */
export const SLOW_UPDATE_MS = 1000;

export async function updateLogger(ctx: Context, next: NextFunction): Promise<void> {
  const started = performance.now();
  try {
    await next();
  } finally {
    const ms = Math.round(performance.now() - started);
    const slow = ms >= SLOW_UPDATE_MS;
    if (slow || ctx.deps.logger.isLevelEnabled("debug")) {
      const line = { msg: "update handled", type: updateType(ctx), handler: ctx.handler ?? "none", ms };
      if (slow) ctx.log.info({ ...line, slow: true });
      else ctx.log.debug(line);
    }
  }
}

export function updateType(ctx: Context): string {
  const u = ctx.update;
  if (u.callback_query) return "callback_query";
  const m = u.message;
  if (m) {
    if (m.text?.startsWith("/")) return "message:command";
    for (const kind of [
      "text",
      "sticker",
      "photo",
      "voice",
      "video",
      "document",
      "audio",
      "animation",
      "location",
      "contact",
    ] as const) {
      if (m[kind] !== undefined) return `message:${kind}`;
    }
    return "message:other";
  }
  return Object.keys(u).find((k) => k !== "update_id") ?? "unknown";
}

/** Marks which handler took the update (for the log line above). */
export function logHandle(name: string) {
  return (ctx: Context, next: NextFunction) => {
    ctx.handler = name;
    return next();
  };
}
