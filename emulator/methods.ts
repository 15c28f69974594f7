// Answers validated calls. Methods the bot uses get realistic results; any other method in the spec answers true.
import type { Message, User } from "grammy/types";
import {
  copyMessage,
  deleteMessages,
  editMessage,
  type HandlerResult,
  type MessageContext,
  sendMessageLike,
} from "./messages.js";
import { methodSpec } from "./spec.js";
import { ApiError, badRequest } from "./types.js";

export type { HandlerResult, MessageContext } from "./messages.js";

export interface MethodContext extends MessageContext {
  pendingUpdates: number;
}

export function botUser(token: string): User {
  return {
    id: Number(token.split(":")[0]),
    is_bot: true,
    first_name: "Mitt",
    username: "mitt_local_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  } as User;
}

export function handle(ctx: MethodContext): HandlerResult {
  const { method, params, chats } = ctx;
  switch (method) {
    case "getMe":
      return { result: ctx.bot };
    case "getWebhookInfo":
      return { result: { url: "", has_custom_certificate: false, pending_update_count: ctx.pendingUpdates } };
    case "setMyCommands":
      chats.commands.set(commandsKey(params.scope, params.language_code), params.commands as unknown[]);
      return { result: true };
    case "getMyCommands":
      return { result: chats.commands.get(commandsKey(params.scope, params.language_code)) ?? [] };
    case "deleteMyCommands":
      chats.commands.delete(commandsKey(params.scope, params.language_code));
      return { result: true };
    case "answerCallbackQuery": {
      const query = chats.callbackQueries.get(String(params.callback_query_id));
      if (!query || query.answered) {
        throw badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      query.answered = true;
      return { result: true };
    }
    case "getChat": {
      const chatId = Number(params.chat_id);
      if (!Number.isInteger(chatId) || !chats.started.has(chatId)) throw badRequest("chat not found");
      return { result: { ...chats.chatObject(chatId), accent_color_id: 0, max_reaction_count: 11 } };
    }
    case "leaveChat": {
      const chatId = Number(params.chat_id);
      if (!Number.isInteger(chatId)) throw badRequest("chat not found");
      // A bot cannot leave a private chat (the user can only block it); groups and channels it can.
      if (chatId > 0) throw badRequest("chat member status can't be changed in private chats");
      if (chats.left.has(chatId)) throw new ApiError(403, "Forbidden: bot is not a member of the group chat");
      chats.left.add(chatId);
      return { result: true };
    }
    case "getFile": {
      const file = chats.file(String(params.file_id));
      if (!file) throw badRequest("invalid file_id");
      const { file_id, file_unique_id, size } = file;
      return { result: { file_id, file_unique_id, file_size: size, file_path: `files/${file_id}` } };
    }
    case "sendMediaGroup": {
      const media = Array.isArray(params.media) ? (params.media as Array<Record<string, unknown>>) : [];
      if (media.length < 2 || media.length > 10) throw badRequest("wrong number of media in the album");
      const messages: Message[] = media.map((item) => {
        const type = String(item.type);
        const sub = { ...ctx, method: `send${type[0]?.toUpperCase()}${type.slice(1)}` };
        sub.params = { chat_id: params.chat_id, [type]: item.media, caption: item.caption };
        sub.visible = typeof item.caption === "string" ? { caption: item.caption } : {};
        return sendMessageLike(sub).result as Message;
      });
      return { result: messages };
    }
    case "copyMessage":
      return copyMessage(ctx, false);
    case "forwardMessage":
      return copyMessage(ctx, true);
    case "deleteMessage":
    case "deleteMessages":
      return deleteMessages(ctx);
    case "editMessageText":
    case "editMessageCaption":
    case "editMessageReplyMarkup":
      return editMessage(ctx);
  }
  if (method.startsWith("send") && methodSpec(method)?.returns.includes("Message")) return sendMessageLike(ctx);
  // Everything else Telegram knows (setChatMenuButton, sendChatAction, deleteWebhook, …) succeeds quietly.
  return { result: true };
}

function commandsKey(scope: unknown, language: unknown): string {
  return JSON.stringify([scope ?? { type: "default" }, language ?? ""]);
}
