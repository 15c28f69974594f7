// Global send pacing for bulk messages: evenly spaced slots at `ratePerSec`, never bursting to catch up
// (Telegram counts a sliding second, so a catch-up burst is exactly what earns a 429), and a pause that a 429
// sets for everyone. Hand-written because the token buckets on npm either burst or cannot be paused.

export interface Pacer {
  /** Resolves when the caller may send one message. */
  take(): Promise<void>;
  /** Holds every sender until `seconds` from now (a 429's retry_after). */
  pauseFor(seconds: number): void;
  /** Milliseconds until the pause ends (0 when not paused). */
  pausedForMs(): number;
  /** Wakes every waiter so it can notice a stop. */
  interrupt(): void;
}

export function createPacer(ratePerSec: number, clock: () => number = Date.now): Pacer {
  const interval = 1000 / ratePerSec;
  let nextSlot = 0;
  let pausedUntil = 0;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  return {
    async take() {
      for (;;) {
        const now = clock();
        if (pausedUntil > now) {
          await sleep(pausedUntil - now);
          continue;
        }
        const slot = Math.max(nextSlot, now);
        nextSlot = slot + interval;
        if (slot > now) await sleep(slot - now);
        if (pausedUntil <= clock()) return;
      }
    },
    pauseFor(seconds) {
      pausedUntil = Math.max(pausedUntil, clock() + seconds * 1000);
    },
    pausedForMs: () => Math.max(0, pausedUntil - clock()),
    interrupt() {
      for (const wake of [...sleepers]) wake();
    },
  };
}
