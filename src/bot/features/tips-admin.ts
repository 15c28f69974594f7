// /tips (trainers, admins): the active tips by topic, archive one, or add a tip of their own (the ADD_TIP
// conversation). Callback data only names a topic or a tip, never an authority: every press re-checks the role,
// and a forged press is refused and logged without content.
import { GrammyError, InlineKeyboard } from "grammy";
import type { Role } from "../../db/repositories/members.js";
import { tipsAdminButton } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { ADD_TIP } from "../conversations/add-tip.js";
import { requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const TRAINERS: readonly Role[] = ["trainer", "admin"];
/** Telegram allows 100 buttons per keyboard; a topic never comes close, but the back button must always fit. */
const MAX_TIP_ROWS = 90;

const en = (ctx: Context) => ctx.member?.locale === "en";
const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 42 ? `${flat.slice(0, 40)}…` : flat;
};

/** Shows a screen: in place of the pressed message when there is one, else as a new message. */
async function show(ctx: Context, text: string, kb: InlineKeyboard) {
  if (!ctx.callbackQuery?.message) return void (await ctx.reply(text, { reply_markup: kb }));
  await ctx.editMessageText(text, { reply_markup: kb }).catch((err: unknown) => {
    // A second press on the same screen changes nothing; Telegram calls that an error.
    if (!(err instanceof GrammyError && err.description.includes("not modified"))) throw err;
  });
}

async function showTopics(ctx: Context) {
  const kb = new InlineKeyboard();
  for (const t of await ctx.deps.tips.topics()) {
    kb.text(`${en(ctx) ? t.nameEn : t.nameKm} (${t.tips})`, tipsAdminButton.pack({ act: "t", id: t.id })).row();
  }
  kb.text(ctx.t("tips-admin-add"), tipsAdminButton.pack({ act: "add" }));
  await show(ctx, ctx.t("tips-admin-title"), kb);
}

/** One topic's active tips, each an archive button; false when the topic does not exist. */
async function showTopic(ctx: Context, topicId: string): Promise<boolean> {
  const topic = (await ctx.deps.tips.topics()).find((t) => t.id === topicId);
  if (!topic) return false;
  const tips = await ctx.deps.tips.inTopic(topicId);
  const kb = new InlineKeyboard();
  for (const tip of tips.slice(0, MAX_TIP_ROWS)) {
    kb.text(`🗄 ${excerpt(en(ctx) ? tip.textEn : tip.textKm)}`, tipsAdminButton.pack({ act: "x", id: tip.id })).row();
  }
  kb.text(ctx.t("topics-prev"), tipsAdminButton.pack({ act: "list" }));
  const name = en(ctx) ? topic.nameEn : topic.nameKm;
  await show(ctx, ctx.t("tips-admin-topic", { topic: name, count: tips.length }), kb);
  return true;
}

composer.command("tips", logHandle("tips"), requireRole("tips", TRAINERS), showTopics);

// Every press in the "tadm" namespace, well-formed or not, passes the role check first.
composer.callbackQuery(
  tipsAdminButton.filter,
  logHandle("tips-admin"),
  requireRole("tips", TRAINERS),
  pressHandler(tipsAdminButton, async (ctx, { act, id = "" }) => {
    if (act === "list") {
      await ctx.answerCallbackQuery();
      return showTopics(ctx);
    }
    if (act === "add") {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(ADD_TIP);
    }
    if (act === "t") {
      const found = await showTopic(ctx, id);
      return ctx.answerCallbackQuery(found ? {} : { text: ctx.t("common-button-expired") });
    }
    const tip = await ctx.deps.tips.get(id);
    if (!tip || tip.archived || !ctx.pseudonym || !(await ctx.deps.tips.archive(tip.id, ctx.pseudonym))) {
      return ctx.answerCallbackQuery({ text: ctx.t("tip-not-found"), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await showTopic(ctx, tip.topicId);
    await ctx.reply(ctx.t("tips-admin-archived"));
  }),
);

export { composer as tipsAdminFeature };
