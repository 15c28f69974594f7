// The emulator of `npm run bench:updates`, in a process of its own (as Telegram would be), and the load driver next
// to it: injecting updates and timing the replies in this process keeps the bot's event loop measuring the bot only.
// IPC in: { id, op, ... } (see Op); IPC out: { id, result } or, at start, { apiRoot }.
import type { Update } from "grammy/types";
import { startEmulator, type TestUser } from "../emulator/index.js";

export type Kind = "start" | "help" | "tip" | "press";
export type Op =
  | { op: "users"; ids: number[] }
  | { op: "reset" }
  | { op: "await-poll" }
  | { op: "burst"; kind: Kind; n: number; pressData?: string; timeoutMs: number }
  | { op: "steady"; kinds: Kind[]; rate: number; seconds: number; pressData?: string; timeoutMs: number }
  | { op: "inject-start"; userId: number }
  | { op: "first-reply"; userId: number; timeoutMs: number };

const emu = await startEmulator({
  globalRatePerSec: Number.POSITIVE_INFINITY,
  perChatPerSec: Number.POSITIVE_INFINITY,
  longPollMaxMs: 30_000,
});
let users: TestUser[] = [];
let ids: number[] = [];

/** Sends one update of a kind; presses carry the data the bench chose (a tip's "helpful" button). */
function send(user: TestUser, kind: Kind, pressData = ""): Update {
  if (kind === "press") return user.pressData(pressData);
  return user.command(kind);
}

/** The reply that ends an update: the answer to a press, or the first message to the chat. */
const isReply = (method: string, kind: Kind) =>
  kind === "press" ? method === "answerCallbackQuery" : method === "sendMessage";

// The emulator keeps every call it answers; a benchmark of tens of thousands of updates would keep them all.
const trimCalls = () => {
  if (emu.calls.length > 5_000) emu.calls.splice(0, emu.calls.length - 1_000);
};

async function burst(kind: Kind, n: number, pressData: string | undefined, timeoutMs: number) {
  const wanted = new Set(ids);
  let replies = 0;
  let last = 0;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const onCall = (call: { method: string; ok: boolean; params: Record<string, unknown>; at: number }) => {
      if (!call.ok || !isReply(call.method, kind)) return;
      if (kind !== "press" && !wanted.has(Number(call.params.chat_id))) return;
      last = performance.now();
      if (++replies >= n) {
        clearTimeout(timer);
        emu.off("call", onCall);
        resolve();
      }
    };
    emu.on("call", onCall);
  });
  const first = performance.now();
  for (let i = 0; i < n; i++) send(users[i % users.length] as TestUser, kind, pressData);
  await done;
  trimCalls();
  return { replies, ms: last - first, perSec: replies / Math.max(0.001, (last - first) / 1000) };
}

/** Updates at a fixed rate (ticks of 5 ms), each one's reply time measured from its injection. */
async function steady(kinds: Kind[], rate: number, seconds: number, pressData: string | undefined, timeoutMs: number) {
  const pendingMessages = new Map<number, number[]>(); // chat → injection times, in order (one update at a time per person)
  const pendingPresses = new Map<string, number>(); // callback query id → injection time
  const latencies: number[] = [];
  let worstSecond = { at: "", ms: 0 };
  const onCall = (call: { method: string; ok: boolean; params: Record<string, unknown> }) => {
    if (!call.ok) return;
    let sentAt: number | undefined;
    if (call.method === "answerCallbackQuery") {
      const id = String(call.params.callback_query_id);
      sentAt = pendingPresses.get(id);
      pendingPresses.delete(id);
    } else if (call.method === "sendMessage") {
      sentAt = pendingMessages.get(Number(call.params.chat_id))?.shift();
    }
    if (sentAt === undefined) return;
    const ms = performance.now() - sentAt;
    latencies.push(ms);
    if (ms > worstSecond.ms) worstSecond = { at: new Date().toISOString().slice(11, 19), ms };
  };
  emu.on("call", onCall);
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    for (; sent < due; sent++) {
      // Mixed update by update: consecutive updates are of different kinds, and each officer's next update is
      // the next kind. (One kind per round of officers, as before, sent each command alone for 5 s at 200/s.)
      const round = Math.floor(sent / users.length);
      const user = users[sent % users.length] as TestUser;
      const kind = kinds[(sent + round) % kinds.length] as Kind;
      const at = performance.now();
      const update = send(user, kind, pressData);
      if (update.callback_query) pendingPresses.set(update.callback_query.id, at);
      else {
        const q = pendingMessages.get(user.id) ?? [];
        q.push(at);
        pendingMessages.set(user.id, q);
      }
    }
    trimCalls();
    await new Promise((r) => setTimeout(r, 5));
  }
  // Wait for the replies still under way (an event per reply; a bound so a lost reply cannot hang the bench).
  const deadline = performance.now() + timeoutMs;
  while (latencies.length < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  emu.off("call", onCall);
  const sorted = latencies.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { sent: total, replies: sorted.length, p50: q(0.5), p99: q(0.99), max: q(1), worstAt: worstSecond.at };
}

function firstReply(userId: number, timeoutMs: number) {
  return emu
    .waitFor((c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === userId, { timeoutMs })
    .then(() => Date.now());
}

process.on("message", async (raw) => {
  const { id, ...msg } = raw as Op & { id: number };
  let result: unknown;
  switch (msg.op) {
    case "users":
      ids = msg.ids;
      users = ids.map((uid) => emu.user({ id: uid, first_name: `Officer ${uid}`, language_code: "km" }));
      for (const u of users) emu.chats.rememberUser(u.info);
      break;
    case "reset":
      emu.reset();
      for (const u of users) emu.chats.rememberUser(u.info);
      break;
    case "await-poll":
      await new Promise((resolve) => emu.once("poll", resolve));
      break;
    case "burst":
      result = await burst(msg.kind, msg.n, msg.pressData, msg.timeoutMs);
      break;
    case "steady":
      result = await steady(msg.kinds, msg.rate, msg.seconds, msg.pressData, msg.timeoutMs);
      break;
    case "inject-start":
      emu.user({ id: msg.userId, first_name: "New", language_code: "km" }).command("start");
      break;
    case "first-reply":
      result = await firstReply(msg.userId, msg.timeoutMs);
      break;
  }
  process.send?.({ id, result });
});
process.send?.({ apiRoot: emu.apiRoot });
