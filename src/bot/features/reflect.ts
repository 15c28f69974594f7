// /reflect and "I had an interview today": start a check-in. Also the answers to the weekly question ("Did you
// interview any children this week?" → one check-in per interview, the next offered after each), and the
// check-in settings (weekly question, weekly stress question), reached with /reflect settings or a button.
import { Composer, InlineKeyboard } from "grammy";
import { cb } from "../callback-data.js";
import type { Context } from "../context.js";
import { CHECKIN, type CheckinArgs } from "../conversations/checkin.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new Composer<Context>();
const feature = composer.chatType("private");

async function startCheckin(ctx: Context, args: CheckinArgs) {
  if (!ctx.pseudonym || !ctx.member) return;
  await ctx.conversation.enter(CHECKIN, args);
}

export async function showCheckinSettings(ctx: Context, edit = false) {
  const m = ctx.member;
  if (!m) return;
  const state = (on: boolean) => ctx.t(on ? "checkin-on" : "checkin-off");
  const text = ctx.t("checkin-settings-title", { weekly: state(m.weeklyPrompt), stress: state(m.stressCheck) });
  const kb = new InlineKeyboard()
    .text(ctx.t("checkin-settings-weekly", { state: state(m.weeklyPrompt) }), cb("ci", "set", "weekly"))
    .row()
    .text(ctx.t("checkin-settings-stress", { state: state(m.stressCheck) }), cb("ci", "set", "stress"));
  if (edit) await ctx.editMessageText(text, { reply_markup: kb }).catch(() => ctx.reply(text, { reply_markup: kb }));
  else await ctx.reply(text, { reply_markup: kb });
}

feature.command("reflect", logHandle("reflect"), async (ctx) => {
  if (ctx.match.trim().toLowerCase() === "settings") return showCheckinSettings(ctx);
  await startCheckin(ctx, { source: "command", remaining: 0 });
});

feature.callbackQuery("menu:reflect", logHandle("reflect"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await startCheckin(ctx, { source: "menu", remaining: 0 });
});

// The weekly question: 0, 1, 2 or "3 or more" interviews this week.
feature.callbackQuery(/^ci:wk:([0-3])$/, logHandle("reflect-weekly"), async (ctx) => {
  const interviews = Number(ctx.match[1]);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined); // one answer per question
  // The check-ins this triggers: the denominator of reflection completion (staff summaries).
  if (ctx.pseudonym) await ctx.deps.events.record(ctx.pseudonym, "checkin.interviews_reported", { count: interviews });
  if (interviews === 0) {
    await ctx.reply(ctx.t("checkin-weekly-none"));
    return;
  }
  await startCheckin(ctx, { source: "weekly", remaining: interviews - 1 });
});

feature.callbackQuery(/^ci:next:([1-9])$/, logHandle("reflect-next"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await startCheckin(ctx, { source: "next", remaining: Number(ctx.match[1]) - 1 });
});

feature.callbackQuery("ci:later", logHandle("reflect-next"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t("checkin-later"));
});

feature.callbackQuery("ci:settings", logHandle("checkin-settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCheckinSettings(ctx);
});

feature.callbackQuery(/^ci:set:(weekly|stress)$/, logHandle("checkin-settings"), async (ctx) => {
  const m = ctx.member;
  if (!m || !ctx.pseudonym) return;
  const prefs = ctx.match[1] === "weekly" ? { weeklyPrompt: !m.weeklyPrompt } : { stressCheck: !m.stressCheck };
  ctx.member = await ctx.deps.checkins.setPreferences(ctx.pseudonym, prefs);
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await showCheckinSettings(ctx, true);
});

export { composer as reflectFeature };
