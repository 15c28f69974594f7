// The message an officer receives from a broadcast: which of the trainer's formatting is kept, which version
// a recipient reads, and the exact Bot API payload (the preview sends the same payload to the trainer).
import type { OutboxPayload } from "../db/repositories/outbox.js";
import type { Entity, Locale, Media, Version } from "../domain/broadcast-draft.js";
import { usefulButton } from "./buttons.js";

/** Formatting kept from what the trainer typed. Mentions of people (text_mention carries a Telegram user) are dropped. */
const FORMATTING = new Set([
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "spoiler",
  "code",
  "pre",
  "text_link",
  "blockquote",
  "expandable_blockquote",
]);
export function keepFormatting(entities: readonly Entity[] | undefined): Entity[] {
  return (entities ?? [])
    .filter((e) => FORMATTING.has(e.type))
    .map((e) => ({
      type: e.type,
      offset: e.offset,
      length: e.length,
      ...(e.url ? { url: e.url } : {}),
      ...(e.language ? { language: e.language } : {}),
    }));
}

/** The version a recipient reads: their language, or the one version for everyone. */
export function versionFor(b: { km: Version | null; en: Version | null }, locale: Locale): Version {
  const v = locale === "en" ? (b.en ?? b.km) : (b.km ?? b.en);
  return v ?? { text: "", entities: [] };
}

/** The exact message an officer receives (the preview sends the same payload to the trainer). */
export function buildPayload(version: Version, media: Media | null, usefulButton: { text: string; data: string }) {
  const reply_markup = { inline_keyboard: [[{ text: usefulButton.text, callback_data: usefulButton.data }]] };
  const entities = version.entities.length ? version.entities : undefined;
  if (!media) {
    return {
      method: "sendMessage",
      params: { text: version.text, ...(entities ? { entities } : {}), reply_markup },
    } satisfies OutboxPayload;
  }
  const caption = { caption: version.text, ...(entities ? { caption_entities: entities } : {}), reply_markup };
  return media.kind === "photo"
    ? ({ method: "sendPhoto", params: { photo: media.fileId, ...caption } } satisfies OutboxPayload)
    : ({ method: "sendDocument", params: { document: media.fileId, ...caption } } satisfies OutboxPayload);
}

export const usefulData = (broadcastId: string) => usefulButton.pack({ id: broadcastId });
