// The emulator in a process of its own for benchmarks, as Telegram would be: the bot's event loop then
// measures the bot, not the emulator. Prints its API root, answers "summary" on IPC.
import { startEmulator } from "../emulator/index.js";

const emu = await startEmulator({
  globalRatePerSec: Number(process.env.CAP ?? 300),
  perChatPerSec: 1,
});
process.on("message", (msg) => {
  if (msg !== "summary") return;
  const perChat: Record<string, number> = {};
  let http429 = 0;
  let first = 0;
  let last = 0;
  for (const c of emu.calls) {
    if (c.method !== "sendMessage") continue;
    if (c.status === 429) http429++;
    if (!c.ok || !c.message) continue;
    const chat = String(c.message.chat.id);
    perChat[chat] = (perChat[chat] ?? 0) + 1;
    first ||= c.at;
    last = c.at;
  }
  process.send?.({ perChat, http429, first, last });
});
process.send?.({ apiRoot: emu.apiRoot });
