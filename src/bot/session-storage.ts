// Session storage that writes only what changed. grammY writes a session back after every update that read it,
// and most updates only read it (the locale, the text guard): here a write of the value just read, or a delete of
// a row that does not exist, is skipped, and an empty session is no row at all. So a read-only command
// costs no write, and a stranger who sends /help leaves no row behind. Hand-written: grammY's storages have no
// write-if-changed option.
import type { StorageAdapter } from "grammy";
import type { KvStorage } from "../db/kv-storage.js";

const ABSENT = Symbol("absent");
/** Entries of sessions read but never written back (an update that threw) are dropped past this size. */
const MAX_REMEMBERED = 10_000;

export function writeIfChanged<T>(kv: KvStorage<T>): StorageAdapter<T> {
  const lastRead = new Map<string, string | typeof ABSENT>();
  const remember = (key: string, value: string | typeof ABSENT) => {
    lastRead.delete(key);
    lastRead.set(key, value);
    if (lastRead.size > MAX_REMEMBERED) lastRead.delete(lastRead.keys().next().value as string);
  };
  const take = (key: string) => {
    const seen = lastRead.get(key);
    lastRead.delete(key);
    return seen;
  };
  return {
    async read(key) {
      const value = await kv.read(key);
      remember(key, value === undefined ? ABSENT : JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const before = take(key);
      const json = JSON.stringify(value);
      if (json === before) return;
      if (json === "{}") {
        if (before !== ABSENT) await kv.delete(key);
        return;
      }
      await kv.write(key, value);
    },
    async delete(key) {
      if (take(key) === ABSENT) return;
      await kv.delete(key);
    },
  };
}
