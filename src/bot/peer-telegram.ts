// The Telegram side of peer connect (PeerTelegram in src/services/peer-connect.ts): sends straight to a member's
// chat, looked up in `identities` at the moment of sending. Not through the outbox, because the outbox stores
// what it sends and relayed text must never be stored. Failures are logged with the method and Telegram's error
// code only: a GrammyError carries the request payload, which here is someone's words.
import { type Api, GrammyError } from "grammy";
import type { MemberRepository } from "../db/repositories/members.js";
import type { Logger } from "../logger.js";
import type { PeerButton, PeerTelegram } from "../services/peer-connect.js";

export function createPeerTelegram(
  api: () => Api,
  members: Pick<MemberRepository, "chatIdOf" | "markUnreachable">,
  logger: Logger,
): PeerTelegram {
  /** Logs without content; a 403 means the person blocked the bot. Returns null (not delivered). */
  async function failed(method: string, pseudonym: string, err: unknown): Promise<null> {
    const code = err instanceof GrammyError ? err.error_code : undefined;
    logger.warn({ msg: "peer message not delivered", method, code });
    if (code === 403) await members.markUnreachable(pseudonym);
    return null;
  }
  const markup = (buttons: PeerButton[][]) => ({ inline_keyboard: buttons });

  return {
    async send(pseudonym, text, buttons) {
      const chatId = await members.chatIdOf(pseudonym);
      if (chatId === null) return null;
      try {
        const sent = await api().sendMessage(chatId, text, buttons ? { reply_markup: markup(buttons) } : {});
        return sent.message_id;
      } catch (err) {
        return failed("sendMessage", pseudonym, err);
      }
    },
    async copy(to, from, messageId) {
      const [toChat, fromChat] = await Promise.all([members.chatIdOf(to), members.chatIdOf(from)]);
      if (toChat === null || fromChat === null) return false;
      try {
        await api().copyMessage(toChat, fromChat, messageId);
        return true;
      } catch (err) {
        await failed("copyMessage", to, err);
        return false;
      }
    },
    async setButtons(pseudonym, messageId, buttons) {
      const chatId = await members.chatIdOf(pseudonym);
      if (chatId === null) return;
      try {
        await api().editMessageReplyMarkup(chatId, messageId, { reply_markup: markup(buttons) });
      } catch (err) {
        await failed("editMessageReplyMarkup", pseudonym, err);
      }
    },
  };
}
