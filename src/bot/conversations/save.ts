// Saving from inside a conversation without losing what the person wrote. A save that throws inside
// `conversation.external` would end the conversation, and its answers with it; here the failure is logged once
// (when it happens, not on replays) and returned as `{ ok: false }`, so the conversation keeps the answers in its
// state, tells the person plainly, and offers to try again.
import type { Context } from "../context.js";
import { classifyError } from "../telegram-error.js";
import type { Convo } from "./ask.js";

export type Saved<T> = { ok: true; value: T } | { ok: false };

/** Runs `task` outside the conversation; its value must be plain JSON. Never throws. */
export function trySave<T>(conversation: Convo, what: string, task: (octx: Context) => Promise<T>): Promise<Saved<T>> {
  return conversation.external(async (octx): Promise<Saved<T>> => {
    try {
      return { ok: true, value: await task(octx) };
    } catch (err) {
      octx.log.error({ msg: "could not save", what, kind: classifyError(err).kind, err });
      return { ok: false };
    }
  });
}
