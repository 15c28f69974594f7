// One log line per handled update: its type, the handler that took it and how long it took.
// Never the content, never the sender.
import type { NextFunction } from "grammy";
import type { Context } from "../context.js";

export async function updateLogger(ctx: Context, next: NextFunction): Promise<void> {
  const started = performance.now();
  try {
    await next();
  } finally {
    ctx.log.info({
      msg: "update handled",
      type: updateType(ctx),
      handler: ctx.handler ?? "none",
      ms: Math.round(performance.now() - started),
    });
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
