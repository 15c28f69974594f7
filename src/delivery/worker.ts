// The delivery worker: claims due outbox rows, paces them under Telegram's global cap, keeps per-chat
// pacing, honours 429 for every bulk send, retries what may succeed later and records the rest.
//
// Guarantee: a row is marked `sent` only after Telegram confirmed it, and claimed rows of a worker that died
// go back to the queue after the lease. So after a crash every queued row is still sent, and a duplicate is
// possible only for a row whose send was in flight at the crash: at most `concurrency` rows per worker.

import { randomUUID } from "node:crypto";
import type { ClaimedRow } from "../db/repositories/outbox.js";
import { createWakeableSleep } from "../wakeable-sleep.js";
import { createConfirmations } from "./confirmations.js";
import { decide, PER_CHAT_GAP_MS } from "./gate.js";
import { createPacer } from "./pacer.js";
import type { SendOutcome } from "./telegram-sender.js";
import type { DeliveryWorker, WorkerOptions } from "./worker-contract.js";

export function createDeliveryWorker(opts: WorkerOptions): DeliveryWorker {
  const { outbox, send, logger, concurrency = 8, leaseSeconds = 60, idlePollMs = 1000, maxAttempts = 5, now } = opts;
  // This worker's claim token: a settle counts only for rows this worker still holds (see outbox.ts).
  const owner = randomUUID();
  const claimedAt = new WeakMap<ClaimedRow, number>();
  const sendBudgetMs = (leaseSeconds - (opts.sendTimeoutSeconds ?? 0)) * 1000;
  const pacer = createPacer(opts.ratePerSec);
  const log = logger.child({ component: "delivery" });
  const stats = { sent: 0, failed: 0, rateLimited: 0, transient: 0 };
  const lastSentToChat = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  const pause = createWakeableSleep();
  let lastStaleCheck = 0;
  // Jobs paused or cancelled while this worker may hold their rows, with when. Such rows cannot be claimed
  // again (claims take active jobs only), so after a lease none can be left here and the entry is dropped.
  const held = new Map<string, number>();

  const idle = (ms: number) => pause.sleep(ms);

  // A quarter second's worth of sends: claims stay short (PGlite runs them on this thread), and there is
  // little to hand back on a 429.
  const batchSize = Math.max(2 * concurrency, Math.ceil(opts.ratePerSec / 4));
  const local: ClaimedRow[] = [];
  // The next batch is claimed while this one is being sent, so claiming never leaves the pacer idle.
  let prefetch: Promise<ClaimedRow[]> | undefined;

  async function releaseLocal(notBefore: Date) {
    const pending = prefetch;
    prefetch = undefined;
    const items = [...local.splice(0), ...(pending ? await pending.catch(() => []) : [])];
    await outbox.release(
      items.map((i) => i.id),
      notBefore,
      true,
      owner,
    );
  }

  async function claimBatch(): Promise<ClaimedRow[]> {
    const t = now();
    // Per-chat pacing needs only the last second: beyond a bound, older entries go, so memory stays flat however
    // many officers a job reaches.
    if (lastSentToChat.size > (opts.maxTrackedChats ?? 1000)) {
      for (const [chat, at] of lastSentToChat) if (t.getTime() - at >= PER_CHAT_GAP_MS) lastSentToChat.delete(chat);
    }
    for (const [jobId, since] of held) if (t.getTime() - since > leaseSeconds * 1000) held.delete(jobId);
    if (t.getTime() - lastStaleCheck > (leaseSeconds * 1000) / 2) {
      lastStaleCheck = t.getTime();
      const back = await outbox.requeueStale(new Date(t.getTime() - leaseSeconds * 1000));
      if (back) log.warn({ msg: "requeued rows of a stopped worker", rows: back });
    }
    const rows = await outbox.claim(batchSize, t, owner);
    for (const r of rows) claimedAt.set(r, t.getTime());
    return rows;
  }

  async function refill(): Promise<boolean> {
    const pending = prefetch;
    prefetch = undefined;
    const items = await (pending ?? claimBatch());
    if (items.length) {
      local.push(...items);
      return true;
    }
    for (const job of await outbox.finishDrained(now())) {
      log.info({ msg: "job finished", job: job.id, kind: job.kind });
      await opts.onJobFinished?.(job).catch((err) => log.error({ msg: "onJobFinished failed", err }));
    }
    return false;
  }

  /** Quiet hours, identity and per-chat pacing (gate.ts); returns the chat id if the row may be sent now. */
  async function gate(row: ClaimedRow): Promise<number | undefined> {
    const t = now();
    const d = decide(row, {
      now: t,
      timeZone: opts.timeZone,
      defaultQuiet: opts.defaultQuiet,
      held: held.has(row.jobId),
      lastSentToChat: (chat) => lastSentToChat.get(chat),
    });
    if (d.action === "send") return d.chatId;
    if (d.action === "skip") await outbox.markFinal(row.id, "skipped", d.reason, t, owner);
    else await outbox.release([row.id], d.until, true, owner);
    return undefined;
  }

  const confirmations = createConfirmations(async (sent, at) => {
    const settled = await outbox.markSent(sent, at, owner);
    // Fewer rows than confirmed: this worker's claim lapsed (a lease ran out) and another worker owns them now.
    if (settled < sent.length) log.warn({ msg: "confirmed rows no longer held", rows: sent.length - settled });
  }, now);

  async function settle(row: ClaimedRow, outcome: SendOutcome) {
    const t = now();
    switch (outcome.kind) {
      case "sent":
        stats.sent++;
        await confirmations.confirm(row.id, outcome.messageId);
        break;
      case "rate_limited":
        stats.rateLimited++;
        pacer.pauseFor(outcome.retryAfterSec);
        log.warn({ msg: "429: pausing bulk sends", retryAfterSec: outcome.retryAfterSec });
        await outbox.release([row.id], new Date(t.getTime() + outcome.retryAfterSec * 1000), true, owner);
        await releaseLocal(new Date(t.getTime() + outcome.retryAfterSec * 1000));
        break;
      case "blocked":
        stats.failed++;
        await outbox.markFinal(row.id, "failed", "blocked", t, owner);
        await opts.onBlocked?.(row.recipient);
        break;
      case "rejected":
        stats.failed++;
        await outbox.markFinal(row.id, "failed", outcome.reason, t, owner);
        break;
      case "transient":
        stats.transient++;
        if (row.attempts >= maxAttempts) {
          stats.failed++;
          await outbox.markFinal(row.id, "failed", outcome.reason, t, owner);
        } else {
          const backoff = Math.min(60_000, 500 * 2 ** row.attempts) * (0.5 + Math.random() / 2);
          await outbox.release([row.id], new Date(t.getTime() + backoff), false, owner);
        }
        break;
    }
    if (opts.onSettled) await opts.onSettled(row, outcome).catch((err) => log.error({ msg: "onSettled failed", err }));
  }

  async function dispatch(row: ClaimedRow, chatId: number) {
    lastSentToChat.set(chatId, now().getTime());
    if (row.payload.render) {
      const render = opts.renderers?.[row.payload.render];
      const built = render ? await render(row) : null;
      if (!built) {
        await outbox.markFinal(row.id, "skipped", "nothing_to_send", now(), owner);
        return;
      }
      row.payload = built;
    }
    const outcome = await send(chatId, row.payload);
    await settle(row, outcome);
  }

  async function waitForSlot() {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  }

  async function run() {
    while (running) {
      try {
        if (!local.length && !(await refill())) {
          await idle(idlePollMs);
          continue;
        }
        while (running && local.length) {
          if (!prefetch && local.length <= batchSize / 2) {
            prefetch = claimBatch();
            prefetch.catch(() => undefined); // awaited (and its error handled) by refill or releaseLocal
          }
          const row = local.shift() as ClaimedRow;
          const chatId = await gate(row);
          if (chatId === undefined) continue;
          await waitForSlot();
          await pacer.take();
          if (!running) {
            local.unshift(row);
            break;
          }
          if (now().getTime() - (claimedAt.get(row) ?? now().getTime()) > sendBudgetMs) {
            await outbox.release([row.id], now(), true, owner);
            continue;
          }
          const p = dispatch(row, chatId)
            .catch((err) => log.error({ msg: "delivery step failed", err }))
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      } catch (err) {
        // A deadlock or serialization failure (another statement won; this one was rolled back) is retried by
        // the next round: a warning, not an error.
        if (isTransientDbError(err)) log.warn({ msg: "delivery loop retrying", err });
        else log.error({ msg: "delivery loop error", err });
        await idle(idlePollMs);
      }
    }
  }

  return {
    stats,
    get trackedChats() {
      return lastSentToChat.size;
    },
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      pacer.interrupt();
      pause.wake();
      await loop;
      await Promise.all(inFlight);
      await releaseLocal(now()).catch((err) => log.error({ msg: "could not release claimed rows", err }));
      log.info({ msg: "delivery worker stopped", ...stats });
    },
    wake() {
      pause.wake();
    },
    async hold(jobId) {
      held.set(jobId, now().getTime());
      const mine = local.filter((r) => r.jobId === jobId);
      for (const r of mine) local.splice(local.indexOf(r), 1);
      await outbox.release(
        mine.map((r) => r.id),
        now(),
        true,
        owner,
      );
    },
    unhold(jobId) {
      held.delete(jobId);
      pause.wake();
    },
  };
}

const isTransientDbError = (err: unknown) => /\b(40P01|40001)\b/.test(String((err as Error | undefined)?.message));
