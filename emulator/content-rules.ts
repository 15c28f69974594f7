// Telegram's content limits: text 1–4096 and captions ≤ 1024 characters after entity parsing,
// callback_data 1–64 bytes, well-formed reply markup, valid bot commands.
import { visibleText } from "./markup.js";
import { badRequest, type Params } from "./types.js";

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
export const MAX_CALLBACK_DATA_BYTES = 64;

const INLINE_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

export interface VisibleContent {
  text?: string;
  caption?: string;
}

/** Validates what the user would see and returns it (markup parsed, surrounding whitespace trimmed). */
export function checkContent(method: string, params: Params): VisibleContent {
  const out: VisibleContent = {};
  if (method === "sendMessage" || method === "editMessageText") {
    const raw = typeof params.text === "string" ? params.text : "";
    const text = visibleText(raw, params.parse_mode).trim();
    if (text.length === 0) throw badRequest("message text is empty");
    if (text.length > MAX_TEXT) throw badRequest("message is too long");
    out.text = text;
  }
  if (typeof params.caption === "string") {
    const caption = visibleText(params.caption, params.parse_mode).trim();
    if (caption.length > MAX_CAPTION) throw badRequest("message caption is too long");
    out.caption = caption;
  }
  if (params.reply_markup !== undefined) checkReplyMarkup(params.reply_markup);
  if (method === "setMyCommands") checkCommands(params.commands);
  return out;
}

export function checkReplyMarkup(markup: unknown): void {
  if (typeof markup !== "object" || markup === null || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  const m = markup as Record<string, unknown>;
  if ("inline_keyboard" in m) {
    const rows = arrayOfArrays(m.inline_keyboard, "inline_keyboard", "InlineKeyboardMarkup");
    if (rows.flat().length > 100) throw badRequest("reply markup is too long");
    for (const button of rows.flat()) checkInlineButton(button);
  } else if ("keyboard" in m) {
    const rows = arrayOfArrays(m.keyboard, "keyboard", "ReplyKeyboardMarkup");
    for (const button of rows.flat()) {
      const text = typeof button === "string" ? button : (button as { text?: unknown } | null)?.text;
      if (typeof text !== "string" || text.length === 0) throw badRequest("keyboard button text is empty");
    }
  } else if (!("remove_keyboard" in m) && !("force_reply" in m)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
}

function arrayOfArrays(value: unknown, field: string, type: string): unknown[][] {
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    throw badRequest(`field "${field}" of the ${type} must be an Array of Arrays`);
  }
  return value as unknown[][];
}

function checkInlineButton(button: unknown): void {
  if (typeof button !== "object" || button === null) throw badRequest("can't parse inline keyboard button");
  const b = button as Record<string, unknown>;
  if (typeof b.text !== "string" || b.text.length === 0) throw badRequest("BUTTON_TEXT_INVALID");
  if (!INLINE_ACTIONS.some((k) => b[k] !== undefined)) {
    throw badRequest("text buttons are unallowed in the inline keyboard");
  }
  if (b.callback_data !== undefined) {
    const bytes = typeof b.callback_data === "string" ? Buffer.byteLength(b.callback_data, "utf8") : 0;
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (b.url !== undefined) checkButtonUrl(b.url);
}

function checkButtonUrl(url: unknown): void {
  const invalid = () => badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
  if (typeof url !== "string") throw invalid();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid();
  }
  if (parsed.protocol === "tg:") return;
  if (!["http:", "https:"].includes(parsed.protocol) || !parsed.hostname.includes(".")) throw invalid();
}

function checkCommands(commands: unknown): void {
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("too many commands");
  for (const c of commands as Array<{ command?: unknown; description?: unknown }>) {
    if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
      throw badRequest("command description is invalid");
    }
  }
}
