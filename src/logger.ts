// pino logger. Handlers log update type, handler and duration only, never message content. What an error may
// carry into the log is an allowlist: grammY's GrammyError holds the whole request (chat id, text, buttons) in
// `payload`, an HttpError its cause, a database error the query's values; none of that is ever written. Paths that
// may name a person are redacted wherever they appear, and the bot token is blanked out of any string.
import pino from "pino";

export type Logger = pino.Logger;

const REDACT = [
  "token",
  "botToken",
  "BOT_TOKEN",
  "config.BOT_TOKEN",
  "telegramUserId",
  "chatId",
  "chat_id",
  "userId",
  "user_id",
  "from",
  "chat",
  "username",
  "first_name",
  "last_name",
  "text",
  "code",
  "payload",
  "*.telegramUserId",
  "*.chatId",
  "*.chat_id",
  "*.from",
  "*.chat",
  "*.username",
  "*.first_name",
  "*.text",
  "*.code",
  "*.payload",
];

/** The only properties of an error that reach the log (message and stack are scrubbed of secrets). */
const ERROR_FIELDS = ["type", "message", "stack", "code", "error_code", "description", "method", "status"] as const;
const MAX_CAUSES = 3;

export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  /** Secrets to blank out of any string that reaches the log (for example the bot token inside a URL). */
  secrets?: string[];
  destination?: pino.DestinationStream;
}

export function createErrorSerializer(scrub: (s: string) => string) {
  const serialize = (err: unknown, depth = 0): Record<string, unknown> => {
    if (!(err instanceof Error)) return { type: typeof err, message: scrub(String(err)).slice(0, 300) };
    const full = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of ERROR_FIELDS) {
      const v = full[field];
      if (v === undefined) continue;
      out[field] = typeof v === "string" ? scrub(v) : v;
    }
    // The class's own name when it sets one (GrammyError, HttpError, Prisma's): the bundle may rename a class
    // (GrammyError4) and keeps no names (tools/bundle.ts), so the constructor's name is only the fallback.
    if (err.name && err.name !== "Error") out.type = err.name;
    const retryAfter = (err as { parameters?: { retry_after?: unknown } }).parameters?.retry_after;
    if (typeof retryAfter === "number") out.retry_after = retryAfter;
    if (err.cause !== undefined && depth < MAX_CAUSES) out.cause = serialize(err.cause, depth + 1);
    return out;
  };
  return (err: unknown) => serialize(err);
}

export function createLogger(opts: LoggerOptions): Logger {
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 8);
  const scrub = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join("[redacted]"), s);
  const errSerializer = createErrorSerializer(scrub);
  const options: pino.LoggerOptions = {
    level: opts.level,
    base: { app: "mitt" },
    redact: { paths: REDACT, censor: "[redacted]" },
    hooks: {
      // Error messages from HTTP clients can carry the request URL, which contains the token.
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
    serializers: { err: errSerializer, error: errSerializer },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  // Asynchronous writes: a synchronous write per line cost about a fifth of the bot's CPU under load (bench:updates).
  // pino flushes what is buffered when the process exits, also through process.exit() and the fatal hooks below.
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

/**
 * An error nothing caught (a rejected promise, an exception outside any handler) goes through the same logger and
 * redaction, then the process exits non-zero so that its supervisor restarts it in a known state.
 */
export function logFatalAndExit(logger: Logger) {
  const fail = (kind: string) => (err: unknown) => {
    logger.fatal({ msg: kind, err });
    logger.flush?.();
    process.exit(1);
  };
  process.on("unhandledRejection", fail("unhandled rejection"));
  process.on("uncaughtException", fail("uncaught exception"));
}
