// A Telegram user in the emulator: injects messages, commands, media and button presses as updates, and waits
// for the bot's replies through recorded calls (event-driven, no polling).
import type { Message, MessageEntity, Update, User } from "grammy/types";
import type { Emulator } from "./emulator.js";
import { toView } from "./state.js";
import type { ApiCall, Button, SentMessage } from "./types.js";

export interface TestUserInit {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}
export interface ReplyOptions {
  timeoutMs?: number;
  /** Only calls at or after this index of emu.calls count. Default: calls from now on. */
  since?: number;
}
export type ButtonMatcher = string | ((button: Button, message: SentMessage) => boolean);

let callbackSeq = 0;

export class TestUser {
  readonly id: number;
  readonly info: User;

  constructor(
    private readonly emu: Emulator,
    init: TestUserInit,
  ) {
    this.id = init.id;
    this.info = { is_bot: false, first_name: `User ${init.id}`, ...init };
  }

  private nowSec(): number {
    return Math.floor(this.emu.clock() / 1000);
  }

  /** Stores a message from this user in the chat and injects it as a `message` update. */
  private message(content: Record<string, unknown>): Update {
    this.emu.chats.rememberUser(this.info);
    const stored = this.emu.chats.add(this.id, false, (message_id) => {
      const m = { message_id, date: this.nowSec(), chat: this.emu.chats.chatObject(this.id), from: this.info };
      return { ...m, ...content } as unknown as Message;
    });
    return this.emu.inject({ message: stored.message } as Omit<Update, "update_id">);
  }

  /**
   * Sends a message with any content Telegram can deliver (a forward's `forward_origin`, a `contact`, a `document`,
   * a `reply_to_message`…), stored in the chat like any other.
   */
  sendRaw(content: Record<string, unknown>): Update {
    return this.message(content);
  }

  /** Sends text; a leading "/word" gets a bot_command entity, as Telegram adds. */
  send(text: string): Update {
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
    return this.message(entities.length ? { text, entities } : { text });
  }

  command(name: string, args?: string): Update {
    return this.send(args ? `/${name} ${args}` : `/${name}`);
  }

  sendSticker(emoji = "👍"): Update {
    const file = this.emu.chats.newFile("sticker");
    const { file_id, file_unique_id } = file;
    const sticker = {
      file_id,
      file_unique_id,
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji,
    };
    return this.message({ sticker });
  }

  sendPhoto(caption?: string): Update {
    const { file_id, file_unique_id } = this.emu.chats.newFile("photo");
    const photo = [
      { file_id: `${file_id}-s`, file_unique_id: `${file_unique_id}s`, width: 90, height: 90 },
      { file_id, file_unique_id, width: 1280, height: 960 },
    ];
    return this.message(caption ? { photo, caption } : { photo });
  }

  sendVoice(durationSec = 3): Update {
    const { file_id, file_unique_id, size } = this.emu.chats.newFile("voice");
    return this.message({
      voice: { file_id, file_unique_id, duration: durationSec, mime_type: "audio/ogg", file_size: size },
    });
  }

  /** Presses the inline button matching `matcher` (exact text first, then substring) in the latest bot message that has one. */
  press(matcher: ButtonMatcher, opts: { messageId?: number } = {}): Update {
    const messages = this.messages().reverse();
    const candidates =
      opts.messageId === undefined ? messages : messages.filter((m) => m.message_id === opts.messageId);
    for (const message of candidates) {
      const buttons = message.buttons.flat();
      const button =
        typeof matcher === "function"
          ? buttons.find((b) => matcher(b, message))
          : (buttons.find((b) => b.text === matcher) ?? buttons.find((b) => b.text.includes(matcher)));
      if (!button) continue;
      if (button.callback_data === undefined) {
        throw new Error(
          `Button "${button.text}" in message ${message.message_id} has no callback_data (url: ${button.url ?? "none"})`,
        );
      }
      return this.pressData(button.callback_data, message.message_id);
    }
    const all = messages.map(
      (m) =>
        `  #${m.message_id}: ${
          m.buttons
            .flat()
            .map((b) => `[${b.text}]`)
            .join(" ") || "(no buttons)"
        }`,
    );
    throw new Error(
      `No inline button matching ${String(matcher)} in chat ${this.id}:\n${all.join("\n") || "  (no bot messages)"}`,
    );
  }

  /** Injects a callback_query with any data, for a message that may not exist (forged presses). */
  pressData(data: string, messageId?: number): Update {
    this.emu.chats.rememberUser(this.info);
    const latest = this.messages().at(-1)?.message_id;
    const id = messageId ?? latest ?? 1;
    const stored = this.emu.chats.get(this.id, id);
    const message = stored?.message ?? { chat: this.emu.chats.chatObject(this.id), message_id: id, date: 0 };
    const queryId = String(4_200_000_000_000 + ++callbackSeq);
    this.emu.chats.callbackQueries.set(queryId, { chatId: this.id, answered: false });
    return this.emu.inject({
      callback_query: { id: queryId, from: this.info, message, chat_instance: `emu-${this.id}`, data },
    } as Omit<Update, "update_id">);
  }

