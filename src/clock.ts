// The one clock. Everything Mitt stores or compares in time (outbox due times, claims and leases, scheduler
// ticks, events, retention, quiet hours) comes from a `Now` injected from the composition root, never from
// the database's now() or a `new Date()` deep in a repository: tests move it, and a test process whose clock
// is shifted (faketime) still agrees with itself against a database whose clock is not.
export type Now = () => Date;

/** The real clock; used only by the composition roots (src/app.ts, src/worker.ts). */
export const systemClock: Now = () => new Date();
