// The first decision about every update, before anything reads a session, a member or a translation: Mitt serves
// messages and button presses of people in their private chat with it, and nothing else.
// - Added to a group, supergroup or channel (or written to there), Mitt says once, in both languages, that it only
//   talks in private chats (not in channels: a post there would go to every subscriber), and leaves. Nothing else
//   is ever sent to a chat that is not private.
// - A press on a button outside a private chat (an inline message, a group) is answered and goes no further.
// - Everything else (edited messages, channel posts, inline queries, polls, reactions, messages without a sender
//   such as those sent on behalf of a chat, updates from bots, a person blocking or unblocking Mitt) is ignored
//   quietly: it reaches no handler, so nothing replies to an update that has no chat to reply to.
import type { NextFunction } from "grammy";
import type { Chat } from "grammy/types";
import type { Context } from "../context.js";
import { localeFromTelegram } from "../i18n.js";

/** Chats told already (the bot leaves at once, so a chat is told again only if it adds the bot again later). */
const MAX_REMEMBERED = 1000;

export function createUpdateFilter() {
  const told = new Set<number>();
  const firstTime = (chatId: number) => {
    if (told.has(chatId)) return false;
    told.add(chatId);
    if (told.size > MAX_REMEMBERED) told.delete(told.values().next().value as number);
    return true;
  };

  async function leave(ctx: Context, chat: Chat) {
    ctx.handler = "not-private";
    if (!firstTime(chat.id)) return;
    const { i18n } = ctx.deps;
    try {
      if (chat.type !== "channel") {
        const text = `${i18n.t("km", "private-only-notice")}\n\n${i18n.t("en", "private-only-notice")}`;
        await ctx.api.sendMessage(chat.id, text);
      }
    } catch (err) {
      ctx.log.warn({ msg: "could not tell a group to use a private chat", err });
    }
    await ctx.api.leaveChat(chat.id).catch((err) => ctx.log.warn({ msg: "could not leave a group", err }));
  }

  return async function updateFilter(ctx: Context, next: NextFunction): Promise<void> {
    const u = ctx.update;
    const member = u.my_chat_member;
    if (member) {
      const joined = ["member", "administrator", "restricted"].includes(member.new_chat_member.status);
      if (member.chat.type !== "private" && joined) return leave(ctx, member.chat);
      ctx.handler = "ignored";
      return;
    }
    const query = u.callback_query;
    if (query) {
      const chat = query.message?.chat;
      if (chat?.type === "private" && !query.from.is_bot) return next();
      ctx.handler = "ignored";
      const locale = localeFromTelegram(query.from.language_code);
      await ctx
        .answerCallbackQuery({ text: ctx.deps.i18n.t(locale, "private-only-toast") })
        .catch((err) => ctx.log.warn({ msg: "could not answer a button press", err }));
      return;
    }
    const message = u.message;
    if (message) {
      if (message.chat.type !== "private") return leave(ctx, message.chat);
      if (message.from && !message.from.is_bot) return next();
    }
    if (u.channel_post) return leave(ctx, u.channel_post.chat);
    ctx.handler = "ignored";
  };
}