  /**
   * Adds the bot to a group, supergroup or channel (negative id) and injects the my_chat_member update Telegram
   * sends the bot: `left` → `member` (or `administrator` in a channel).
   */
  addBotTo(chatId: number, type: "group" | "supergroup" | "channel" = "group"): Update {
    if (chatId >= 0) throw new Error("group and channel ids are negative");
    this.emu.chats.rememberUser(this.info);
    this.emu.chats.groupTypes.set(chatId, type);
    this.emu.chats.left.delete(chatId);
    const bot = this.emu.botInfo;
    const joined =
      type === "channel"
        ? { status: "administrator", user: bot, can_be_edited: false, can_manage_chat: true, can_post_messages: true }
        : { status: "member", user: bot };
    return this.emu.inject({
      my_chat_member: {
        chat: this.emu.chats.chatObject(chatId),
        from: this.info,
        date: this.nowSec(),
        old_chat_member: { status: "left", user: bot },
        new_chat_member: joined,
      },
    } as Omit<Update, "update_id">);
  }

  /** Sends text (a "/command" gets its entity) in a group the user is in, as a `message` update. */
  sendInGroup(chatId: number, text: string): Update {
    this.emu.chats.rememberUser(this.info);
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const stored = this.emu.chats.add(chatId, false, (message_id) => {
      const m: Record<string, unknown> = {
        message_id,
        date: this.nowSec(),
        chat: this.emu.chats.chatObject(chatId),
        from: this.info,
        text,
      };
      if (command) m.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
      return m as unknown as Message;
    });
    return this.emu.inject({ message: stored.message } as Omit<Update, "update_id">);
  }

  /** Presses a button with any data on a message in a group (forged, or on a message the bot never sent). */
  pressInGroup(chatId: number, data: string): Update {
    this.emu.chats.rememberUser(this.info);
    const message = { chat: this.emu.chats.chatObject(chatId), message_id: 1, date: 0 };
    const queryId = String(4_200_000_000_000 + ++callbackSeq);
    this.emu.chats.callbackQueries.set(queryId, { chatId, answered: false });
    return this.emu.inject({
      callback_query: { id: queryId, from: this.info, message, chat_instance: `emu-${chatId}`, data },
    } as Omit<Update, "update_id">);
  }

  /** Blocks the bot (sends to this chat answer 403) and injects the my_chat_member update Telegram sends. */
  block(): Update {
    this.emu.blockChat(this.id);
    return this.memberUpdate("member", "kicked");
  }

  unblock(): Update {
    this.emu.unblockChat(this.id);
    return this.memberUpdate("kicked", "member");
  }

  private memberUpdate(from: "member" | "kicked", to: "member" | "kicked"): Update {
    const bot = this.emu.botInfo;
    const member = (status: string) =>
      status === "kicked" ? { status, user: bot, until_date: 0 } : { status, user: bot };
    return this.emu.inject({
      my_chat_member: {
        chat: this.emu.chats.chatObject(this.id),
        from: this.info,
        date: this.nowSec(),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    } as Omit<Update, "update_id">);
  }

  /** The bot's messages in this chat as the user sees them now. */
  messages(): SentMessage[] {
    return this.emu.sentTo(this.id);
  }

  last(): SentMessage | undefined {
    return this.messages().at(-1);
  }

  /** The next message the bot sends to or edits in this chat (from `since`, default now). */
  async nextReply(opts: ReplyOptions = {}): Promise<SentMessage> {
    const call = await this.emu.waitFor((c) => c.ok && c.message?.chat.id === this.id, {
      timeoutMs: opts.timeoutMs,
      since: opts.since ?? this.emu.calls.length,
    });
    return toView(call.message as Message);
  }

  /** The answerCallbackQuery call for a press (the spinner stays until it comes). */
  answerTo(press: Update, opts: ReplyOptions = {}): Promise<ApiCall> {
    const id = press.callback_query?.id;
    return this.emu.waitFor((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === id, opts);
  }

  ask(text: string, opts: ReplyOptions = {}): Promise<SentMessage> {
    return this.around(() => this.send(text), opts);
  }

  askCommand(name: string, args?: string, opts: ReplyOptions = {}): Promise<SentMessage> {
    return this.around(() => this.command(name, args), opts);
  }

  askPress(matcher: ButtonMatcher, opts: ReplyOptions = {}): Promise<SentMessage> {
    return this.around(() => this.press(matcher), opts);
  }

  private around(inject: () => Update, opts: ReplyOptions): Promise<SentMessage> {
    const since = this.emu.calls.length;
    inject();
    return this.nextReply({ ...opts, since });
  }
}
