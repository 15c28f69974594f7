// /progress: the officer's own private view (domain.md §d, shown only to them): reflections completed, the
// open-question self-estimate over time, the "one thing" they chose and whether they tried it, and the topics
// their tips will favour. Nobody else ever sees individual answers.
import { InlineKeyboard } from "grammy";
import { checkinButton } from "../../services/buttons.js";
import { menu } from "../buttons.js";
import type { Context } from "../context.js";
import { actionLabel } from "../conversations/checkin.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";
import { peerOpen } from "../peer-views.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");

/** Focus topics are tip topic ids; they read back with the check-in's own item labels. */
const TOPIC_KEYS: Record<string, string> = {
  "ground-rules": "checkin-q1-ground-rules",
  rapport: "checkin-q1-rapport",
  "practice-narrative": "checkin-q1-practice-narrative",
  transition: "checkin-q1-transition",
  closure: "checkin-q1-closure",
  room: "checkin-q3-room",
  breaks: "checkin-q3-breaks",
  recording: "checkin-q3-recording",
  interpreters: "checkin-q3-interpreters",
};

async function showProgress(ctx: Context) {
  if (!ctx.pseudonym || !ctx.member) return;
  const { completed, rows, focus } = await ctx.deps.checkins.progress(ctx.pseudonym);
  const kb = new InlineKeyboard()
    .text(ctx.t("checkin-menu-button"), menu("reflect"))
    .row()
    .text(ctx.t("progress-peer-button"), peerOpen.pack({ source: "progress" }))
    .row()
    .text(ctx.t("checkin-settings-button"), checkinButton.pack({ run: "settings" }));
  if (completed === 0) {
    await ctx.reply(ctx.t("progress-empty"), { reply_markup: kb });
    return;
  }
  const lines = [ctx.t("progress-title"), ctx.t("progress-count", { count: completed })];
  // Oldest first, so the trend reads left to right in time.
  const shares = rows.filter((r) => r.openShare).reverse();
  if (shares.length) {
    lines.push("", ctx.t("progress-open-title"));
    for (const r of shares)
      lines.push(ctx.t("progress-line", { week: r.week, text: ctx.t(`checkin-q2-${r.openShare}`) }));
  }
  const actions = rows.filter((r) => r.action).reverse();
  if (actions.length) {
    lines.push("", ctx.t("progress-actions-title"));
    for (const r of actions) {
      const tried = r.tried === null ? "progress-tried-unknown" : r.tried ? "progress-tried-yes" : "progress-tried-no";
      const action = r.action ? actionLabel(ctx.t, r.action, r.actionText) : "";
      lines.push(ctx.t("progress-action-line", { week: r.week, action, tried: ctx.t(tried) }));
    }
  }
  if (focus.length) {
    const topics = focus.map((t) => (TOPIC_KEYS[t] ? ctx.t(TOPIC_KEYS[t]) : t)).join(", ");
    lines.push("", ctx.t("progress-focus", { topics }));
  }
  lines.push("", ctx.t("progress-private"));
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

feature.command("progress", logHandle("progress"), showProgress);
feature.callbackQuery(menu("progress"), logHandle("progress"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showProgress(ctx);
});

export { composer as progressFeature };
