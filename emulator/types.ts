// Shared types of the local Bot API emulator.
import type { Message } from "grammy/types";

export type Params = Record<string, unknown>;

/** One HTTP request the emulator answered (or dropped), in the order the answers went out. */
export interface ApiCall {
  /** Position in `emu.calls`; pass it as `since` to `waitFor`. */
  index: number;
  method: string;
  params: Params;
  /** HTTP status: 200, 400, 401, 403, 404, 409, 429, 500; 0 when the fault injector dropped the connection. */
  status: number;
  ok: boolean;
  /** Milliseconds since the epoch when the request arrived. */
  at: number;
  durationMs: number;
  token: string;
  result?: unknown;
  error?: { error_code: number; description: string; parameters?: { retry_after?: number } };
  /** The stored message this call created or edited, as it was right after the call. */
  message?: Message;
}

export interface Faults {
  /** Probability 0..1 of answering 500 Internal Server Error. */
  error5xxRate?: number;
  /** Probability 0..1 of answering 400 Bad Request (as Telegram does for a bad file_id or a chat not found). */
  error400Rate?: number;
  /** Delay before each answer. */
  latencyMs?: number;
  /** Probability 0..1 of destroying the socket without an answer. */
  dropRate?: number;
  /** Methods the faults apply to. Default: every method except getUpdates. */
  methods?: string[];
}

export interface RateLimits {
  /** Cap on sending calls over all chats in any sliding second; Infinity disables. Default 30. */
  globalRatePerSec?: number;
  /** Token-bucket size per chat. Default 5. */
  perChatBurst?: number;
  /** Token refill per chat per second; Infinity disables per-chat pacing. Default 1. */
  perChatPerSec?: number;
  /** `retry_after` in 429 answers (at least this; more if the bucket needs longer). Default 1. */
  retryAfterSec?: number;
}

export interface EmulatorOptions extends RateLimits {
  /** 0 picks a free port. */
  port?: number;
  /** Upper bound on a getUpdates long poll, whatever its timeout says. Default 50000. */
  longPollMaxMs?: number;
  /**
   * What a second concurrent getUpdates for the same token does. "terminate-older" is what Telegram does
   * (the pending poll gets 409 and the new one proceeds, which keeps grammY's bot.stop() race-free);
   * "reject-newer" answers 409 to the new request instead. Default "terminate-older".
   */
  pollConflict?: "terminate-older" | "reject-newer";
  /** Answer 403 "bot can't initiate conversation with a user" to sends to chats that never wrote. Default false. */
  knownChatsOnly?: boolean;
  /** Clock for rate limits and dates (ms). Default Date.now. */
  clock?: () => number;
  /** Random source for fault injection. Default Math.random. */
  random?: () => number;
}

export interface Button {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A bot message as the user sees it now. */
export interface SentMessage {
  message_id: number;
  chat_id: number;
  date: number;
  /** "text", "photo", "document", "voice", "sticker", … */
  kind: string;
  text?: string;
  caption?: string;
  buttons: Button[][];
  edited: boolean;
  raw: Message;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);
export const tooManyRequests = (retryAfter: number) =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
