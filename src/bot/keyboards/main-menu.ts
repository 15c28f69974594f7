// The main menu: one inline keyboard per role. Buttons only name an action (menuButton, "menu:<item>"); the
// feature behind each re-checks the role on every press.
import { InlineKeyboard } from "grammy";
import type { Role } from "../../db/repositories/members.js";
import { type MenuEntry, menu } from "../buttons.js";
import type { Translate } from "../i18n.js";

export interface MenuItem {
  id: MenuEntry;
  labelKey: string;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ["officer", "trainer", "staff", "admin"];
const TRAINERS: readonly Role[] = ["trainer", "admin"];

export const MENU_ITEMS: readonly MenuItem[] = [
  { id: "reflect", labelKey: "checkin-menu-button", roles: EVERYONE },
  { id: "progress", labelKey: "progress-menu-button", roles: EVERYONE },
  { id: "tip", labelKey: "tip-menu-button", roles: EVERYONE },
  { id: "topics", labelKey: "topics-menu-button", roles: EVERYONE },
  { id: "share", labelKey: "practices-menu-share", roles: EVERYONE },
  { id: "practices", labelKey: "practices-menu-browse", roles: EVERYONE },
  { id: "moderate", labelKey: "practices-menu-moderate", roles: TRAINERS },
  { id: "peer", labelKey: "peer-menu-button", roles: EVERYONE },
  { id: "invites", labelKey: "menu-invites", roles: TRAINERS },
  { id: "broadcasts", labelKey: "menu-broadcasts", roles: TRAINERS },
  { id: "users", labelKey: "menu-users", roles: ["admin"] },
  { id: "summary", labelKey: "summary-menu-button", roles: ["trainer", "staff", "admin"] },
  { id: "settings", labelKey: "menu-settings", roles: EVERYONE },
  { id: "mydata", labelKey: "menu-mydata", roles: EVERYONE },
  { id: "help", labelKey: "menu-help", roles: EVERYONE },
];

export function menuItemsFor(role: Role): MenuItem[] {
  return MENU_ITEMS.filter((item) => item.roles.includes(role));
}

export function mainMenuKeyboard(role: Role, tr: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  menuItemsFor(role).forEach((item, i) => {
    kb.text(tr(item.labelKey), menu(item.id));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}
