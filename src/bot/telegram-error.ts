// What kind of failure an error is, wherever it was thrown. grammY throws GrammyError (Telegram answered with an
// error) and HttpError (no answer); but an error thrown inside `conversation.external` is stored in the replay log
// with structuredClone, which keeps only a plain Error with the same message, and other layers wrap errors in a
// `cause`. So the class, the cause chain and grammY's message format ("Call to 'm' failed! (400: …)") are all read.
import { GrammyError, HttpError } from "grammy";

export interface ErrorKind {
  kind: "telegram" | "network" | "internal";
  /** Telegram's error_code (400, 403, 429, 5xx) for telegram errors. */
  code?: number;
  /** The Bot API method that failed, when known. */
  method?: string;
}

const CALL_FAILED = /^Call to '(\w+)' failed! \((\d{3}): /;
const NETWORK = /^Network request for '(\w+)' failed!/;
const MAX_DEPTH = 5;

export function classifyError(err: unknown): ErrorKind {
  let current: unknown = err;
  for (let depth = 0; depth < MAX_DEPTH && current instanceof Error; depth++) {
    if (current instanceof GrammyError) return { kind: "telegram", code: current.error_code, method: current.method };
    if (current instanceof HttpError) return { kind: "network" };
    const message = current.message ?? "";
    const call = CALL_FAILED.exec(message);
    if (call) return { kind: "telegram", code: Number(call[2]), method: call[1] };
    const net = NETWORK.exec(message);
    if (net || message.startsWith("Error inside conversation: Network request")) {
      return { kind: "network", method: net?.[1] };
    }
    current = current.cause;
  }
  return { kind: "internal" };
}

/** True for a failure of Telegram or of the network to it (not a bug or a database error). */
export const isTelegramFailure = (err: unknown) => classifyError(err).kind !== "internal";
