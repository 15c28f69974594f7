// The deployment part of the config (README "Production"): polling or webhook, the HTTP port for the webhook,
// health and metrics, where scheduler jobs run, readiness limits and shutdown bounds. Kept apart from
// src/config.ts so that file stays about what Mitt does, this one about how it is run.
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

export const deploymentSchema = {
  BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
  /** The public HTTPS address Telegram posts updates to (webhook mode), for example https://mitt.example.org/tg. */
  WEBHOOK_URL: z
    .url({ error: "must be a URL such as https://mitt.example.org/telegram" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
      .optional(),
  ),
  /** Delete the webhook on shutdown (only when no other instance serves it: a one-instance deployment). */
  WEBHOOK_DELETE_ON_SHUTDOWN: flag,
  /** HTTP port for the webhook and /healthz, /readyz, /metrics (optional in polling mode). */
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(1, "must be 1 to 65535")
    .max(65535, "must be 1 to 65535")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Which process runs the scheduler jobs: the bot (default), a separate worker (`npm run worker`), or none. */
  JOBS: z.enum(["bot", "worker", "off"], { error: "must be bot, worker or off" }).default("bot"),
  /** /readyz is unready while more outbox rows than this are due and unsent. */
  READY_MAX_OUTBOX_BACKLOG: z.coerce.number().int().min(1).default(100_000),
  /** /readyz is unready while updates reach handlers later than this after they were sent. */
  READY_MAX_UPDATE_LAG_SECONDS: z.coerce.number().int().min(1).default(120),
  /** Shutdown waits at most this long for updates being handled. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
};

interface DeploymentFields {
  BOT_MODE: "polling" | "webhook";
  WEBHOOK_URL?: string | undefined;
  WEBHOOK_SECRET?: string | undefined;
  PORT?: number | undefined;
  DELIVERY_LEASE_SECONDS: number;
  DELIVERY_SEND_TIMEOUT_SECONDS: number;
  DELIVERY_MAX_RETRY_AFTER_SECONDS: number;
}

export function checkDeployment(c: DeploymentFields, ctx: z.RefinementCtx) {
  const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (c.BOT_MODE === "webhook") {
    if (!c.WEBHOOK_URL) need("WEBHOOK_URL", "is required when BOT_MODE=webhook (the public https address)");
    if (!c.WEBHOOK_SECRET) need("WEBHOOK_SECRET", "is required when BOT_MODE=webhook (try: openssl rand -hex 32)");
    if (c.PORT === undefined) need("PORT", "is required when BOT_MODE=webhook (the port the webhook listens on)");
  }
  // A claimed row may wait out a 429 and then take a whole send timeout: if its lease ran out meanwhile, another
  // worker would claim and send it too.
  const needed = c.DELIVERY_SEND_TIMEOUT_SECONDS + c.DELIVERY_MAX_RETRY_AFTER_SECONDS;
  if (c.DELIVERY_LEASE_SECONDS <= needed) {
    need(
      "DELIVERY_LEASE_SECONDS",
      `must be more than DELIVERY_SEND_TIMEOUT_SECONDS + DELIVERY_MAX_RETRY_AFTER_SECONDS (${needed})`,
    );
  }
}
