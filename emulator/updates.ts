// The update queue behind getUpdates: offset confirmation, limit, long polling that wakes as soon as an update
// is injected, allowed_updates, and 409 Conflict when two pollers share a token.
import type { Update } from "grammy/types";
import { ApiError, type Params } from "./types.js";

export type NewUpdate = Omit<Update, "update_id">;

const DEFAULT_EXCLUDED = new Set(["chat_member", "message_reaction", "message_reaction_count"]);
const CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

interface ActivePoll {
  finish(result: Update[] | ApiError): void;
}

export class UpdateQueue {
  private pending: Update[] = [];
  private again: Update[] = [];
  private nextId = 1;
  private wakers = new Set<() => void>();
  private polls = new Map<string, ActivePoll>();
  private allowed: Set<string> | undefined;

  constructor(
    private readonly longPollMaxMs: number,
    private readonly conflictPolicy: "terminate-older" | "reject-newer",
    /** Called when a getUpdates request starts waiting (tests use it instead of sleeping). */
    private readonly onWait: (token: string) => void = () => {},
    /** A webhook takes new updates instead of getUpdates (emulator/webhook.ts); true when it took this one. */
    private readonly divert: (update: Update) => boolean = () => false,
  ) {}

  /** Queues an update (update_id assigned here) and wakes a waiting long poll. */
  push(update: NewUpdate): Update {
    const full = { update_id: this.nextId++, ...update } as Update;
    if (this.divert(full)) return full;
    this.pending.push(full);
    for (const wake of [...this.wakers]) wake();
    return full;
  }

  /**
   * Delivers an update again with its own update_id (as Telegram does when a getUpdates answer was lost, or after
   * a restart before the offset was confirmed): it is in the next batch whatever offset the bot confirms.
   */
  redeliver(update: Update): void {
    if (this.divert(structuredClone(update))) return;
    this.again.push(structuredClone(update));
    for (const wake of [...this.wakers]) wake();
  }

  /** Updates not yet confirmed by the bot. */
  unconfirmed(): Update[] {
    return [...this.pending];
  }

  /** An update a deleted webhook never delivered: getUpdates gets it. */
  requeue(update: Update): void {
    this.pending.push(update);
    this.pending.sort((a, b) => a.update_id - b.update_id);
  }

  /** Answers getUpdates; resolves with a batch (maybe empty after the timeout), rejects with 409 on conflict. */
  getUpdates(token: string, params: Params, onClientGone: (cb: () => void) => void): Promise<Update[]> {
    const existing = this.polls.get(token);
    if (existing) {
      if (this.conflictPolicy === "reject-newer") return Promise.reject(new ApiError(409, CONFLICT));
      existing.finish(new ApiError(409, CONFLICT));
    }
    const offset = typeof params.offset === "number" ? params.offset : undefined;
    if (offset !== undefined) this.confirm(offset);
    const limit = Math.min(100, Math.max(1, typeof params.limit === "number" && params.limit > 0 ? params.limit : 100));
    if (Array.isArray(params.allowed_updates)) {
      this.allowed = params.allowed_updates.length ? new Set(params.allowed_updates.map(String)) : undefined;
    }
    const timeoutMs = Math.min(
      this.longPollMaxMs,
      Math.max(0, typeof params.timeout === "number" ? params.timeout : 0) * 1000,
    );
    const batch = this.take(limit);
    if (batch.length > 0 || timeoutMs <= 0) return Promise.resolve(batch);

    return new Promise<Update[]>((resolve, reject) => {
      let done = false;
      const poll: ActivePoll = {
        finish: (result) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          this.wakers.delete(wake);
          if (this.polls.get(token) === poll) this.polls.delete(token);
          if (result instanceof ApiError) reject(result);
          else resolve(result);
        },
      };
      const wake = () => {
        const ready = this.take(limit);
        if (ready.length > 0) poll.finish(ready);
      };
      const timer = setTimeout(() => poll.finish([]), timeoutMs);
      this.polls.set(token, poll);
      this.wakers.add(wake);
      onClientGone(() => poll.finish([]));
      this.onWait(token);
    });
  }

  private confirm(offset: number): void {
    if (offset < 0) {
      this.pending = this.pending.slice(offset);
      return;
    }
    this.pending = this.pending.filter((u) => u.update_id >= offset);
  }

  private take(limit: number): Update[] {
    const again = this.again.splice(0, limit);
    return [...again, ...this.pending.filter((u) => this.isAllowed(u)).slice(0, limit - again.length)];
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((k) => k !== "update_id") ?? "";
    return this.allowed ? this.allowed.has(type) : !DEFAULT_EXCLUDED.has(type);
  }

  /** Answers every pending long poll with an empty batch. */
  releaseAll(): void {
    for (const poll of [...this.polls.values()]) poll.finish([]);
  }

  /** Forgets pending updates and pollers; update_id keeps increasing so a running bot's offset stays valid. */
  reset(): void {
    this.releaseAll();
    this.pending = [];
    this.again = [];
    this.allowed = undefined;
  }
}
