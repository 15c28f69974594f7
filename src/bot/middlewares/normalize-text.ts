// Every text and caption that comes in is made safe to store and show, here, once, before anything reads it:
// - NUL and the other C0/C1 control characters go (PostgreSQL refuses NUL in text: a check-in with one could not be
//   saved), except newline and tab; a CR LF becomes a newline;
// - a lone surrogate (half of an emoji, cut by a client) becomes U+FFFD, so the text is well-formed UTF-16;
// - explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) go: they can make a
//   note read differently from what it says. Zero-width spaces (Khmer writers use them between words), joiners
//   (emoji sequences, Khmer subscripts) and the plain left-to-right/right-to-left marks stay;
// - Unicode NFC, so the same Khmer word is stored the same way whichever keyboard typed it;
// - at most 8,192 characters (captions 2,048), never cutting a character in two: twice what Telegram delivers
//   (4,096 and 1,024), so every feature's own limit still gives its clear "too long" reply, while absurd input
//   from a forged update costs the scrubber nothing.
// Formatting entities are moved to match the new text (broadcasts keep their bold and links).
import type { NextFunction } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { Context } from "../context.js";

export const MAX_TEXT_CHARS = 8192;
export const MAX_CAPTION_CHARS = 2048;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(/\r\n?/g, "\n").replace(CONTROLS, "").normalize("NFC");
}

function bound(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  // Do not leave the first half of a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The normalised text (see above). */
export function normalizeText(text: string, max = MAX_TEXT_CHARS): string {
  return bound(clean(text), max);
}

/** Entities moved to the normalised text: each boundary goes where the normalised prefix ends. */
export function remapEntities(text: string, entities: MessageEntity[], max = MAX_TEXT_CHARS): MessageEntity[] {
  const length = normalizeText(text, max).length;
  const at = (offset: number) => Math.min(length, normalizeText(text.slice(0, offset), max).length);
  return entities
    .map((e) => {
      const start = at(e.offset);
      return { ...e, offset: start, length: at(e.offset + e.length) - start };
    })
    .filter((e) => e.length > 0);
}

export async function normalizeIncomingText(ctx: Context, next: NextFunction): Promise<void> {
  const msg = ctx.update.message;
  if (msg?.text !== undefined) {
    const text = normalizeText(msg.text);
    if (text !== msg.text) {
      if (msg.entities) msg.entities = remapEntities(msg.text, msg.entities);
      msg.text = text;
    }
  }
  if (msg?.caption !== undefined) {
    const caption = normalizeText(msg.caption, MAX_CAPTION_CHARS);
    if (caption !== msg.caption) {
      if (msg.caption_entities)
        msg.caption_entities = remapEntities(msg.caption, msg.caption_entities, MAX_CAPTION_CHARS);
      msg.caption = caption;
    }
  }
  await next();
}
