// Methods that create, change or remove messages: send*, copyMessage, forwardMessage, editMessage*, deleteMessage(s).
import type { InlineKeyboardMarkup, Message, User } from "grammy/types";
import type { UploadedFile } from "./body.js";
import type { VisibleContent } from "./content-rules.js";
import type { ChatStore, StoredMessage } from "./state.js";
import { ApiError, badRequest, type Params } from "./types.js";
import type { ImageSize } from "./uploads.js";

export interface MessageContext {
  method: string;
  params: Params;
  visible: VisibleContent;
  files: Map<string, UploadedFile>;
  chats: ChatStore;
  bot: User;
  nowSec: number;
  /** The uploaded photo's real size (sendPhoto with a new file). */
  photoSize?: ImageSize | undefined;
}
export interface HandlerResult {
  result: unknown;
  message?: StoredMessage;
}

const MEDIA: Record<string, Record<string, unknown>> = {
  photo: {},
  document: { file_name: "document.dat", mime_type: "application/octet-stream" },
  voice: { duration: 3, mime_type: "audio/ogg" },
  audio: { duration: 3, mime_type: "audio/mpeg" },
  video: { width: 640, height: 360, duration: 3 },
  animation: { width: 320, height: 240, duration: 2 },
  video_note: { length: 240, duration: 3 },
  sticker: { type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
};

export function chatIdOf(params: Params, key = "chat_id"): number {
  const id = params[key];
  if (typeof id === "number" && Number.isInteger(id)) return id;
  throw badRequest("chat not found");
}

/** Telegram echoes only inline keyboards in the Message it returns. */
function inlineMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
  const m = markup as { inline_keyboard?: unknown } | undefined;
  return m && Array.isArray(m.inline_keyboard) ? (m as InlineKeyboardMarkup) : undefined;
}

function mediaObject(ctx: MessageContext, field: string): Record<string, unknown> {
  const value = ctx.params[field];
  const upload = typeof value === "string" && value.startsWith("attach://") ? ctx.files.get(value.slice(9)) : undefined;
  const known = typeof value === "string" ? ctx.chats.file(value) : undefined;
  const file = known ?? ctx.chats.newFile(field, upload?.data);
  const base = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.size, ...MEDIA[field] };
  if (upload && field === "document")
    Object.assign(base, { file_name: upload.filename, mime_type: upload.contentType });
  return base;
}

/** Any send* method that returns a Message: the text or media placeholder, caption and inline keyboard echoed. */
export function sendMessageLike(ctx: MessageContext): HandlerResult {
  const chatId = chatIdOf(ctx.params);
  const kindName = ctx.method.slice(4).replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase());
  const kind = ctx.method === "sendMessage" ? "text" : kindName;
  const stored = ctx.chats.add(chatId, true, (message_id) => {
    const m: Record<string, unknown> = {
      message_id,
      date: ctx.nowSec,
      chat: ctx.chats.chatObject(chatId),
      from: ctx.bot,
    };
    if (ctx.visible.text !== undefined) m.text = ctx.visible.text;
    if (ctx.visible.caption) m.caption = ctx.visible.caption;
    if (kind === "photo") {
      const big = mediaObject(ctx, "photo");
      const { width, height } = ctx.photoSize ?? { width: 1280, height: 960 };
      const scale = 90 / Math.max(width, height);
      const small = { width: Math.round(width * scale), height: Math.round(height * scale) };
      m.photo = [
        { ...big, file_id: `${big.file_id}-s`, file_unique_id: `${big.file_unique_id}s`, ...small },
        { ...big, width, height },
      ];
    } else if (kind in MEDIA) {
      m[kind] = mediaObject(ctx, kind);
    } else if (kind === "location" || kind === "dice" || kind === "contact" || kind === "poll") {
      m[kind] = { ...ctx.params, chat_id: undefined, reply_markup: undefined };
    }
    const markup = inlineMarkup(ctx.params.reply_markup);
    if (markup) m.reply_markup = markup;
    return m as unknown as Message;
  });
  return { result: stored.message, message: stored };
}

export function copyMessage(ctx: MessageContext, forward: boolean): HandlerResult {
  const chatId = chatIdOf(ctx.params);
  const fromChat = chatIdOf(ctx.params, "from_chat_id");
  const source = ctx.chats.get(fromChat, Number(ctx.params.message_id));
  if (!source) throw badRequest(forward ? "message to forward not found" : "message to copy not found");
  const stored = ctx.chats.add(chatId, true, (message_id) => {
    const m: Record<string, unknown> = { ...source.message, message_id, date: ctx.nowSec };
    m.chat = ctx.chats.chatObject(chatId);
    m.from = ctx.bot;
    delete m.edit_date;
    if (forward) {
      m.forward_origin = { type: "user", sender_user: source.message.from, date: source.message.date };
    } else {
      if (ctx.params.caption !== undefined) m.caption = ctx.visible.caption || undefined;
      const markup = inlineMarkup(ctx.params.reply_markup);
      if (markup) m.reply_markup = markup;
      else delete m.reply_markup;
    }
    return m as unknown as Message;
  });
  // copyMessage returns a MessageId, not a Message; forwardMessage returns the Message.
  return { result: forward ? stored.message : { message_id: stored.message.message_id }, message: stored };
}

export function editMessage(ctx: MessageContext): HandlerResult {
  if (ctx.params.inline_message_id !== undefined) return { result: true };
  if (ctx.params.chat_id === undefined || ctx.params.message_id === undefined) {
    throw badRequest("message identifier is not specified");
  }
  const chatId = chatIdOf(ctx.params);
  const stored = ctx.chats.get(chatId, Number(ctx.params.message_id));
  if (!stored) throw badRequest("message to edit not found");
  if (!stored.fromBot) throw badRequest("message can't be edited");
  const next: Record<string, unknown> = { ...stored.message };
  if (ctx.method === "editMessageText") {
    if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
    next.text = ctx.visible.text;
  } else if (ctx.method === "editMessageCaption") {
    if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit");
    if (ctx.visible.caption) next.caption = ctx.visible.caption;
    else delete next.caption;
  } else if (ctx.method !== "editMessageReplyMarkup") {
    throw new ApiError(400, `Bad Request: ${ctx.method} is not supported by the emulator`);
  }
  // Like Telegram, an edit without reply_markup removes the inline keyboard.
  const markup = inlineMarkup(ctx.params.reply_markup);
  if (markup) next.reply_markup = markup;
  else delete next.reply_markup;
  const same = (k: string) =>
    JSON.stringify(next[k]) === JSON.stringify((stored.message as unknown as Record<string, unknown>)[k]);
  if (same("text") && same("caption") && same("reply_markup")) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  next.edit_date = ctx.nowSec;
  stored.message = next as unknown as Message;
  stored.edited = true;
  return { result: stored.message, message: stored };
}

export function deleteMessages(ctx: MessageContext): HandlerResult {
  const chatId = chatIdOf(ctx.params);
  if (ctx.method === "deleteMessage") {
    if (!ctx.chats.delete(chatId, Number(ctx.params.message_id))) throw badRequest("message to delete not found");
    return { result: true };
  }
  const ids = Array.isArray(ctx.params.message_ids) ? ctx.params.message_ids : [];
  for (const id of ids) ctx.chats.delete(chatId, Number(id));
  return { result: true };
}
