// One small JSON key-value store in Postgres, used for grammY sessions and conversation state so both
// survive restarts. Keys are derived from pseudonyms, never from Telegram ids.
import type { Now } from "../clock.js";
import type { PrismaClient } from "./generated/client.ts";

export interface KvStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

// Rows already read for the update being handled (members.findSender reads a sender's session and conversation
// state along with their member row): the next read of such a key takes the value from here, once, instead of
// asking the database again. Updates of one person are handled one at a time (sequentialize), so nothing can
// change the row in between; an entry not taken is replaced by the next update's read of the same person.
const prefetched = new WeakMap<PrismaClient, Map<string, string | null>>();
const MAX_PREFETCHED = 10_000;

/** Remembers rows (full key → raw JSON, or null for no row) just read, for the next read of each key. */
export function prefetchState(prisma: PrismaClient, rows: [key: string, value: string | null][]): void {
  const map = prefetched.get(prisma) ?? new Map<string, string | null>();
  prefetched.set(prisma, map);
  for (const [key, value] of rows) {
    map.delete(key);
    map.set(key, value);
  }
  while (map.size > MAX_PREFETCHED) map.delete(map.keys().next().value as string);
}

function takePrefetched(prisma: PrismaClient, key: string): string | null | undefined {
  const map = prefetched.get(prisma);
  const value = map?.get(key);
  if (value !== undefined) map?.delete(key);
  return value;
}

export function createKvStorage<T>(prisma: PrismaClient, prefix: string, now: Now): KvStorage<T> {
  const k = (key: string) => `${prefix}${key}`;
  return {
    async read(key) {
      const early = takePrefetched(prisma, k(key));
      if (early !== undefined) return early === null ? undefined : (JSON.parse(early) as T);
      const row = await prisma.kvState.findUnique({ where: { key: k(key) } });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const updatedAt = now();
      await prisma.kvState.upsert({
        where: { key: k(key) },
        create: { key: k(key), value: json, updatedAt },
        update: { value: json, updatedAt },
      });
    },
    async delete(key) {
      await prisma.kvState.deleteMany({ where: { key: k(key) } });
    },
  };
}

/** Removes every state row (session, conversations, …) that belongs to one person. */
export async function deleteAllStateOf(prisma: PrismaClient, pseudonym: string): Promise<void> {
  await prisma.kvState.deleteMany({ where: { key: { endsWith: `:${pseudonym}` } } });
}
