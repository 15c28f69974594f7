// Updates by type and outcome, and how long each took (/metrics); also how late updates arrive (/readyz).
import type { NextFunction } from "grammy";
import type { Now } from "../../clock.js";
import { telemetry } from "../../telemetry.js";
import type { Context } from "../context.js";
import { updateType } from "./update-logger.js";

export function createUpdateMetrics(now: Now) {
  const m = telemetry();
  return async function updateMetrics(ctx: Context, next: NextFunction): Promise<void> {
    const started = performance.now();
    const type = updateType(ctx);
    const sentAt = ctx.update.message?.date ?? ctx.update.my_chat_member?.date;
    if (sentAt !== undefined) m.observeLag(now().getTime() / 1000 - sentAt, now().getTime());
    let outcome = "handled";
    try {
      await next();
      if (ctx.handler === "duplicate") outcome = "duplicate";
    } catch (err) {
      outcome = "error";
      throw err;
    } finally {
      m.updates.inc({ type, outcome });
      if (outcome !== "duplicate") m.updateSeconds.observe({ type }, (performance.now() - started) / 1000);
    }
  };
}
