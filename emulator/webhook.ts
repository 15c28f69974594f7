// setWebhook as Telegram plays it: once a webhook is set, new updates are POSTed to its URL (JSON, with the
// X-Telegram-Bot-Api-Secret-Token header when a secret was given) instead of waiting for getUpdates, which now
// answers 409. An answer other than 2xx, or no answer, is retried with a growing delay (Telegram does the same for
// about a day; here for `maxAttempts`). deleteWebhook goes back to getUpdates; undelivered updates are kept for it.
import type { Update } from "grammy/types";
import type { Params } from "./types.js";

export interface WebhookInfo {
  url: string;
  has_custom_certificate: boolean;
  pending_update_count: number;
  allowed_updates?: string[];
  last_error_date?: number;
  last_error_message?: string;
}

export class WebhookDelivery {
  private url = "";
  private secret: string | undefined;
  private allowed: Set<string> | undefined;
  private pending = new Set<number>();
  private lastError: { date: number; message: string } | undefined;
  private closed = false;

  constructor(
    /** Gives an update back to the getUpdates queue when the webhook is deleted before it was delivered. */
    private readonly requeue: (update: Update) => void,
    private readonly maxAttempts = 8,
  ) {}

  get active(): boolean {
    return this.url !== "";
  }

  set(params: Params): void {
    this.url = String(params.url ?? "");
    this.secret = typeof params.secret_token === "string" ? params.secret_token : undefined;
    this.allowed = Array.isArray(params.allowed_updates) ? new Set(params.allowed_updates.map(String)) : undefined;
  }

  delete(): void {
    this.url = "";
  }

  info(): WebhookInfo {
    return {
      url: this.url,
      has_custom_certificate: false,
      pending_update_count: this.pending.size,
      ...(this.allowed ? { allowed_updates: [...this.allowed] } : {}),
      ...(this.lastError ? { last_error_date: this.lastError.date, last_error_message: this.lastError.message } : {}),
    };
  }

  /** Takes an update for delivery when a webhook is set (true), or leaves it to getUpdates (false). */
  offer(update: Update): boolean {
    if (!this.active) return false;
    const type = Object.keys(update).find((k) => k !== "update_id") ?? "";
    if (this.allowed?.size && !this.allowed.has(type)) return true; // Telegram drops what was not asked for
    this.pending.add(update.update_id);
    void this.deliver(update, this.url, 1);
    return true;
  }

  close(): void {
    this.closed = true;
  }

  private async deliver(update: Update, url: string, attempt: number): Promise<void> {
    if (this.closed) return;
    if (!this.active) {
      this.pending.delete(update.update_id);
      this.requeue(update);
      return;
    }
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.secret ? { "x-telegram-bot-api-secret-token": this.secret } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(60_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        this.pending.delete(update.update_id);
        return;
      }
      this.lastError = {
        date: Math.floor(Date.now() / 1000),
        message: `Wrong response from the webhook: ${res.status}`,
      };
    } catch (err) {
      this.lastError = { date: Math.floor(Date.now() / 1000), message: `Connection failed: ${String(err)}` };
    }
    if (attempt >= this.maxAttempts || this.closed) {
      this.pending.delete(update.update_id);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
    await this.deliver(update, this.url || url, attempt + 1);
  }
}
