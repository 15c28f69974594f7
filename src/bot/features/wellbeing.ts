// Wellbeing (domain.md §c): the answer to the weekly stress question and its ladder (self-care card, peer
// supporter offer, stronger prompt with contacts); "Talk to a peer supporter" (the consent card of anonymous
// peer connect, src/bot/peer-views.ts); and a safety net that shows the crisis contacts when crisis words
// arrive outside any conversation.
import { wellbeingButton } from "../../services/buttons.js";
import { mentionsCrisis } from "../../services/crisis.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";
import { showPeerConsent } from "../peer-views.js";
import { asOneMessage, crisisText, followupMessages, peerOfferRows } from "../wellbeing-replies.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");

feature.callbackQuery(
  wellbeingButton.filter,
  logHandle("wellbeing"),
  pressHandler(wellbeingButton, async (ctx, { act, score }) => {
    if (act === "sisq") return score === undefined ? expired(ctx) : stressAnswer(ctx, score);
    ctx.handler = "wellbeing-peer";
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (act === "peer") await showPeerConsent(ctx, "ladder");
    else await ctx.reply(ctx.t("wellbeing-peer-later"));
  }),
);

async function expired(ctx: Context) {
  await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
}

async function stressAnswer(ctx: Context, score: number) {
  ctx.handler = "wellbeing-stress";
  const m = ctx.member;
  if (!m || !ctx.pseudonym) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const followup = await ctx.deps.checkins.recordStress(ctx.pseudonym, score);
  // The thanks and the follow-up as one message (several at once would be paced by Telegram and arrive late).
  const parts = followupMessages(ctx.t, ctx.deps.wellbeingContent, m.locale, followup, "sisq", Math.random());
  const reply = asOneMessage([{ text: ctx.t("wellbeing-thanks") }, ...parts]);
  await ctx.reply(reply.text, reply.markup ? { reply_markup: reply.markup } : {});
}

// Safety net: crisis words in a message that no conversation took still get the crisis contacts at once.
feature.on("message:text", async (ctx, next) => {
  const m = ctx.member;
  if (!m || !ctx.pseudonym || ctx.message.text.startsWith("/")) return next();
  if (!mentionsCrisis(ctx.message.text, ctx.deps.wellbeingContent.crisisWords)) return next();
  ctx.handler = "wellbeing-crisis";
  await ctx.deps.events.record(ctx.pseudonym, "escalation.offered", { step: "crisis" });
  // The contacts and the offer of a person in one message, so neither waits behind the other.
  const reply = asOneMessage([
    { text: crisisText(ctx.t, ctx.deps.wellbeingContent, m.locale) },
    { text: ctx.t("wellbeing-crisis-offer"), rows: peerOfferRows(ctx.t) },
  ]);
  await ctx.reply(reply.text, { reply_markup: reply.markup });
});

export { composer as wellbeingFeature };
