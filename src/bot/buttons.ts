// Codecs of the bot's own buttons (see src/callback-codec.ts; services' buttons are in src/services/buttons.ts,
// practice sharing's in practice-buttons.ts, peer connect's in peer-views.ts). One codec per namespace; the wire
// formats are those already in people's chats.
import { z } from "zod";
import { PROVINCES, UNIT_TYPES } from "../domain/provinces.js";
import { TIP_FREQUENCIES } from "../services/tip-schedule.js";
import { callbackData, index, slug } from "./callback-data.js";

const ROLES = ["officer", "trainer", "staff", "admin"] as const;
const uuid = z.string().regex(/^[0-9a-f-]{36}$/);
const topicId = z.string().regex(/^[a-z-]{2,40}$/);
const hour = z.string().regex(/^\d\d$/);

/** The main menu's items ("menu:<item>"), and "home" for the menu itself. */
export const MENU_ENTRIES = [
  "home",
  "reflect",
  "progress",
  "tip",
  "topics",
  "share",
  "practices",
  "moderate",
  "peer",
  "invites",
  "broadcasts",
  "users",
  "summary",
  "settings",
  "mydata",
  "help",
] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];
export const menuButton = callbackData("menu", { item: z.enum(MENU_ENTRIES) });
/** The data of one menu entry, for `composer.callbackQuery(menu("settings"), …)`. */
export const menu = (item: MenuEntry) => menuButton.pack({ item });

/** /settings and its "delete my data" confirmations. */
export const settingsButton = callbackData("settings", {
  act: z.enum(["language", "province", "unit", "tips", "delete", "delete2", "delete3", "keep"]),
});
export const provinceButton = callbackData("setprov", { province: z.enum(PROVINCES) });
export const unitButton = callbackData("setunit", { unit: z.enum(UNIT_TYPES) });
/** Tip frequency (f), then time (t, as hour and minute: the time's ":" is the separator). */
export const tipPrefsButton = callbackData("tipset", {
  act: z.enum(["f", "t"]),
  frequency: z.enum(TIP_FREQUENCIES),
  hh: hour.optional(),
  mm: hour.optional(),
});
export const languageButton = callbackData("lang", { locale: z.enum(["km", "en"]) });

/** Onboarding's steps; the tip time comes as hour and minute, like tipset. */
export const onboardingButton = callbackData("ob", {
  act: z.enum(["back", "lang", "next", "agree", "disagree", "prov", "unit", "f", "t"]),
  value: slug(32).optional(),
  hh: hour.optional(),
  mm: hour.optional(),
});

/** /users: a member's card, a role for them, or the peer-supporter flag set to `on` (a value, not a toggle). */
export const userButton = callbackData("usr", {
  act: z.enum(["show", "role", "sup"]),
  handle: z.string().regex(/^[0-9A-Z-]{7}$/),
  value: z.union([z.enum(ROLES), z.enum(["0", "1"])]).optional(),
});
/** /invite: role (then uses, then days), or withdraw an invite (x). */
export const inviteButton = callbackData("inv", {
  act: z.enum(["r", "x"]),
  arg: slug(40),
  uses: index(1000).optional(),
  days: index(365).optional(),
});

/** /topics: a page of topics, a page of one topic's tips, one tip. */
export const topicsButton = callbackData("topics", { page: index(99) });
export const topicButton = callbackData("topic", { id: topicId, page: index(99) });
export const tipShowButton = callbackData("tipshow", { id: slug() });
/** /tips (trainers): the list, add, a topic's tips (t), archive a tip (x). */
export const tipsAdminButton = callbackData("tadm", { act: z.enum(["list", "add", "t", "x"]), id: slug().optional() });
/** Inside the add-tip conversation. */
export const addTipButton = callbackData("tadd", { act: z.enum(["x", "t", "save"]), id: topicId.optional() });

/** Inside the broadcast conversations (one run at a time: a composer's buttons are not tied to a run). */
export const BROADCAST_STEPS = [
  "back",
  "x",
  "v",
  "now",
  "later",
  "edit",
  "aud",
  "ok",
  "urg",
  "retry",
  "prov",
  "units",
  "lang",
  "ina",
  "tr",
  "next",
  "p",
  "u",
  "clr",
  "done",
  "t",
] as const;
export const broadcastStep = callbackData("bc", { act: z.enum(BROADCAST_STEPS), arg: slug(20).optional() });
export const bc = (act: (typeof BROADCAST_STEPS)[number], arg?: string | number) => broadcastStep.pack({ act, arg });
/** /broadcasts: new, the list, one broadcast (s), its time (t), its Khmer or English text (ek, ee), its CSV. */
export const broadcastListButton = callbackData("bcl", {
  act: z.enum(["new", "list", "s", "t", "ek", "ee", "csv"]),
  id: uuid.optional(),
});
/** Pause, resume, cancel (asks), cancel confirmed (k), keep going (n). */
export const broadcastControlButton = callbackData("bcp", { act: z.enum(["p", "r", "c", "k", "n"]), id: uuid });
