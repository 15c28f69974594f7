// Telegram's flood control as the emulator plays it: a global sliding-window cap on sending calls over all chats,
// a token bucket per chat, and a queue of forced 429 answers.
import type { RateLimits } from "./types.js";

/** Methods that put something in a chat (pacing, blocking and force429 apply to them). */
export function isSendingMethod(method: string): boolean {
  if (method === "sendChatAction") return false;
  return (
    method.startsWith("send") ||
    method.startsWith("editMessage") ||
    method === "copyMessage" ||
    method === "copyMessages" ||
    method === "forwardMessage" ||
    method === "forwardMessages" ||
    method === "stopPoll"
  );
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private limits: Required<RateLimits>;
  private window: number[] = [];
  private buckets = new Map<string, Bucket>();
  private forced: number[] = [];

  constructor(
    limits: RateLimits,
    private readonly clock: () => number,
  ) {
    this.limits = { globalRatePerSec: 30, perChatBurst: 5, perChatPerSec: 1, retryAfterSec: 1 };
    this.configure(limits);
  }

  configure(limits: RateLimits): void {
    for (const [k, v] of Object.entries(limits)) {
      if (v !== undefined) (this.limits as unknown as Record<string, number>)[k] = v;
    }
  }

  get current(): Readonly<Required<RateLimits>> {
    return this.limits;
  }

  /** The next `count` sending calls answer 429 with this retry_after. */
  force(count: number, retryAfterSec: number): void {
    for (let i = 0; i < count; i++) this.forced.push(retryAfterSec);
  }

  /**
   * Admits one sending call to `chatKey`, or returns the retry_after (seconds) of the 429 it earns.
   * Rejected calls consume nothing.
   */
  admit(chatKey: string): number | undefined {
    const forced = this.forced.shift();
    if (forced !== undefined) return forced;
    const now = this.clock();
    const { globalRatePerSec, perChatBurst, perChatPerSec, retryAfterSec } = this.limits;
    if (Number.isFinite(globalRatePerSec)) {
      while (this.window.length > 0 && (this.window[0] as number) <= now - 1000) this.window.shift();
      if (this.window.length >= globalRatePerSec) return retryAfterSec;
    }
    let bucket: Bucket | undefined;
    if (Number.isFinite(perChatPerSec)) {
      bucket = this.buckets.get(chatKey) ?? { tokens: perChatBurst, updatedAt: now };
      bucket.tokens = Math.min(perChatBurst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perChatPerSec);
      bucket.updatedAt = now;
      this.buckets.set(chatKey, bucket);
      if (bucket.tokens < 1) {
        const wait = perChatPerSec > 0 ? Math.ceil((1 - bucket.tokens) / perChatPerSec) : retryAfterSec;
        return Math.max(retryAfterSec, wait);
      }
      bucket.tokens -= 1;
    }
    if (Number.isFinite(globalRatePerSec)) this.window.push(now);
    return undefined;
  }

  reset(): void {
    this.window = [];
    this.buckets.clear();
    this.forced = [];
  }
}
