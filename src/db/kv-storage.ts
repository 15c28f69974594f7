// One small JSON key-value store in Postgres, used for grammY sessions and conversation state so both
// survive restarts. Keys are derived from pseudonyms, never from Telegram ids.
import type { Now } from "../clock.js";
import type { PrismaClient } from "./generated/client.ts";

export interface KvStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createKvStorage<T>(prisma: PrismaClient, prefix: string, now: Now): KvStorage<T> {
  const k = (key: string) => `${prefix}${key}`;
  return {
    async read(key) {
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
