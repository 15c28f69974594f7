// The bulk-send pacer against a fake clock: Telegram counts sends per sliding second, and a 429 must hold
// every sender for its retry_after.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPacer } from "../../src/delivery/pacer.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Takes `n` slots as fast as the pacer allows; returns the (fake) time of each. */
async function takeMany(pacer: ReturnType<typeof createPacer>, n: number): Promise<number[]> {
  const times: number[] = [];
  const run = (async () => {
    for (let i = 0; i < n; i++) {
      await pacer.take();
      times.push(Date.now());
    }
  })();
  while (times.length < n) await vi.advanceTimersByTimeAsync(5);
  await run;
  return times;
}

const maxInWindow = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe("pacer", () => {
  it("When 300 sends are requested at 100 per second, then no sliding second holds more than 100", async () => {
    const times = await takeMany(createPacer(100), 300);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(100);
    // …and it is not slower than it needs to be: 300 sends take a little over two seconds.
    expect(times.at(-1)).toBeLessThanOrEqual(2700);
  });

  it("When sending catches up after a stall, then no 100 ms holds more than 1.5 times the average", async () => {
    const times = await takeMany(createPacer(100), 150);
    expect(maxInWindow(times, 100)).toBeLessThanOrEqual(15);
  });

  it("When a 429 says retry after 3 seconds, then nothing is taken until then", async () => {
    const pacer = createPacer(50);
    await takeMany(pacer, 1);
    pacer.pauseFor(3);
    const [next] = await takeMany(pacer, 1);
    expect(next).toBeGreaterThanOrEqual(3000);
  });
});
