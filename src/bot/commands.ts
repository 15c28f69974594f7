// Telegram's "/" command menus, per language (km, en) and per role. Officers get the default scope;
// trainers, staff and admins get a chat scope with their extra commands.
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Role } from "../db/repositories/members.js";
import type { Logger } from "../logger.js";
import type { Context } from "./context.js";
import type { CommandMenus } from "./deps.js";
import { LOCALES, type Locale } from "./i18n.js";

const BASE = [
  "start",
  "tip",
  "topics",
  "reflect",
  "progress",
  "share",
  "practices",
  "peer",
  "end",
  "help",
  "settings",
  "mydata",
  "language",
  "cancel",
];
const EXTRA: Record<Role, string[]> = {
  officer: [],
  trainer: ["invite", "invites", "broadcast", "broadcasts", "tips", "moderate", "summary"],
  staff: ["summary"],
  admin: ["invite", "invites", "broadcast", "broadcasts", "tips", "moderate", "users", "summary"],
};

export function commandsFor(role: Role): string[] {
  return [...BASE, ...EXTRA[role]];
}

/** Command menus are a convenience: setting one never fails (a failure is logged), so no flow ends on it. */
export function createCommandMenus(api: Api, i18n: I18n<Context>, logger: Logger): CommandMenus {
  const list = (role: Role, locale: Locale) =>
    commandsFor(role).map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
  return {
    async applyDefaults() {
      try {
        await api.setMyCommands(list("officer", "km"));
        for (const locale of LOCALES) await api.setMyCommands(list("officer", locale), { language_code: locale });
      } catch (err) {
        logger.warn({ msg: "could not set command menus", err });
      }
    },
    async applyForChat(chatId, role) {
      const scope = { type: "chat" as const, chat_id: chatId };
      try {
        if (EXTRA[role].length === 0) {
          await api.deleteMyCommands({ scope });
          for (const locale of LOCALES) await api.deleteMyCommands({ scope, language_code: locale });
          return;
        }
        await api.setMyCommands(list(role, "km"), { scope });
        for (const locale of LOCALES) await api.setMyCommands(list(role, locale), { scope, language_code: locale });
      } catch (err) {
        logger.warn({ msg: "could not set a chat's command menu", err });
      }
    },
  };
}
