// The relay of an open peer conversation, and /report. Registered before the conversations plugin and the text
// guard (src/bot/index.ts), so relayed text never enters conversation state (kv_state) and is never logged:
// the update log line says only "peer-relay". Every private message of an enrolled member costs one indexed
// lookup here (open conversations of this pseudonym); everyone else passes straight on.
//
// What goes where: plain text goes to the other side (scrubbed, under the writer's alias); photos, voice,
// stickers, files and forwards are refused with the reason; crisis words bring the crisis contacts to the writer
// at once, and the message still goes. With two conversations open, a message must reply to one of them.
// A reflection left open does not take the text (the live conversation comes first); a composing flow
// (broadcast, new tip) does.
import type { Message } from "grammy/types";
import { mentionsCrisis } from "../../services/crisis.js";
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";
import { aliasLabel, conversationMeant, otherAlias } from "../peer-views.js";
import { crisisText } from "../wellbeing-replies.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private").filter((ctx) => !!ctx.member?.enrolled && !!ctx.pseudonym);
/** Room for the header line within Telegram's 4096 characters. */
const MAX_RELAYED = 4000;

const isPlainText = (m: Message) => m.text !== undefined && m.forward_origin === undefined && m.via_bot === undefined;

feature.command("report", logHandle("peer-report"), async (ctx) => {
  const p = ctx.pseudonym ?? "";
  const open = await ctx.deps.peer.openFor(p);
  if (!open.length) return void (await ctx.reply(ctx.t("peer-nothing-to-report")));
  const { conv, repliedId } = conversationMeant(ctx, open, p);
  if (!conv) return void (await ctx.reply(ctx.t("peer-report-reply-first")));
  const r = await ctx.deps.peerRelay.report(p, conv, repliedId);
  const key = r === "sent" ? "peer-reported" : r === "nothing" ? "peer-report-reply-first" : "peer-report-no-admins";
  await ctx.reply(ctx.t(key));
});

feature.on("message", async (ctx, next) => {
  const msg = ctx.message;
  if (msg.text?.startsWith("/")) return next();
  const p = ctx.pseudonym ?? "";
  const open = await ctx.deps.peer.openFor(p);
  if (!open.length) return next();
  // A composing flow (broadcast, new tip) keeps its input; an open reflection (text guard on) does not.
  if (!ctx.session.textGuard?.on && (await ctx.deps.peerRelay.inFlow(p))) return next();
  ctx.handler = "peer-relay";
  if (!isPlainText(msg)) return void (await ctx.reply(ctx.t("peer-only-text")));
  const text = msg.text ?? "";
  if (text.length > MAX_RELAYED) return void (await ctx.reply(ctx.t("common-text-too-long", { max: MAX_RELAYED })));
  const { conv } = conversationMeant(ctx, open, p);
  if (!conv) {
    const aliases = open.map((c) => aliasLabel(ctx.t, otherAlias(c, p))).join(", ");
    return void (await ctx.reply(ctx.t("peer-reply-to-choose", { aliases })));
  }
  const locale = ctx.member?.locale ?? "km";
  if (mentionsCrisis(text, ctx.deps.wellbeingContent.crisisWords)) {
    await ctx.deps.events.record(p, "escalation.offered", { step: "crisis" });
    await ctx.reply(crisisText(ctx.t, ctx.deps.wellbeingContent, locale));
  }
  const r = await ctx.deps.peerRelay.relay(p, conv, text);
  if (r.kind === "closed") return void (await ctx.reply(ctx.t("peer-other-gone")));
  if (r.removed.length) {
    const kinds = r.removed.map((k) => ctx.t(`checkin-removed-${k}`)).join(", ");
    await ctx.reply(ctx.t("peer-removed", { kinds }));
  }
});

export { composer as peerRelayFeature };
