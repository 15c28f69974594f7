// The wellbeing messages shared by the check-in conversation and the wellbeing feature: crisis contacts, the
// self-care card, the stronger prompt with the support contacts, and the offer of a peer supporter (domain.md §c).
// Contacts and cards come from content/wellbeing/*.yaml, so they can change without code.
import type { InlineKeyboard } from "grammy";
import { wellbeingButton } from "../services/buttons.js";
import type { Followup } from "../services/checkin-service.js";
import type { Contact, WellbeingContent } from "../services/wellbeing-content.js";
import { type Button, keyboard } from "./conversations/ask.js";
import type { Locale, Translate } from "./i18n.js";

/** One part of a reply; the parts of one answer go out as one message (Telegram paces messages to one chat). */
export interface OutgoingMessage {
  text: string;
  rows?: Button[][];
}

/** The parts as one message: texts one after the other, all their buttons below. */
export function asOneMessage(parts: OutgoingMessage[]): { text: string; markup?: InlineKeyboard } {
  const rows = parts.flatMap((p) => p.rows ?? []);
  return { text: parts.map((p) => p.text).join("\n\n"), ...(rows.length ? { markup: keyboard(rows) } : {}) };
}

export function contactList(content: WellbeingContent, locale: Locale, kind: Contact["kind"]): string {
  return content.contacts
    .filter((c) => c.kind === kind)
    .map((c) => `• ${c.name[locale]}: ${c.detail[locale]}`)
    .join("\n");
}

/** Shown at once when crisis words appear: the crisis contacts (a human to call), never only the bot. */
export function crisisText(tr: Translate, content: WellbeingContent, locale: Locale): string {
  return tr("wellbeing-crisis", { contacts: contactList(content, locale, "crisis") });
}

export function peerOfferRows(tr: Translate): Button[][] {
  return [
    [{ text: tr("wellbeing-peer-yes"), data: wellbeingButton.pack({ act: "peer" }) }],
    [{ text: tr("wellbeing-peer-no"), data: wellbeingButton.pack({ act: "nothanks" }) }],
  ];
}

/** The ladder's messages for one wellbeing answer; `random` in [0, 1) picks the self-care card. */
export function followupMessages(
  tr: Translate,
  content: WellbeingContent,
  locale: Locale,
  f: Followup,
  source: "sisq" | "checkin",
  random: number,
): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  const { selfCare, strong, offerPeer } = f.escalation;
  if (selfCare) {
    const card = content.selfCare[Math.floor(random * content.selfCare.length)] ?? content.selfCare[0];
    if (card) out.push({ text: tr("wellbeing-self-care", { card: card.text[locale] }) });
  }
  if (strong) {
    out.push({ text: tr(`wellbeing-strong-${source}`, { contacts: contactList(content, locale, "support") }) });
  }
  if (offerPeer) out.push({ text: tr("wellbeing-peer-offer"), rows: peerOfferRows(tr) });
  return out;
}
