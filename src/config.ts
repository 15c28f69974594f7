// Configuration is a zod schema over the environment (and .env, loaded by main.ts). createConfig() is
// pure so tests can build configs; it throws ConfigError with one line per bad variable.
import { validate as isCron } from "node-cron";
import { z } from "zod";
import { checkDeployment, deploymentSchema } from "./config-deployment.js";

const TELEGRAM_DEFAULT_ROOT = "https://api.telegram.org";

const idList = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const parts = raw
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const bad = parts.filter((p) => !/^\d{1,15}$/.test(p));
    if (bad.length) ctx.addIssue({ code: "custom", message: `not numeric Telegram user ids: ${bad.join(", ")}` });
    return parts.map(Number);
  });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM, for example 21:00");

export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BOT_TOKEN: z
      .string({ error: "is missing" })
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{1,100}$/, "does not look like a bot token (digits, a colon, then letters)"),
    TELEGRAM_API_ROOT: z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).default(TELEGRAM_DEFAULT_ROOT),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().min(1).default("./data"),
    PSEUDONYM_KEY: z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional(),
    ADMIN_TELEGRAM_IDS: idList,
    TZ: z
      .string()
      .default("Asia/Phnom_Penh")
      .refine(isTimeZone, "is not a known IANA time zone (for example Asia/Phnom_Penh)"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SEND_RATE_PER_SEC: z.coerce.number().min(1).max(1000).default(25),
    QUIET_HOURS: z
      .string()
      .default("21:00-07:00")
      .transform((v, ctx) => {
        const [start, end] = v.split("-");
        if (!hhmm.safeParse(start).success || !hhmm.safeParse(end).success) {
          ctx.addIssue({ code: "custom", message: "use HH:MM-HH:MM, for example 21:00-07:00" });
        }
        return { start: start ?? "21:00", end: end ?? "07:00" };
      }),
    DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(8),
    DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** How long one bulk send may take before it counts as failed (transient). */
    DELIVERY_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
    /** The longest 429 retry_after a claimed row may wait out before it is sent; the lease must cover both. */
    DELIVERY_MAX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    FREE_TEXT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    STATE_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).default(14),
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
    PRACTICE_DIGEST_CRON: z
      .string()
      .default("0 10 * * 4")
      .refine(isCron, "is not a cron expression (minute hour day month weekday, for example 0 10 * * 4)"),
    PEER_MAX_OPEN: z.coerce.number().int().min(1).max(20).default(2),
    PEER_TIMEOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(120),
    /** Updates one person may send in 10 seconds; past that one notice, then the rest is dropped until it ends. */
    FLOOD_LIMIT_PER_10S: z.coerce.number().int().min(1).max(10_000).default(20),
  })
  .extend(deploymentSchema)
  .superRefine((c, ctx) => {
    checkDeployment(c, ctx);
    if (c.NODE_ENV === "production" && !c.PSEUDONYM_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["PSEUDONYM_KEY"],
        message: "is required when NODE_ENV=production (keep it secret and stable: it links nothing without it)",
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.join("\n")}`);
  }
}

export const MISSING_TOKEN_HELP = [
  "BOT_TOKEN is missing. To get one: open Telegram, talk to @BotFather, send /newbot and copy the token it gives you.",
  "To try Mitt without Telegram: run `npm run dev:local` (a local Telegram emulator with a chat in your terminal).",
];

export function createConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "config");
    if (name === "BOT_TOKEN" && env.BOT_TOKEN === undefined) return MISSING_TOKEN_HELP.join("\n");
    return `${name} ${issue.message}`;
  });
  throw new ConfigError(lines);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
