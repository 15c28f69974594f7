// Conversation state (the replay log of @grammyjs/conversations) in Postgres, keyed by the person's state key
// (pseudonym, or visitor key before consent), never by a Telegram id. What is written is allowlisted first
// (state-allowlist.ts): no Telegram id, name, username, contact or forwarded sender is ever stored; on read the
// placeholders are filled from the live update. Hand-written: no storage adapter offers such a transform.
import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { PrismaClient } from "../db/generated/client.ts";
import { createKvStorage } from "../db/kv-storage.js";
import type { Context } from "./context.js";
import { allowlistState, restoreIdentities } from "./state-allowlist.js";

type State = VersionedState<ConversationData>;
type Live = Parameters<typeof restoreIdentities>[1];

export function createConversationStorage(
  prisma: PrismaClient,
  keyOf: (ctx: Context) => string | undefined,
  now: () => Date,
) {
  const kv = createKvStorage<State>(prisma, "conv:", now);
  return {
    type: "context" as const,
    adapter: {
      async read(ctx: Context) {
        const key = keyOf(ctx);
        const stored = key ? await kv.read(key) : undefined;
        return stored && restoreIdentities(stored, ctx.from as Live, ctx.chat as Live);
      },
      async write(ctx: Context, state: State) {
        const key = keyOf(ctx);
        if (key) await kv.write(key, allowlistState(state));
      },
      async delete(ctx: Context) {
        const key = keyOf(ctx);
        if (key) await kv.delete(key);
      },
    },
  };
}
