// A pause that another part of the code can cut short: loops that poll (the delivery worker, the sender election)
// sleep between rounds and are woken at once when there is work or when they must stop. Hand-written: node's
// timers/promises cannot be resolved early without aborting (which rejects), and that is all this is.
export function createWakeableSleep() {
  let wake: (() => void) | undefined;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    /** Ends the current sleep now (nothing happens when none is running). */
    wake(): void {
      wake?.();
    },
  };
}
