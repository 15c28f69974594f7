// Wellbeing (domain.md §c): the answer to the weekly stress question and its ladder (self-care card, peer
// supporter offer, stronger prompt with contacts); "Talk to a peer supporter" (consent first, see
// conversations/support.ts); the supporter's "I can talk"; the officer's "send them my contact"; and a safety net
// that shows the crisis contacts when crisis words arrive outside any conversation.
import { Composer } from "grammy";
import { mentionsCrisis } from "../../services/crisis.js";
import type { Context } from "../context.js";
import { SUPPORT } from "../conversations/support.js";
import { logHandle } from "../middlewares/update-logger.js";
import { crisisText, followupMessages, peerOfferKeyboard } from "../wellbeing-replies.js";

const composer = new Composer<Context>();
const feature = composer.chatType("private");
const UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

feature.callbackQuery(/^wb:sisq:([1-5])$/, logHandle("wellbeing-stress"), async (ctx) => {
  const m = ctx.member;
  if (!m || !ctx.pseudonym) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const followup = await ctx.deps.checkins.recordStress(ctx.pseudonym, Number(ctx.match[1]));
  await ctx.reply(ctx.t("wellbeing-thanks"));
  for (const msg of followupMessages(ctx.t, ctx.deps.wellbeingContent, m.locale, followup, "sisq", Math.random())) {
    await ctx.reply(msg.text, msg.markup ? { reply_markup: msg.markup } : {});
  }
});

feature.callbackQuery("wb:peer", logHandle("wellbeing-peer"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(SUPPORT);
});

feature.callbackQuery("wb:nothanks", logHandle("wellbeing-peer"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t("wellbeing-peer-later"));
});

// The supporter can talk: only the supporter the request went to may press this.
feature.callbackQuery(new RegExp(`^wb:ack:${UUID}$`), logHandle("wellbeing-ack"), async (ctx) => {
  const ok = ctx.pseudonym ? await ctx.deps.checkins.acknowledge(ctx.match[1] ?? "", ctx.pseudonym) : false;
  await ctx.answerCallbackQuery({
    text: ctx.t(ok ? "wellbeing-ack-thanks" : "wellbeing-request-closed"),
    show_alert: ok,
  });
  if (ok) await ctx.editMessageReplyMarkup().catch(() => undefined);
});

// The officer agreed to share their contact. Sent straight to the supporter (not through the outbox), because
// the message carries a Telegram mention of the officer, and no table may hold a Telegram identity.
feature.callbackQuery(new RegExp(`^wb:contact:${UUID}$`), logHandle("wellbeing-contact"), async (ctx) => {
  const shared = ctx.pseudonym ? await ctx.deps.checkins.contactShared(ctx.match[1] ?? "", ctx.pseudonym) : null;
  const chatId = shared ? await ctx.deps.members.chatIdOf(shared.supporter) : null;
  const supporter = shared ? await ctx.deps.members.find(shared.supporter) : null;
  if (!chatId || !supporter || !ctx.from) {
    await ctx.answerCallbackQuery({ text: ctx.t("wellbeing-request-closed") });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const mark = "\uE001";
  const template = ctx.deps.i18n.t(supporter.locale, "wellbeing-contact-for-supporter", { name: mark });
  const name = ctx.from.first_name;
  const offset = template.indexOf(mark);
  await ctx.api.sendMessage(chatId, template.replace(mark, name), {
    entities: offset >= 0 ? [{ type: "text_mention", offset, length: name.length, user: ctx.from }] : [],
  });
  await ctx.reply(ctx.t("wellbeing-contact-sent"));
});

// Safety net: crisis words in a message that no conversation took still get the crisis contacts at once.
feature.on("message:text", async (ctx, next) => {
  const m = ctx.member;
  if (!m || !ctx.pseudonym || ctx.message.text.startsWith("/")) return next();
  if (!mentionsCrisis(ctx.message.text, ctx.deps.wellbeingContent.crisisWords)) return next();
  ctx.handler = "wellbeing-crisis";
  await ctx.deps.events.record(ctx.pseudonym, "escalation.offered", { step: "crisis" });
  await ctx.reply(crisisText(ctx.t, ctx.deps.wellbeingContent, m.locale));
  await ctx.reply(ctx.t("wellbeing-crisis-offer"), { reply_markup: peerOfferKeyboard(ctx.t) });
});

export { composer as wellbeingFeature };
