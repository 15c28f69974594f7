// Global send pacing for bulk messages. Telegram (and the emulator) count sends in a sliding second, so the
// pacer keeps exactly that: never more than `ratePerSec` sends in any 1000 ms. It also allows at most 1.5 times
// the average in any 100 ms, so a stall (a slow claim, a GC pause) is caught up at 1.5 times the rate instead of in
// one burst, without a timer per message. A 429 pauses every sender for its retry_after.
// Hand-written because the limiters on npm either count fixed windows or cannot be paused from outside.

export interface Pacer {
  /** Resolves when the caller may send one message (or early, after interrupt()). */
  take(): Promise<void>;
  /** Holds every sender until `seconds` from now (a 429's retry_after). */
  pauseFor(seconds: number): void;
  /** Wakes every waiter so it can notice a stop. */
  interrupt(): void;
}

// A monotonic clock: pacing measures intervals, and must not jump when the wall clock is set.
export function createPacer(ratePerSec: number, clock: () => number = () => performance.now()): Pacer {
  const perWindow = Math.max(1, Math.floor(ratePerSec));
  const perTenth = Math.max(1, Math.ceil(ratePerSec * 0.15));
  const recent: number[] = []; // send times within the last second, oldest first
  let pausedUntil = 0;
  let interrupted = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, Math.ceil(ms)));
      sleepers.add(done);
    });

  return {
    async take() {
      interrupted = false;
      while (!interrupted) {
        const now = clock();
        if (pausedUntil > now) {
          await sleep(pausedUntil - now);
          continue;
        }
        while (recent.length && (recent[0] as number) <= now - 1000) recent.shift();
        if (recent.length >= perWindow) {
          await sleep((recent[0] as number) + 1000 - now);
          continue;
        }
        const tenthStart = recent.length - perTenth;
        if (tenthStart >= 0 && (recent[tenthStart] as number) > now - 100) {
          await sleep((recent[tenthStart] as number) + 100 - now);
          continue;
        }
        recent.push(now);
        return;
      }
    },
    pauseFor(seconds) {
      pausedUntil = Math.max(pausedUntil, clock() + seconds * 1000);
    },
    interrupt() {
      interrupted = true;
      for (const wake of [...sleepers]) wake();
    },
  };
}
