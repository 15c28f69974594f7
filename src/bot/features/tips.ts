// Refresher tips for every enrolled member: /tip (the next tip now), /topics (browse), and the buttons on a
// tip (helpful, review later, quiz, pause). Button data names a tip, never an authority: the member is
// re-loaded for every press by the identify middleware, and unknown tips get a polite answer.
import { InlineKeyboard } from "grammy";
import type { TipRecord } from "../../db/repositories/tips.js";
import { tipButton } from "../../services/buttons.js";
import type { TipMessage } from "../../services/tips.js";
import { menu, tipShowButton, topicButton, topicsButton } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const TOPICS_PER_PAGE = 8;
const TIPS_PER_PAGE = 6;

export const tipKeyboard = (m: TipMessage) =>
  InlineKeyboard.from(m.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));

const locale = (ctx: Context) => ctx.member?.locale ?? "km";
const short = (text: string) => (text.length > 42 ? `${text.slice(0, 40)}…` : text);

async function sendTip(ctx: Context, tip: TipRecord, via: "on_demand" | "browse") {
  const message = ctx.deps.tips.message(tip, locale(ctx));
  await ctx.reply(message.text, { reply_markup: tipKeyboard(message) });
  if (ctx.pseudonym) await ctx.deps.tips.recordSent(ctx.pseudonym, tip, via);
}

async function nextTipNow(ctx: Context) {
  const next = ctx.pseudonym ? await ctx.deps.tips.next(ctx.pseudonym, locale(ctx)) : null;
  if (!next) return void (await ctx.reply(ctx.t("tip-none")));
  await sendTip(ctx, next.tip, "on_demand");
}

composer.command("tip", logHandle("tip"), nextTipNow);
composer.callbackQuery(menu("tip"), logHandle("tip"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await nextTipNow(ctx);
});

async function showTopics(ctx: Context, page: number, edit: boolean) {
  const topics = (await ctx.deps.tips.topics()).filter((t) => t.tips > 0);
  const slice = topics.slice(page * TOPICS_PER_PAGE, (page + 1) * TOPICS_PER_PAGE);
  const kb = new InlineKeyboard();
  for (const t of slice)
    kb.text(locale(ctx) === "en" ? t.nameEn : t.nameKm, topicButton.pack({ id: t.id, page: 0 })).row();
  if (page > 0) kb.text(ctx.t("topics-prev"), topicsButton.pack({ page: page - 1 }));
  if ((page + 1) * TOPICS_PER_PAGE < topics.length)
    kb.text(ctx.t("topics-next"), topicsButton.pack({ page: page + 1 }));
  if (edit) await ctx.editMessageText(ctx.t("topics-title"), { reply_markup: kb });
  else await ctx.reply(ctx.t("topics-title"), { reply_markup: kb });
}

composer.command("topics", logHandle("topics"), (ctx) => showTopics(ctx, 0, false));
composer.callbackQuery(menu("topics"), logHandle("topics"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTopics(ctx, 0, false);
});
composer.callbackQuery(
  topicsButton.filter,
  logHandle("topics"),
  pressHandler(topicsButton, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await showTopics(ctx, page, true);
  }),
);

composer.callbackQuery(topicButton.filter, logHandle("topics"), pressHandler(topicButton, showTopic));

async function showTopic(ctx: Context, { id: topicId, page }: { id: string; page: number }) {
  const tips = await ctx.deps.tips.inTopic(topicId);
  if (!tips.length) return void (await ctx.answerCallbackQuery({ text: ctx.t("tip-not-found") }));
  await ctx.answerCallbackQuery();
  const en = locale(ctx) === "en";
  const kb = new InlineKeyboard();
  for (const tip of tips.slice(page * TIPS_PER_PAGE, (page + 1) * TIPS_PER_PAGE)) {
    kb.text(short(en ? tip.textEn : tip.textKm), tipShowButton.pack({ id: tip.id })).row();
  }
  if (page > 0) kb.text(ctx.t("topics-prev"), topicButton.pack({ id: topicId, page: page - 1 }));
  if ((page + 1) * TIPS_PER_PAGE < tips.length)
    kb.text(ctx.t("topics-next"), topicButton.pack({ id: topicId, page: page + 1 }));
  kb.row().text(ctx.t("topics-all"), topicsButton.pack({ page: 0 }));
  const topic = en ? tips[0]?.topicEn : tips[0]?.topicKm;
  await ctx.editMessageText(ctx.t("topics-tips-title", { topic: topic ?? "" }), { reply_markup: kb });
}

