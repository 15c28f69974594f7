// What the delivery worker is given (its options and hooks) and what it offers (src/delivery/worker.ts builds it).
// Kept apart so that the delivery service, the sender election and the stack depend on the contract only.
import type { Now } from "../clock.js";
import type { ClaimedRow, JobKind, OutboxPayload, OutboxRepository } from "../db/repositories/outbox.js";
import type { Logger } from "../logger.js";
import type { QuietHours } from "./quiet-hours.js";
import type { Sender, SendOutcome } from "./telegram-sender.js";

export interface WorkerOptions {
  outbox: OutboxRepository;
  send: Sender;
  logger: Logger;
  ratePerSec: number;
  /** Sends in flight at once (also the bound on duplicates after a crash). */
  concurrency?: number;
  timeZone: string;
  defaultQuiet: QuietHours;
  /** A claimed row not settled within this many seconds is taken to belong to a dead worker. */
  leaseSeconds?: number;
  /**
   * The longest one send may take (the sender's timeout). A row still waiting for the pacer (a long 429 pause) when
   * less than this is left of its lease is handed back unsent, so its lease never runs out while it is in flight.
   */
  sendTimeoutSeconds?: number;
  /** How long to sleep when nothing is due (a new job calls wake()). */
  idlePollMs?: number;
  maxAttempts?: number;
  now: Now;
  /** Per-recipient outcome hook (events, tip views); errors are logged, never retried. */
  onSettled?: (row: ClaimedRow, outcome: SendOutcome) => Promise<void>;
  onJobFinished?: (job: { id: string; kind: JobKind }) => Promise<void>;
  /**
   * Builds payloads marked `render` at send time (by name). Returning null skips the row
   * (`nothing_to_send`): for example no tip is left to send.
   */
  renderers?: Record<string, (row: ClaimedRow) => Promise<OutboxPayload | null>>;
  /** Called when a recipient blocked the bot (403). */
  onBlocked?: (recipient: string) => Promise<void>;
  /** Chats remembered for per-chat pacing before those older than the pacing gap are forgotten (default 1,000). */
  maxTrackedChats?: number;
}

export interface DeliveryWorker {
  start(): void;
  /** Stops claiming, waits for sends in flight, and puts claimed-but-unsent rows back. */
  stop(): Promise<void>;
  /** Look for due rows now (after a job was queued). */
  wake(): void;
  /** A job was paused or is being cancelled: hand back its rows this worker holds, send no more of them. */
  hold(jobId: string): Promise<void>;
  /** A held job was resumed. */
  unhold(jobId: string): void;
  readonly stats: { sent: number; failed: number; rateLimited: number; transient: number };
  /** How many chats the per-chat pacing remembers now (bounded: see maxTrackedChats). */
  readonly trackedChats: number;
}
