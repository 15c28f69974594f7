// The Emulator: a real HTTP server on 127.0.0.1 speaking the Bot API, with recorded calls, event-driven waiting,
// fault injection, flood control, blocked chats and test users that inject updates.
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, User } from "grammy/types";
import { describeTimeout } from "./describe.js";
import { botUser } from "./methods.js";
import { RateLimiter } from "./rate-limit.js";
import { requestHandler } from "./server.js";
import { ChatStore, toView } from "./state.js";
import { TestUser, type TestUserInit } from "./test-user.js";
import type { ApiCall, EmulatorOptions, Faults, RateLimits, SentMessage } from "./types.js";
import { type NewUpdate, UpdateQueue } from "./updates.js";
import { WebhookDelivery } from "./webhook.js";

export interface WaitOptions {
  timeoutMs?: number;
  /** Consider only calls at or after this index of `emu.calls`. Default 0: already recorded calls count too. */
  since?: number;
}

/**
 * Events: "call" after each answered request, "update" after each injected update, "poll" when a getUpdates
 * long poll starts waiting (with the token), "warning" for each recorded warning.
 */
export interface EmulatorEvents {
  call: [call: ApiCall];
  update: [update: Update];
  poll: [token: string];
  warning: [message: string];
}

export class Emulator extends EventEmitter<EmulatorEvents> {
  /** Every request answered so far (rejected ones included), in answer order. */
  readonly calls: ApiCall[] = [];
  /** Unknown parameters and other things Telegram would ignore but a test should know about. */
  readonly warnings: string[] = [];
  /** @internal */ readonly chats = new ChatStore();
  /** @internal */ readonly updates: UpdateQueue;
  /** The webhook set by setWebhook (updates are POSTed to it instead of waiting for getUpdates). */
  readonly webhook: WebhookDelivery;
  /** @internal */ readonly clock: () => number;
  private readonly limiter: RateLimiter;
  private readonly server: Server;
  private faults: Faults = {};
  private lastToken = "1000000001:LOCALDEV";
  private readonly cancelWaits = new Set<(why: Error) => void>();

  constructor(private readonly options: EmulatorOptions = {}) {
    super();
    this.clock = options.clock ?? Date.now;
    this.webhook = new WebhookDelivery((u) => this.updates.requeue(u));
    this.updates = new UpdateQueue(
      options.longPollMaxMs ?? 50_000,
      options.pollConflict ?? "terminate-older",
      (token) => this.emit("poll", token),
      (update) => this.webhook.offer(update),
    );
    this.limiter = new RateLimiter(options, this.clock);
    this.server = createServer(
      requestHandler({
        chats: this.chats,
        updates: this.updates,
        webhook: this.webhook,
        limiter: this.limiter,
        faults: () => this.faults,
        random: options.random ?? Math.random,
        clock: this.clock,
        knownChatsOnly: options.knownChatsOnly ?? false,
        record: (call) => this.record(call),
        warn: (message) => {
          this.warnings.push(message);
          this.emit("warning", message);
        },
      }),
    );
    this.server.keepAliveTimeout = 60_000;
  }

  /** @internal Use startEmulator(). */
  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, "127.0.0.1", () => resolve());
    });
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Pass as grammY's `client.apiRoot` or the bot's TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The bot's own User, as getMe answers it (from the last token seen). */
  get botInfo(): User {
    return botUser(this.lastToken);
  }

  private record(call: Omit<ApiCall, "index">): void {
    const full: ApiCall = { index: this.calls.length, ...call };
    if (/^\d+:/.test(call.token)) this.lastToken = call.token;
    this.calls.push(full);
    this.emit("call", full);
  }

  /** Queues an update for getUpdates (update_id is assigned) and wakes a pending long poll. */
  inject(update: NewUpdate): Update {
    const full = this.updates.push(update);
    this.emit("update", full);
    return full;
  }

  /** Delivers an update a second time, with the same update_id (a duplicate delivery). */
  redeliver(update: Update): void {
    this.updates.redeliver(update);
    this.emit("update", update);
  }

  /** Updates the bot has not confirmed yet. */
  pendingUpdates(): Update[] {
    return this.updates.unconfirmed();
  }

  user(init: TestUserInit): TestUser {
    return new TestUser(this, init);
  }

  /** Sending methods (and sendChatAction) to this chat answer 403 "Forbidden: bot was blocked by the user". */
  blockChat(chatId: number): void {
    this.chats.blocked.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.chats.blocked.delete(chatId);
  }

  /** Replaces the fault settings; `setFaults({})` turns them off. */
  setFaults(faults: Faults): void {
    this.faults = { ...faults };
  }

  /** The next `count` sending calls answer 429 with `retry_after: retryAfterSec`. */
  force429(count: number, retryAfterSec = 1): void {
    this.limiter.force(count, retryAfterSec);
  }

  /** Changes flood-control settings on the fly (benchmarks). */
  setRateLimits(limits: RateLimits): void {
    this.limiter.configure(limits);
  }

  /** The bot's messages in this chat as the user sees them now: edits applied, deleted ones gone. */
  sentTo(chatId: number): SentMessage[] {
    return this.chats.botMessages(chatId).map((m) => toView(m.message, m.edited));
  }

  /** The bytes of a file the bot uploaded (sendPhoto, sendDocument …), by the file_id Telegram gave it. */
  fileData(fileId: string): Buffer | undefined {
    return this.chats.file(fileId)?.data;
  }

  /** Callback query ids the bot has not answered with answerCallbackQuery. */
  unansweredCallbackQueries(): string[] {
    return [...this.chats.callbackQueries].filter(([, q]) => !q.answered).map(([id]) => id);
  }

  /** Resolves with the first call (at or after `since`) matching the predicate; rejects after `timeoutMs`. */
  waitFor(predicate: (call: ApiCall) => boolean, opts: WaitOptions = {}): Promise<ApiCall> {
    const { timeoutMs = 5000, since = 0 } = opts;
    const found = this.calls.slice(since).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise<ApiCall>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.off("call", onCall);
        this.cancelWaits.delete(cancel);
      };
      const onCall = (call: ApiCall) => {
        if (call.index < since || !predicate(call)) return;
        done();
        resolve(call);
      };
      const cancel = (why: Error) => {
        done();
        reject(why);
      };
      const timer = setTimeout(() => cancel(new Error(describeTimeout(this.calls, timeoutMs, predicate))), timeoutMs);
      this.on("call", onCall);
      this.cancelWaits.add(cancel);
    });
  }

  /** Forgets calls, warnings, chats, blocks, faults, flood-control state and pending updates. */
  reset(): void {
    this.calls.length = 0;
    this.warnings.length = 0;
    this.chats.reset();
    this.updates.reset();
    this.webhook.delete();
    this.limiter.reset();
    this.faults = {};
  }

  /** Stops the server, answers pending long polls, drops keep-alive connections, rejects pending waits. */
  async close(): Promise<void> {
    for (const cancel of [...this.cancelWaits]) cancel(new Error("emulator closed"));
    this.updates.releaseAll();
    this.webhook.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}

/** Starts an emulator on 127.0.0.1 (`port` 0, the default, picks a free one). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(opts).listen();
}
