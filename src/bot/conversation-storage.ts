// Conversation state (the replay log of @grammyjs/conversations) contains whole Telegram updates and API
// results, with the sender's id, names and username. Before it is stored, every user and chat object in it
// is replaced by a placeholder; on read they are restored from the current update, which in a private chat
// always comes from the same person (the storage key is that person's pseudonym). So no Telegram
// identity is ever written to kv_state. Hand-written: no storage adapter offers such a transform.
import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { Chat, User } from "grammy/types";
import type { PrismaClient } from "../db/generated/client.ts";
import { createKvStorage } from "../db/kv-storage.js";
import type { Context } from "./context.js";

const PERSON: User = { id: 0, is_bot: false, first_name: "·" };

type Json = unknown;

function mapPeople(value: Json, swap: (key: "from" | "chat", v: Record<string, unknown>) => Json): Json {
  if (Array.isArray(value)) return value.map((v) => mapPeople(v, swap));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "chat_instance") {
      out[k] = "·"; // an opaque but stable chat identifier: not needed on replay
    } else if ((k === "from" || k === "chat") && v && typeof v === "object" && !Array.isArray(v)) {
      out[k] = swap(k, v as Record<string, unknown>);
    } else {
      out[k] = mapPeople(v, swap);
    }
  }
  return out;
}

export function stripIdentities<T>(state: T): T {
  return mapPeople(state, (key, v) => {
    if (key === "from") return v.is_bot ? v : PERSON;
    return { id: 0, type: v.type ?? "private" };
  }) as T;
}

export function restoreIdentities<T>(state: T, from: User | undefined, chat: Chat | undefined): T {
  return mapPeople(state, (key, v) => {
    if (v.id !== 0) return v;
    if (key === "from") return from ?? v;
    return chat ?? v;
  }) as T;
}

export function createConversationStorage(
  prisma: PrismaClient,
  keyOf: (ctx: Context) => string | undefined,
  now: () => Date,
) {
  const kv = createKvStorage<VersionedState<ConversationData>>(prisma, "conv:", now);
  return {
    type: "context" as const,
    adapter: {
      async read(ctx: Context) {
        const key = keyOf(ctx);
        const stored = key ? await kv.read(key) : undefined;
        return stored && restoreIdentities(stored, ctx.from, ctx.chat);
      },
      async write(ctx: Context, state: VersionedState<ConversationData>) {
        const key = keyOf(ctx);
        if (key) await kv.write(key, stripIdentities(state));
      },
      async delete(ctx: Context) {
        const key = keyOf(ctx);
        if (key) await kv.delete(key);
      },
    },
  };
}
