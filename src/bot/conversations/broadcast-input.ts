// The I/O shared by the broadcast conversations: waiting for a button, a text or a photo/PDF of the current
// step, showing a screen (editing the pressed message where possible), sending a preview, and asking for a
// date and time.
import type { Message } from "grammy/types";
import { type buildPayload, keepFormatting } from "../../services/broadcast-message.js";
import { nextLocalTime, parseLocalDateTime } from "../../services/broadcast-time.js";
import { type Locale, MAX_CAPTION, type Media, type Version } from "../../services/broadcasts.js";
import { formatWhen } from "../broadcast-views.js";
import { bc, broadcastStep } from "../buttons.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import type { Translate } from "../i18n.js";
import { type Button, Cancelled, type Convo, keyboard } from "./ask.js";
import { repeatedPress } from "./presses.js";

/** Scheduling further ahead than this is almost certainly a typo. */
const MAX_AHEAD_MS = 90 * 86_400_000;

type Input =
  | { kind: "button"; data: string; ctx: ConversationContext }
  | { kind: "text"; version: Version }
  | { kind: "media"; media: Media; version: Version };

interface InputOptions {
  tr: Translate;
  buttons: Button[][];
  /** Accept typed text up to this length. */
  textMax?: number;
  /** Accept a photo or a PDF with a caption. */
  media?: boolean;
  /** Shows the question again, after a nudge (`before`) in the same message: one message, not two. */
  again: (before?: string) => Promise<unknown>;
}

/**
 * Waits for a button of this step, a text, or a photo/PDF. Buttons of other broadcast screens (progress,
 * /broadcasts, 👍) and of the main menu are passed on to the features; anything unexpected gets a nudge.
 */
export async function input(conversation: Convo, opts: InputOptions): Promise<Input> {
  const { tr } = opts;
  const allowed = new Set(opts.buttons.flat().map((b) => b.data));
  for (;;) {
    const next = await conversation.wait();
    if (repeatedPress(conversation, next)) continue;
    const data = next.callbackQuery?.data;
    if (next.callbackQuery) {
      if (data && allowed.has(data)) {
        await next.answerCallbackQuery();
        return { kind: "button", data, ctx: next };
      }
      if (broadcastStep.filter.test(data ?? "")) {
        await next.answerCallbackQuery({ text: tr("common-button-expired") });
        continue;
      }
      await conversation.skip({ next: true });
    }
    const message = next.message;
    if (!message) continue;
    const text = message.text;
    if (text?.startsWith("/")) {
      if (text.slice(1).split(/[\s@]/)[0] === "cancel") throw new Cancelled();
      await opts.again(tr("common-finish-first"));
      continue;
    }
    const nudge = check(message, opts);
    if (typeof nudge !== "string") return nudge;
    await opts.again(nudge);
  }
}

/** The input as a text or media answer, or the reason (a localized nudge) it cannot be used. */
function check(message: Message, opts: InputOptions): Input | string {
  const { tr } = opts;
  const media: Media | null = message.photo?.length
    ? { kind: "photo", fileId: message.photo.at(-1)?.file_id ?? "" }
    : message.document
      ? { kind: "document", fileId: message.document.file_id }
      : null;
  if (message.text !== undefined && opts.textMax !== undefined) {
    if (message.text.length > opts.textMax) {
      return tr("broadcast-too-long", { max: String(opts.textMax), length: String(message.text.length) });
    }
    return { kind: "text", version: { text: message.text, entities: keepEntities(message.entities) } };
  }
  if (media && opts.media) {
    const pdf =
      media.kind === "photo" ||
      message.document?.mime_type === "application/pdf" ||
      /\.pdf$/i.test(message.document?.file_name ?? "");
    if (!pdf) return tr("broadcast-pdf-only");
    const caption = message.caption?.trim() ?? "";
    if (!caption) return tr("broadcast-caption-needed");
    if ((message.caption ?? "").length > MAX_CAPTION) {
      return tr("broadcast-too-long", { max: String(MAX_CAPTION), length: String((message.caption ?? "").length) });
    }
    const version = { text: message.caption ?? "", entities: keepEntities(message.caption_entities) };
    return { kind: "media", media, version };
  }
  if (media && opts.textMax !== undefined) return tr("broadcast-text-only");
  return tr(opts.textMax !== undefined ? "broadcast-compose-nudge" : "common-use-buttons");
}

