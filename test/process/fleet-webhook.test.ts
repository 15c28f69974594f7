// Two instances in webhook mode on one PostgreSQL, and a client that posts updates to both (alternating, some to
// both at once, as a load balancer retrying might): every update is handled exactly once, a chat's updates one at a
// time and in order across the instances, and a request without the secret gets 401. /metrics counts them.
// PostgreSQL only: PGlite is one process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { backend, createProcessDatabaseEnv } from "../helpers/db.js";
import { commandUpdate, freePort, jsonLines, postUpdate, until } from "../helpers/fleet.js";
import { type BotProcess, startBotProcess } from "../helpers/process.js";

const SECRET = "fleet-test-secret-0123456789";
const PATH = "/telegram";
const CHATS = 20;
const PER_CHAT = 8;
let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;

beforeAll(async () => {
  emu = await startEmulator({ globalRatePerSec: Infinity, perChatPerSec: Infinity });
  dbEnv = await createProcessDatabaseEnv();
});
afterAll(async () => {
  await emu.close();
  await dbEnv.cleanup();
});

async function instance(port: number): Promise<BotProcess> {
  const p = startBotProcess({
    BOT_TOKEN: "123456:FLEETWEBHOOK",
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_MODE: "webhook",
    WEBHOOK_URL: `https://mitt.example.org${PATH}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: "debug",
    ...dbEnv.env,
  });
  await p.waitForLine("Mitt is running", 60_000);
  return p;
}

describe("two webhook instances", () => {
  it.runIf(backend() === "postgres")(
    "When a client posts updates to two instances (alternating, some to both), then each is handled once, in order per chat, and without the secret the answer is 401",
    async () => {
      const ports = [await freePort(), await freePort()];
      const procs = await Promise.all(ports.map((p) => instance(p)));
      const setWebhook = emu.calls.filter((c) => c.method === "setWebhook");
      expect(setWebhook).toHaveLength(2);
      expect(setWebhook[0]?.params).toMatchObject({
        url: `https://mitt.example.org${PATH}`,
        secret_token: SECRET,
        allowed_updates: ["message", "callback_query", "my_chat_member"],
      });

      const date = Math.floor(Date.now() / 1000);
      expect(await postUpdate(ports[0] as number, PATH, commandUpdate(1, 7_700_001, "help", date))).toBe(401);
      expect(await postUpdate(ports[1] as number, PATH, commandUpdate(1, 7_700_001, "help", date), "wrong")).toBe(401);

      // Update ids grow as Telegram's do; each chat's updates go one after the other, chats in parallel.
      const chatOf = new Map<number, number>();
      let doubles = 0;
      await Promise.all(
        Array.from({ length: CHATS }, async (_, c) => {
          const chat = 7_700_100 + c;
          for (let k = 0; k < PER_CHAT; k++) {
            const id = 1000 + k * CHATS + c;
            chatOf.set(id, chat);
            const update = commandUpdate(id, chat, "help", date);
            const both = k % 3 === 1;
            if (both) doubles++;
            const targets = both ? ports : [ports[(c + k) % 2] as number];
            const statuses = await Promise.all(targets.map((port) => postUpdate(port, PATH, update, SECRET)));
            expect(statuses.every((s) => s === 200)).toBe(true);
          }
        }),
      );

      const metrics = await (await fetch(`http://127.0.0.1:${ports[0]}/metrics`)).text();
      expect(metrics).toMatch(/mitt_updates_total\{type="message:command",outcome="handled"\} \d+/);
      expect(metrics).toContain("mitt_update_duration_seconds_bucket");
      expect(metrics).toContain("mitt_process_cpu_user_seconds_total");

      await Promise.all(procs.map((p) => p.stop("SIGTERM")));
      const codes = await Promise.all(procs.map((p) => p.exited));
      expect(codes).toEqual([0, 0]);

      const runs = procs.flatMap((p) => jsonLines(p.lines)).filter((l) => l.msg === "update in chat order");
      const handledIds = runs.map((r) => Number(r.update_id));
      expect(handledIds.length).toBe(CHATS * PER_CHAT);
      expect(new Set(handledIds).size).toBe(CHATS * PER_CHAT);
      const duplicates = procs
        .flatMap((p) => jsonLines(p.lines))
        .filter((l) => l.msg === "update handled" && l.handler === "duplicate");
      expect(duplicates.length).toBe(doubles);

      // Per chat: handled in update order, and never two at once (each starts after the previous one ended).
      const byChat = new Map<number, { id: number; started: number; ended: number }[]>();
      for (const r of runs) {
        const id = Number(r.update_id);
        const chat = chatOf.get(id) as number;
        byChat.set(chat, [...(byChat.get(chat) ?? []), { id, started: Number(r.started), ended: Number(r.ended) }]);
      }
      for (const list of byChat.values()) {
        list.sort((a, b) => a.started - b.started || a.id - b.id);
        for (let i = 1; i < list.length; i++) {
          const [prev, cur] = [list[i - 1], list[i]] as [(typeof list)[0], (typeof list)[0]];
          expect(cur.id).toBeGreaterThan(prev.id);
          expect(cur.started).toBeGreaterThanOrEqual(prev.ended);
        }
      }
      // And each update got its one reply.
      for (let c = 0; c < CHATS; c++) {
        const replies = emu.calls.filter(
          (x) => x.ok && x.method === "sendMessage" && x.params.chat_id === 7_700_100 + c,
        );
        expect(replies).toHaveLength(PER_CHAT);
      }
    },
    90_000,
  );

  it.runIf(backend() === "postgres")(
    "When the instances are replaced one by one with SIGTERM while updates flow, then none is lost or handled twice",
    async () => {
      // The replacements start together with the first two (process start-up is slow on a busy machine); they join
      // the rotation only when their turn comes.
      const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
      const started = await Promise.all(ports.map(async (port) => ({ port, proc: await instance(port) })));
      const live = started.slice(0, 2);
      const waiting = started.slice(2);
      const all = started.map((s) => s.proc);
      const date = Math.floor(Date.now() / 1000);
      const ids: number[] = [];
      let stopFlow = false;
      let turn = 0;
      // The load balancer: round robin over live instances; a refused or failed request goes to the next one, as
      // Telegram retries a webhook that did not answer 200.
      const deliver = async (id: number, chat: number) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const target = live[turn++ % live.length];
          if (!target) continue;
          const status = await postUpdate(target.port, PATH, commandUpdate(id, chat, "help", date), SECRET).catch(
            () => 0,
          );
          if (status === 200) return;
        }
        throw new Error(`update ${id} was never accepted`);
      };
      const flow = Promise.all(
        Array.from({ length: 10 }, async (_, c) => {
          for (let k = 0; !stopFlow || k < 3; k++) {
            const id = 100_000 + k * 10 + c;
            ids.push(id);
            await deliver(id, 7_800_100 + c);
          }
        }),
      );
      // Replace each instance in turn: the new one joins, then the old one is taken out of rotation and drained.
      for (const fresh of waiting) {
        await until(() => ids.length >= 40 * (waiting.indexOf(fresh) + 1), 30_000, "updates flowing");
        const old = live.shift() as { port: number; proc: BotProcess };
        live.push(fresh);
        expect(await old.proc.stop("SIGTERM")).toBe(0);
      }
      stopFlow = true;
      await flow;
      await Promise.all(live.map((l) => l.proc.stop("SIGTERM")));

      const handled = all
        .flatMap((p) => jsonLines(p.lines))
        .filter((l) => l.msg === "update in chat order")
        .map((l) => Number(l.update_id))
        .filter((id) => id >= 100_000);
      expect(handled.length).toBe(ids.length);
      expect(new Set(handled)).toEqual(new Set(ids));
    },
    90_000,
  );
});
