// One Context type for the whole bot, composed from plugin flavors plus Mitt's own dependencies.
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context as BaseContext, SessionFlavor } from "grammy";
import type { MemberRecord } from "../db/repositories/members.js";
import type { Logger } from "../logger.js";
import type { BotDeps } from "./deps.js";

export interface SessionData {
  /** Language chosen before the person has a member row (onboarding, /language). */
  locale?: "km" | "en";
}

interface MittFlavor {
  deps: BotDeps;
  log: Logger;
  /** The sender's pseudonym, from `identities`: set once they consented (see services/pseudonym.ts). */
  pseudonym: string | undefined;
  /** Key of the sender's session and conversation state: the pseudonym, or before consent a visitor key. */
  stateKey: string | undefined;
  /** The sender's member row, if they consented (loaded once per update). */
  member: MemberRecord | null;
  /** Name of the handler that took the update, for the one log line per update. */
  handler: string | undefined;
}

export type Context = ConversationFlavor<BaseContext & I18nFlavor & SessionFlavor<SessionData> & MittFlavor>;

/** Inside conversations: plain grammY context (session and i18n live outside; see conversations/tr.ts). */
export type ConversationContext = BaseContext;
