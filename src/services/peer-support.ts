// Small helpers for messages to other people through the outbox, shared by the check-in service and peer
// connect. (Peer support itself — anonymous requests and the relayed conversation — is in peer-connect.ts and
// peer-relay.ts; the old "tell a supporter, then share your Telegram contact" flow is gone, because it revealed
// the officer's identity.) No grammY here.
import type { OutboxRowInput } from "../db/repositories/outbox.js";

export const asLocale = (l: string | undefined): "km" | "en" => (l === "en" ? "en" : "km");

/** One sendMessage row for the outbox, with an optional inline keyboard. */
export function outgoing(
  recipient: string,
  text: string,
  keyboard?: { text: string; callback_data: string }[][],
): OutboxRowInput {
  const params = keyboard ? { text, reply_markup: { inline_keyboard: keyboard } } : { text };
  return { recipient, payload: { method: "sendMessage", params } };
}
