// Who sent an update (members.findSender: member row, session and conversation state, content version) is the one
// read nearly every update needs. Kept in memory, a read-only command costs no database round trip at all.
//
// Why it stays correct:
// - Every write this process makes to the tables behind a sender (members, identities, kv_state) reaches
//   onWrite (write-observer.ts; a statement that only reads them, like the outbox claim, does not count) and drops
//   what it may have changed: the sender whose session or conversation key it names, or the one person a marked
//   statement names (ONE_PERSON), or everything for any other such write (rare: a role change, consent). The daily
//   activity date is patched into the cached sender instead (PATCH_ONE), so it costs no second read.
// - A read that was running while such a write happened is not kept (a count of writes), so a stale row read
//   just before a commit never lands in the cache.
// - Writes by other processes (the worker, a command-line tool) are not seen: entries expire after `ttlMs`,
//   which bounds how long such a change can go unnoticed. Several instances serving one webhook must not use the
//   cache at all, since another instance may have moved a person's conversation on (see compose.ts).
// Hand-written: the invalidation rules are Mitt's own; a general LRU library would still need all of them.
import type { SqlQuery } from "@prisma/driver-adapter-utils";
import { writtenTables } from "./write-observer.js";

export interface SenderCache<T> {
  /** The cached value for a Telegram user id, or `load()`'s result (kept unless a write happened meanwhile). */
  get(telegramUserId: number, load: () => Promise<T | null>): Promise<T | null>;
  /** For write-observer.ts: a statement that may have changed rows. */
  onWrite(query: SqlQuery): void;
  clear(): void;
  readonly size: number;
}

export interface SenderCacheOptions<T> {
  /** The pseudonym of a cached value, so a write to that person's state drops only their entry. */
  pseudonymOf: (value: T) => string;
  ttlMs?: number;
  maxEntries?: number;
  /** A monotonic clock for expiry (not the app's `now`: expiry is about this process, not the programme's calendar). */
  monotonicMs?: () => number;
  /**
   * Changes that a PATCH_ONE statement makes, applied to that person's cached value (from the statement's
   * arguments). Only for columns whose stale value does no harm: a read in flight meanwhile is still kept.
   */
  patches?: Record<string, (value: T, args: readonly unknown[]) => T>;
}

/**
 * A statement that changes one person's rows only says so with this comment (the number is its parameter holding the
 * pseudonym), so a frequent write such as the daily activity date drops one entry instead of all of them.
 */
export const ONE_PERSON = (param: number) => `/* rows of one person: $${param} */`;
const ONE_PERSON_MARK = /\/\* rows of one person: \$(\d+) \*\//;

/**
 * A statement that changes one person's rows in a way the cache can follow without reading them again (the daily
 * activity date: without this, every officer's first update of the day was followed by a second read) says so with
 * this comment, naming a patch given to the cache (`patches`). A cache without that patch treats it as ONE_PERSON.
 */
export const PATCH_ONE = (patch: string, param: number) => `/* patch ${patch} of one person: $${param} */`;
const PATCH_MARK = /\/\* patch (\w+) of one person: \$(\d+) \*\//;

/** Keys of one person's state (kv-storage.ts), as written, or as matched by deleteAllStateOf (`%:pseudonym`). */
const STATE_KEY = /^(?:session|conv):(.+)$|^%:(.+)$/;

interface Entry<T> {
  value: T | null;
  expiresAt: number;
}

export function createSenderCache<T>({
  pseudonymOf,
  ttlMs = 30_000,
  maxEntries = 20_000,
  monotonicMs = () => performance.now(),
  patches = {},
}: SenderCacheOptions<T>): SenderCache<T> {
  const entries = new Map<number, Entry<T>>();
  const byPseudonym = new Map<string, number>();
  // A read in flight is kept only if nothing it may have missed was written meanwhile: no clear (clears) and no
  // write to the state of the person it found (touched: pseudonym → seq of the write, while reads are in flight).
  let clears = 0;
  let seq = 0;
  let loading = 0;
  const touched = new Map<string, number>();

  const remove = (id: number) => {
    const e = entries.get(id);
    if (e?.value) byPseudonym.delete(pseudonymOf(e.value));
    entries.delete(id);
  };
  const clear = () => {
    clears++;
    entries.clear();
    byPseudonym.clear();
  };

  function patchEntry(pseudonym: string, change: (value: T) => T) {
    const entry = entries.get(byPseudonym.get(pseudonym) ?? Number.NaN);
    if (entry?.value) entry.value = change(entry.value);
  }

  function forget(pseudonyms: string[]) {
    for (const p of pseudonyms) {
      if (loading) touched.set(p, ++seq);
      const id = byPseudonym.get(p);
      if (id !== undefined) remove(id);
    }
  }

  /** The pseudonyms whose state rows a kv_state statement names, or null when it may touch any row. */
  function statePseudonyms(query: SqlQuery): string[] | null {
    const found: string[] = [];
    for (const arg of query.args) {
      const m = typeof arg === "string" ? STATE_KEY.exec(arg) : null;
      const p = m?.[1] ?? m?.[2];
      if (p) found.push(p);
    }
    return found.length ? found : null;
  }

  return {
    async get(telegramUserId, load) {
      const hit = entries.get(telegramUserId);
      if (hit && hit.expiresAt > monotonicMs()) return hit.value;
      if (hit) remove(telegramUserId);
      const seenClears = clears;
      const seenSeq = seq;
      loading++;
      try {
        const value = await load();
        const changedMeanwhile =
          clears !== seenClears || (value !== null && (touched.get(pseudonymOf(value)) ?? 0) > seenSeq);
        if (!changedMeanwhile) {
          remove(telegramUserId);
          if (entries.size >= maxEntries) remove(entries.keys().next().value as number);
          entries.set(telegramUserId, { value, expiresAt: monotonicMs() + ttlMs });
          if (value) byPseudonym.set(pseudonymOf(value), telegramUserId);
        }
        return value;
      } finally {
        // Only reads in flight need to know who was written to; with none, the record can go.
        if (--loading === 0) touched.clear();
      }
    },
    onWrite(query) {
      const patchMark = PATCH_MARK.exec(query.sql);
      if (patchMark) {
        const name = patchMark[1] as string;
        const patch = Object.hasOwn(patches, name) ? patches[name] : undefined;
        const person = query.args[Number(patchMark[2]) - 1];
        if (typeof person === "string" && patch) return patchEntry(person, (v) => patch(v, query.args));
        if (typeof person === "string") return forget([person]);
      }
      const mark = ONE_PERSON_MARK.exec(query.sql);
      const person = mark ? query.args[Number(mark[1]) - 1] : undefined;
      if (typeof person === "string") return forget([person]);
      const tables = writtenTables(query.sql);
      if (tables !== "any" && !tables.has("members") && !tables.has("identities") && !tables.has("kv_state")) return;
      const onlyState = tables !== "any" && !tables.has("members") && !tables.has("identities");
      const pseudonyms = onlyState ? statePseudonyms(query) : null;
      if (!pseudonyms) return clear();
      forget(pseudonyms);
    },
    clear,
    get size() {
      return entries.size;
    },
  };
}