/** Finds the tip a button names; answers the press when it is gone (an old or forged button). */
async function tipOf(ctx: Context, id: string): Promise<TipRecord | null> {
  const tip = await ctx.deps.tips.get(id);
  if (!tip || tip.archived) {
    await ctx.answerCallbackQuery({ text: ctx.t("tip-not-found"), show_alert: true });
    return null;
  }
  return tip;
}

composer.callbackQuery(
  tipShowButton.filter,
  logHandle("topics"),
  pressHandler(tipShowButton, async (ctx, { id }) => {
    const tip = await tipOf(ctx, id);
    if (!tip) return;
    await ctx.answerCallbackQuery();
    await sendTip(ctx, tip, "browse");
  }),
);

// The buttons under a tip (built by the tip service: services/buttons.ts).
composer.callbackQuery(
  tipButton.filter,
  logHandle("tip-button"),
  pressHandler(tipButton, async (ctx, { act, id, option }) => {
    if (act === "p" || act === "u") return pauseOrResume(ctx, act);
    const tip = await tipOf(ctx, id ?? "");
    if (!tip || !ctx.pseudonym) return;
    if (act === "a") return answerQuiz(ctx, tip, option);
    if (act === "q") {
      if (!tip.quiz) return void (await ctx.answerCallbackQuery({ text: ctx.t("tip-not-found") }));
      await ctx.answerCallbackQuery();
      const l = locale(ctx);
      const kb = new InlineKeyboard();
      tip.quiz.options.forEach((o, i) => {
        kb.text(o[l], tipButton.pack({ act: "a", id: tip.id, option: i })).row();
      });
      return void (await ctx.reply(tip.quiz.question[l], { reply_markup: kb }));
    }
    await ctx.deps.tips.feedback(ctx.pseudonym, tip, act === "h" ? "helpful" : "review");
    await ctx.answerCallbackQuery({ text: ctx.t(act === "h" ? "tip-thanks-helpful" : "tip-thanks-review") });
  }),
);

async function answerQuiz(ctx: Context, tip: TipRecord, option: number | undefined) {
  ctx.handler = "tip-quiz";
  if (!ctx.pseudonym || option === undefined)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") }));
  const result = await ctx.deps.tips.answerQuiz(ctx.pseudonym, tip, option, locale(ctx));
  if (!result) return void (await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") }));
  await ctx.answerCallbackQuery();
  // The options are replaced by the answer, so the same quiz cannot be answered twice from one message.
  const question = tip.quiz?.question[locale(ctx)] ?? "";
  await ctx.editMessageText(`${question}\n\n${result.text}`);
}

async function pauseOrResume(ctx: Context, act: "p" | "u") {
  ctx.handler = "tip-pause";
  if (!ctx.pseudonym || !ctx.member) return;
  await ctx.answerCallbackQuery();
  if (act === "p") {
    ctx.member = await ctx.deps.members.update(ctx.pseudonym, { tipFrequency: "paused" });
    await ctx.deps.events.record(ctx.pseudonym, "tips.paused", {});
    const kb = new InlineKeyboard().text(ctx.t("tip-btn-resume"), tipButton.pack({ act: "u" }));
    return void (await ctx.reply(ctx.t("tip-paused"), { reply_markup: kb }));
  }
  const frequency = ctx.member.tipFrequency === "paused" ? "three_weekly" : ctx.member.tipFrequency;
  ctx.member = await ctx.deps.members.update(ctx.pseudonym, { tipFrequency: frequency });
  await ctx.deps.events.record(ctx.pseudonym, "tips.resumed", { frequency });
  await ctx.reply(ctx.t("tip-resumed", { frequency: ctx.t(`tips-freq-${frequency}`), time: ctx.member.tipTime }));
}

export { composer as tipsFeature };
