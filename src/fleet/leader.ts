// One elected process among many (bots and workers on one database): it holds a session-level Postgres advisory
// lock on a connection of its own. Only the holder sends bulk messages, so SEND_RATE_PER_SEC is the bot's total,
// and only it edits broadcast progress messages. When the holder dies its connection closes, Postgres frees the
// lock, and the next process that tries (every `retryMs`) takes over. A holder whose connection breaks (a database
// restart, a network cut) steps down at once: it cannot know whether it still holds the lock.

import pg from "pg";
import type { Logger } from "../logger.js";
import { createWakeableSleep } from "../wakeable-sleep.js";

const NAMESPACE = 0x6d697475; // not the chat lock namespace

export interface Leadership {
  start(): void;
  /** Steps down (onFollow first, then the lock is freed) and stops trying. */
  stop(): Promise<void>;
  readonly leading: boolean;
}

export interface LeadershipOptions {
  databaseUrl: string;
  /** Which election (a small integer): one lock per role. */
  role: number;
  logger: Logger;
  onLead: () => void | Promise<void>;
  onFollow: () => void | Promise<void>;
  retryMs?: number;
}

export function createLeadership(opts: LeadershipOptions): Leadership {
  const retryMs = opts.retryMs ?? 1000;
  const log = opts.logger.child({ component: "election" });
  let running = false;
  let leading = false;
  let loop: Promise<void> | undefined;
  const pause = createWakeableSleep();
  const sleep = (ms: number) => pause.sleep(ms);

  async function follow() {
    if (!leading) return;
    leading = false;
    log.info({ msg: "no longer the elected sender" });
    await Promise.resolve(opts.onFollow()).catch((err) => log.error({ msg: "stepping down failed", err }));
  }

  async function run() {
    while (running) {
      const c = new pg.Client({
        connectionString: opts.databaseUrl,
        connectionTimeoutMillis: 5000,
        query_timeout: 5000,
      });
      c.on("error", (err) => log.warn({ msg: "election connection lost", err }));
      try {
        await c.connect();
        while (running) {
          if (!leading) {
            const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [
              NAMESPACE,
              opts.role,
            ]);
            if (rows[0]?.ok && running) {
              leading = true;
              log.info({ msg: "elected sender" });
              await opts.onLead();
            }
          } else {
            // Fails when the connection (and with it the lock) is gone.
            await c.query("SELECT 1");
          }
          await sleep(retryMs);
        }
      } catch (err) {
        if (running) log.warn({ msg: "election check failed", err });
        await follow();
        if (running) await sleep(retryMs);
      } finally {
        if (!running) await follow();
        await c.end().catch(() => undefined);
      }
    }
  }

  return {
    get leading() {
      return leading;
    },
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      pause.wake();
      await loop;
    },
  };
}

/** PGlite is one process: it always sends. */
export function soleLeadership(onLead: () => void | Promise<void>, onFollow: () => void | Promise<void>): Leadership {
  let leading = false;
  return {
    get leading() {
      return leading;
    },
    start() {
      leading = true;
      void onLead();
    },
    async stop() {
      if (!leading) return;
      leading = false;
      await onFollow();
    },
  };
}
