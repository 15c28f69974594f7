// A press delivered twice reaches a conversation twice when Mitt restarted between handling it and confirming it
// to Telegram (the in-memory dedupe of update_ids is gone then). Without this, a redelivered checklist press ticks
// the box and unticks it again. Every wait loop asks `repeatedPress` first: the conversation's replay log holds each
// press it handled with its callback query id, so the set below is rebuilt identically on every replay, and a
// second arrival of the same press changes nothing.
import type { ConversationContext } from "../context.js";

const seen = new WeakMap<object, Set<string>>();

/**
 * True when this run of the conversation already handled a press with this callback query id (or a message with
 * this message_id: a typed answer delivered twice is not an answer to the next question).
 */
export function repeatedPress(conversation: object, ctx: ConversationContext): boolean {
  const query = ctx.callbackQuery?.id;
  const message = ctx.message?.message_id;
  const id = query !== undefined ? `q${query}` : message !== undefined ? `m${message}` : undefined;
  if (id === undefined) return false;
  let ids = seen.get(conversation);
  if (!ids) {
    ids = new Set();
    seen.set(conversation, ids);
  }
  if (ids.has(id)) return true;
  ids.add(id);
  return false;
}
