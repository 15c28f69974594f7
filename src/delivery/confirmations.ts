// Confirmations that arrive together are written in one statement: on PGlite every statement runs on the
// event loop's thread, so one UPDATE per message would cost the pacer its timing. Each caller's promise
// resolves only once its row is committed as sent; the worker holds the send's concurrency slot until then,
// which is what keeps "in flight" (and so the duplicate bound after a crash) at `concurrency`.

export type MarkSent = (sent: { id: bigint; messageId: number }[], at: Date) => Promise<unknown>;

export function createConfirmations(markSent: MarkSent, now: () => Date) {
  let pending: { id: bigint; messageId: number; done: () => void; fail: (e: unknown) => void }[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    await new Promise((r) => setImmediate(r)); // let confirmations of the same tick join this batch
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        await markSent(batch, now());
        for (const c of batch) c.done();
      } catch (err) {
        for (const c of batch) c.fail(err);
      }
    }
    flushing = false;
  }

  return {
    /** Resolves when this row is committed as sent. */
    confirm(id: bigint, messageId: number): Promise<void> {
      return new Promise((done, fail) => {
        pending.push({ id, messageId, done, fail });
        if (!flushing) {
          flushing = true;
          void flush();
        }
      });
    },
  };
}
