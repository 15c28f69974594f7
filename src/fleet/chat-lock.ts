// Per-chat ordering across instances: a session-level Postgres advisory lock per chat, held around the handler.
// The locks live on a small pool of their own, so a handler waiting for a chat's lock never takes a connection
// the handlers themselves need (the app's pool), and no instance can deadlock another: a lock holder only needs
// the app's pool to finish. The pool's size bounds how many chats one instance handles at once.
// Inside one instance, grammY's sequentialize already orders a chat's updates; this orders them between instances.
import pg from "pg";
import type { Logger } from "../logger.js";

/** The advisory lock namespace ("mitt" as an int4), so chat locks never meet other locks. */
const NAMESPACE = 0x6d697474;

export interface ChatLocks {
  /** Runs `fn` while holding the chat's lock. */
  withLock<T>(chatId: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createChatLocks(databaseUrl: string, logger: Logger, size = 8): ChatLocks {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: size, connectionTimeoutMillis: 10_000 });
  // An idle lock connection that breaks (the database restarted) is dropped by the pool; log it, never crash.
  pool.on("error", (err) => logger.warn({ msg: "chat lock connection lost", err }));
  return {
    async withLock(chatId, fn) {
      const key = Number(BigInt.asIntN(32, BigInt(chatId)));
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1, $2)", [NAMESPACE, key]);
      } catch (err) {
        client.release(true);
        throw err;
      }
      let broken = false;
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [NAMESPACE, key]).catch((err) => {
          // The connection is gone, and with it the lock: discard it rather than return it to the pool.
          broken = true;
          logger.warn({ msg: "chat lock release failed", err });
        });
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite is one process: sequentialize already orders each chat. */
export const noChatLocks: ChatLocks = { withLock: (_chat, fn) => fn(), close: async () => {} };
