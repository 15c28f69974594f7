// One-line summaries of recorded calls, for timeout messages and the dev-local chat.
import type { ApiCall } from "./types.js";

export function summarizeCall(c: ApiCall): string {
  const p = c.params;
  const chat = p.chat_id !== undefined ? ` chat=${String(p.chat_id)}` : "";
  const body = typeof p.text === "string" ? p.text : typeof p.caption === "string" ? p.caption : undefined;
  const text = body === undefined ? "" : ` ${JSON.stringify(body.length > 60 ? `${body.slice(0, 60)}…` : body)}`;
  const err = c.error ? ` → ${c.error.description}` : "";
  return `${c.method} ${c.status}${chat}${text}${err}`;
}

export function describeTimeout(calls: ApiCall[], timeoutMs: number, predicate: (call: ApiCall) => boolean): string {
  const recent = calls.filter((c) => c.method !== "getUpdates").slice(-12);
  const lines = recent.map((c) => `  #${c.index} ${summarizeCall(c)}`);
  const what = predicate.toString().replace(/\s+/g, " ").slice(0, 160);
  return `emulator.waitFor timed out after ${timeoutMs} ms waiting for ${what}\nlast calls (getUpdates omitted):\n${lines.join("\n") || "  (none)"}`;
}
