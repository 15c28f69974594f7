// What the emulated Telegram remembers: the messages in each chat (message_id increases per chat, shared by the
// user's and the bot's messages, as in a private chat), blocked chats, chats that have written, and files.
import type { Chat, InlineKeyboardButton, Message, User } from "grammy/types";
import type { Button, SentMessage } from "./types.js";

export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  edited: boolean;
}

interface ChatState {
  id: number;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  user?: User;
}

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  size: number;
  data?: Buffer;
}

export class ChatStore {
  private chats = new Map<number, ChatState>();
  private files = new Map<string, StoredFile>();
  private fileSeq = 0;
  readonly blocked = new Set<number>();
  readonly started = new Set<number>();
  /** Callback queries the emulator sent, by id, and whether the bot answered them. */
  readonly callbackQueries = new Map<string, { chatId: number; answered: boolean }>();
  /** setMyCommands lists by scope and language. */
  readonly commands = new Map<string, unknown[]>();
  /** Group, supergroup and channel chats by id (negative), with their type; others are supergroups. */
  readonly groupTypes = new Map<number, "group" | "supergroup" | "channel">();
  /** Non-private chats the bot left (leaveChat): sending there answers 403, as Telegram does. */
  readonly left = new Set<number>();

  private state(chatId: number): ChatState {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { id: chatId, nextMessageId: 1, messages: new Map() };
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  rememberUser(user: User): void {
    this.state(user.id).user = user;
    this.started.add(user.id);
  }

  /** The Chat object Telegram puts in messages to and from this chat. */
  chatObject(chatId: number): Chat {
    if (chatId < 0) {
      const type = this.groupTypes.get(chatId) ?? "supergroup";
      return { id: chatId, type, title: `${type === "channel" ? "Channel" : "Group"} ${chatId}` } as Chat;
    }
    const user = this.chats.get(chatId)?.user;
    const chat: Chat.PrivateChat = { id: chatId, type: "private", first_name: user?.first_name ?? `User ${chatId}` };
    if (user?.username) chat.username = user.username;
    return chat;
  }

  add(chatId: number, fromBot: boolean, build: (messageId: number) => Message): StoredMessage {
    const chat = this.state(chatId);
    const stored: StoredMessage = { message: build(chat.nextMessageId++), fromBot, edited: false };
    chat.messages.set(stored.message.message_id, stored);
    return stored;
  }

  get(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  delete(chatId: number, messageId: number): boolean {
    return this.chats.get(chatId)?.messages.delete(messageId) ?? false;
  }

  botMessages(chatId: number): StoredMessage[] {
    const messages = [...(this.chats.get(chatId)?.messages.values() ?? [])];
    return messages.filter((m) => m.fromBot).sort((a, b) => a.message.message_id - b.message.message_id);
  }

  chatIds(): number[] {
    return [...this.chats.keys()];
  }

  newFile(prefix: string, data?: Buffer): StoredFile {
    const n = ++this.fileSeq;
    const file: StoredFile = {
      file_id: `${prefix}-${n.toString(36).padStart(6, "0")}-EMU`,
      file_unique_id: `u${prefix}${n}`,
      size: data?.length ?? 1024,
      data,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  reset(): void {
    this.chats.clear();
    this.files.clear();
    this.blocked.clear();
    this.started.clear();
    this.callbackQueries.clear();
    this.commands.clear();
    this.groupTypes.clear();
    this.left.clear();
  }
}

const KINDS = ["text", "photo", "document", "voice", "audio", "video", "animation", "video_note", "sticker"];
const MORE_KINDS = ["location", "contact", "dice", "poll", "venue"];

/** "text", "photo", "document", …: what kind of message this is. */
export function kindOf(message: Message): string {
  const m = message as unknown as Record<string, unknown>;
  return [...KINDS, ...MORE_KINDS].find((k) => m[k] !== undefined) ?? "other";
}

/** A message as the user sees it. */
export function toView(m: Message, edited = m.edit_date !== undefined): SentMessage {
  const view: SentMessage = {
    message_id: m.message_id,
    chat_id: m.chat.id,
    date: m.date,
    kind: kindOf(m),
    buttons: buttonsOf(m),
    edited,
    raw: m,
  };
  if (m.text !== undefined) view.text = m.text;
  if (m.caption !== undefined) view.caption = m.caption;
  return view;
}

export function buttonsOf(message: Message): Button[][] {
  const rows: InlineKeyboardButton[][] = message.reply_markup?.inline_keyboard ?? [];
  return rows.map((row) =>
    row.map((b) => {
      const button: Button = { text: b.text };
      if ("callback_data" in b && b.callback_data !== undefined) button.callback_data = b.callback_data;
      if ("url" in b && b.url !== undefined) button.url = b.url;
      return button;
    }),
  );
}
