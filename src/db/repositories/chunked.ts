// Work over many rows in chunks that give the event loop back in between: an update waiting behind a job then
// waits for one chunk, not for the whole job (on embedded PGlite a statement runs on the event loop itself).
import { setImmediate } from "node:timers/promises";

export const CHUNK_ROWS = 500;

/**
 * Calls `step` until it reports fewer than `size` rows done, yielding to the event loop between calls; returns the
 * total. `step` must make progress (delete or mark what it did), so that the next call sees the rest.
 */
export async function untilDone(size: number, step: (size: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await step(size);
    total += done;
    if (done < size) return total;
    await setImmediate();
  }
}

/** Runs `each` over `items` in slices of `size`, yielding to the event loop between slices. */
export async function eachChunk<T>(items: readonly T[], size: number, each: (chunk: T[]) => Promise<void> | void) {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await setImmediate();
    await each(items.slice(i, i + size));
  }
}
