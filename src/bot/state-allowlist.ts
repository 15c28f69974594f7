// What a conversation's stored replay may keep of Telegram's objects. The conversations plugin stores every
// update a conversation received and every API result it got, whole: senders' names and usernames, a forwarded
// message's original sender, a shared contact's phone number, a text mention's user. Before anything is stored,
// each update and message is cut down to an allowlist of the fields Mitt's conversations read; every person and
// chat becomes a placeholder, restored from the live update when the conversation resumes. A field that is not
// listed here is never stored, whatever Telegram adds to its objects in the future.
//
// Replays must take the same path as the live run, so what a conversation tests for is kept in a form that gives
// the same answer: that a message was forwarded, or carried a sticker or a contact, survives as an empty marker.

type Obj = Record<string, unknown>;

const PERSON = { id: 0, is_bot: false, first_name: "·" };
const BOT = { id: 0, is_bot: true, first_name: "·" };

/** Message fields kept as they are (texts reach here already scrubbed or hashed where that applies). */
const MESSAGE_PLAIN = ["message_id", "date", "edit_date", "text", "caption", "media_group_id"] as const;
/** Message fields whose presence matters to a conversation, but whose content does not. */
const MESSAGE_MARKERS = [
  "sticker",
  "voice",
  "video",
  "video_note",
  "audio",
  "animation",
  "location",
  "contact",
  "venue",
  "poll",
  "dice",
  "game",
  "story",
  "forward_origin",
  "via_bot",
  "sender_chat",
] as const;
/** Formatting that a trainer's broadcast keeps; a text_mention's `user` is left out. */
const ENTITY_FIELDS = ["type", "offset", "length", "url", "language", "custom_emoji_id"] as const;
const PHOTO_FIELDS = ["file_id", "file_unique_id", "width", "height", "file_size"] as const;
const DOCUMENT_FIELDS = ["file_id", "file_unique_id", "mime_type", "file_size"] as const;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function pick(source: Obj, fields: readonly string[]): Obj {
  const out: Obj = {};
  for (const f of fields) if (source[f] !== undefined) out[f] = source[f];
  return out;
}

const person = (v: unknown) => (isObj(v) && v.is_bot === true ? BOT : PERSON);
const chat = (v: unknown) => ({ id: 0, type: isObj(v) && typeof v.type === "string" ? v.type : "private" });
const entities = (v: unknown) => (Array.isArray(v) ? v.filter(isObj).map((e) => pick(e, ENTITY_FIELDS)) : undefined);

/** A document's name may say what it is about: only its extension is kept (a broadcast accepts only PDFs). */
function documentOf(v: unknown): Obj | undefined {
  if (!isObj(v)) return undefined;
  const out = pick(v, DOCUMENT_FIELDS);
  const ext = typeof v.file_name === "string" ? /\.([A-Za-z0-9]{1,8})$/.exec(v.file_name)?.[1] : undefined;
  if (ext) out.file_name = `document.${ext.toLowerCase()}`;
  return out;
}

export function allowMessage(m: Obj): Obj {
  const out = pick(m, MESSAGE_PLAIN);
  out.chat = chat(m.chat);
  if (m.from !== undefined) out.from = person(m.from);
  const e = entities(m.entities);
  if (e) out.entities = e;
  const ce = entities(m.caption_entities);
  if (ce) out.caption_entities = ce;
  if (Array.isArray(m.photo)) out.photo = m.photo.filter(isObj).map((p) => pick(p, PHOTO_FIELDS));
  const doc = documentOf(m.document);
  if (doc) out.document = doc;
  for (const marker of MESSAGE_MARKERS) if (m[marker] !== undefined) out[marker] = {};
  if (isObj(m.reply_to_message) && typeof m.reply_to_message.message_id === "number") {
    out.reply_to_message = { message_id: m.reply_to_message.message_id, date: 0, chat: chat(m.chat) };
  }
  return out;
}

function allowCallbackQuery(q: Obj): Obj {
  const out: Obj = pick(q, ["id", "data"]);
  out.from = person(q.from);
  out.chat_instance = "·";
  if (isObj(q.message)) out.message = allowMessage(q.message);
  return out;
}

export function allowUpdate(u: Obj): Obj {
  const out: Obj = { update_id: u.update_id };
  if (isObj(u.message)) out.message = allowMessage(u.message);
  if (isObj(u.edited_message)) out.edited_message = allowMessage(u.edited_message);
  if (isObj(u.callback_query)) out.callback_query = allowCallbackQuery(u.callback_query);
  return out;
}

/**
 * The whole stored state, allowlisted: Telegram updates and messages wherever they appear (received updates,
 * API results), and any other person or chat object as a placeholder. Values Mitt's own code returned from
 * `conversation.external` are kept as they are: they are plain data chosen by Mitt.
 */
export function allowlistState<T>(state: T): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (!isObj(v)) return v;
    if (typeof v.update_id === "number") return allowUpdate(v);
    if (typeof v.message_id === "number" && isObj(v.chat)) return allowMessage(v);
    if (key === "from" || key === "user") return person(v);
    if (key === "chat") return chat(v);
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === "chat_instance" ? "·" : walk(x, k);
    return out;
  };
  return walk(state) as T;
}

/** On read: placeholders become the live update's sender and chat (a private chat is always that one person). */
export function restoreIdentities<T>(state: T, from: Obj | undefined, liveChat: Obj | undefined): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (!isObj(v)) return v;
    if (key === "from" && v.id === 0 && v.is_bot === false && from) return from;
    if (key === "chat" && v.id === 0 && liveChat) return liveChat;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
    return out;
  };
  return walk(state) as T;
}