const keepEntities = (entities: Message["entities"]) => keepFormatting(entities);

/** A nudge and the question it repeats, as one message. */
export const withNote = (before: string | undefined, text: string) => (before ? `${before}\n\n${text}` : text);

/** Sends a screen as a new message, or edits the message whose button was pressed. */
export async function show(ctx: ConversationContext, text: string, rows: Button[][], pressed?: ConversationContext) {
  const reply_markup = rows.length ? keyboard(rows) : undefined;
  if (pressed?.callbackQuery?.message) {
    try {
      await pressed.editMessageText(text, { reply_markup });
      return;
    } catch {
      // The message is too old to edit or unchanged: fall back to a new one.
    }
  }
  await ctx.reply(text, { reply_markup });
}

/** Sends an outbox payload to this chat: the preview is the very message officers get. */
export async function sendPayload(ctx: ConversationContext, payload: ReturnType<typeof buildPayload>) {
  switch (payload.method) {
    case "sendPhoto": {
      const { photo, ...rest } = payload.params;
      return ctx.replyWithPhoto(photo, rest as Parameters<ConversationContext["replyWithPhoto"]>[1]);
    }
    case "sendDocument": {
      const { document, ...rest } = payload.params;
      return ctx.replyWithDocument(document, rest as Parameters<ConversationContext["replyWithDocument"]>[1]);
    }
    default: {
      const { text, ...rest } = payload.params;
      return ctx.reply(text, rest as Parameters<ConversationContext["reply"]>[1]);
    }
  }
}

/** Date and time (Phnom Penh): quick buttons or typed. Returns epoch ms, or null for Back. */
export async function askTime(
  conversation: Convo,
  ctx: ConversationContext,
  deps: BotDeps,
  tr: Translate,
  locale: Locale,
) {
  const tz = deps.config.TZ;
  const now = await conversation.external(() => deps.now().getTime());
  const at8 = nextLocalTime(new Date(now), tz, 8, 0);
  const at14 = nextLocalTime(new Date(now), tz, 14, 0);
  const buttons: Button[][] = [
    [
      { text: tr("broadcast-tomorrow-at", { time: "08:00" }), data: bc("t", 8) },
      { text: tr("broadcast-tomorrow-at", { time: "14:00" }), data: bc("t", 14) },
    ],
    [{ text: tr("common-back"), data: bc("back") }],
  ];
  const question = tr("broadcast-ask-time", { example: formatExample(at8, tz) });
  const again = (before?: string) => ctx.reply(withNote(before, question), { reply_markup: keyboard(buttons) });
  await again();
  for (;;) {
    const answer = await input(conversation, { tr, buttons, textMax: 60, again });
    if (answer.kind === "button") {
      if (answer.data === bc("back")) return null;
      return (broadcastStep.unpack(answer.data)?.arg === "8" ? at8 : at14).getTime();
    }
    if (answer.kind !== "text") continue;
    const nowAgain = await conversation.external(() => deps.now().getTime());
    const at = parseLocalDateTime(answer.version.text, tz, new Date(nowAgain));
    let problem: string | undefined;
    if (!at) problem = tr("broadcast-bad-time", { example: formatExample(at8, tz) });
    else if (at.getTime() <= nowAgain) problem = tr("broadcast-time-past", { when: formatWhen(at, locale, tz) });
    else if (at.getTime() - nowAgain > MAX_AHEAD_MS) problem = tr("broadcast-time-far");
    if (!problem && at) return at.getTime();
    await again(problem);
  }
}

/** "25/11/2026 08:00" for the instant, in the time zone: the format people are asked to type. */
function formatExample(at: Date, tz: string): string {
  const p = new Intl.DateTimeFormat("en-GB", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: tz,
  }).format(at);
  return p.replace(",", "");
}
