// pino logger. Redacts the bot token and anything that identifies a Telegram user; handlers log
// update type, handler and duration only, never message content.
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
  "*.telegramUserId",
  "*.chatId",
  "*.chat_id",
  "*.from",
  "*.chat",
  "*.username",
  "*.first_name",
  "*.text",
  "*.code",
];

export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  /** Secrets to blank out of any string that reaches the log (for example the bot token inside a URL). */
  secrets?: string[];
  destination?: pino.DestinationStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 8);
  const scrub = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join("[redacted]"), s);
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
    serializers: {
      err: (err: Error) => {
        const out = pino.stdSerializers.err(err);
        out.message = scrub(out.message);
        if (out.stack) out.stack = scrub(out.stack);
        return out;
      },
    },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  return pino(options);
}
