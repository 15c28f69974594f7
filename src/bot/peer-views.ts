// Buttons and messages of anonymous peer connect shared by the peer features, the wellbeing ladder, the
// check-in's crisis path and /settings: the consent card (what a supporter sees, what Mitt keeps), and the
// truthful answer to a request (sent now, at night to those who take night requests, or held until morning).
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import type { PeerConversationRecord } from "../db/repositories/peer.js";
import { peerRequestButton } from "../services/buttons.js";
import { aliasInHeader } from "../services/peer-aliases.js";
import type { PeerSource, RequestOutcome } from "../services/peer-connect.js";
import type { WellbeingContent } from "../services/wellbeing-content.js";
import { callbackData, flag, slug } from "./callback-data.js";
import type { Context } from "./context.js";
import type { Locale, Translate } from "./i18n.js";
import { contactList } from "./wellbeing-replies.js";

const source = z.enum(["command", "menu", "ladder", "progress", "crisis"]);
/** Opens the consent card (from /progress and other buttons). */
export const peerOpen = callbackData("peeropen", { source });
/** The consent card's answer: go (ask now) or not now. */
export const peerAsk = callbackData("peerask", { source, go: flag });
/** A request's buttons, sent to supporters (packed by the service: peer-aliases.ts). */
export const peerRequest = peerRequestButton;
/** Which conversation /end or /block means, when there are several. */
export const peerEnd = callbackData("peerend", { id: slug(36), block: flag });
/** The night-requests setting of a peer supporter. */
export const peerNight = callbackData("peernight", { on: flag });

export const aliasLabel = (tr: Translate, code: string | null) => tr("peer-alias", { code: code ?? "?" });

/** The alias under which `me` sees the other side of a conversation. */
export const otherAlias = (c: PeerConversationRecord, me: string) =>
  c.requester === me ? c.supporterAlias : c.requesterAlias;

/**
 * The conversation a message means: the one whose relayed message it replies to (its header names the other
 * side's alias), else the only one. `repliedId` is the relayed message replied to, if any.
 */
export function conversationMeant(
  ctx: Context,
  mine: PeerConversationRecord[],
  me: string,
): { conv: PeerConversationRecord | null; repliedId: number | null } {
  const reply = ctx.message?.reply_to_message;
  if (reply && reply.from?.id === ctx.me.id) {
    const code = aliasInHeader(reply.text);
    const hit = code ? mine.find((c) => c.status === "open" && otherAlias(c, me) === code) : undefined;
    if (hit) return { conv: hit, repliedId: reply.message_id };
  }
  return { conv: mine.length === 1 ? (mine[0] ?? null) : null, repliedId: null };
}

/** Every external contact (support and crisis), for when no peer can answer. */
export function externalContacts(content: WellbeingContent, locale: Locale): string {
  return [contactList(content, locale, "support"), contactList(content, locale, "crisis")].filter(Boolean).join("\n");
}

/** The consent card, or where the person already stands (waiting, or talking with someone). */
export async function showPeerConsent(ctx: Context, from: PeerSource): Promise<void> {
  const active = ctx.pseudonym ? await ctx.deps.peer.activeRequestOf(ctx.pseudonym) : null;
  if (active) {
    const outcome: RequestOutcome =
      active.status === "open"
        ? { kind: "open", alias: active.supporterAlias ?? "?" }
        : { kind: "waiting", id: active.id };
    await ctx.reply(requestOutcomeText(ctx.t, outcome, ""));
    return;
  }
  const kb = new InlineKeyboard()
    .text(ctx.t("peer-consent-yes"), peerAsk.pack({ source: from, go: true }))
    .row()
    .text(ctx.t("peer-consent-no"), peerAsk.pack({ source: from, go: false }));
  await ctx.reply(ctx.t("peer-consent", { max: ctx.deps.config.PEER_TIMEOUT_MINUTES / 60 }), {
    reply_markup: kb,
  });
}

/** What the officer is told after asking: exactly who was told, and when supporters will see it. */
export function requestOutcomeText(tr: Translate, o: RequestOutcome, contacts: string): string {
  switch (o.kind) {
    case "open":
      return tr("peer-already-open", { alias: aliasLabel(tr, o.alias) });
    case "waiting":
      return tr("peer-already-waiting");
    case "none":
      return tr("peer-none-free", { contacts });
    case "sent":
      if (!o.night) return tr("peer-sent", { count: o.notified });
      if (o.from === null) return tr("peer-sent-night", { count: o.notified, contacts });
      return tr("peer-sent-morning", { time: o.from, contacts });
  }
}
