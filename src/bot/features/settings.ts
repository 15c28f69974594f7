// /settings: language, profile (province, unit type), night peer requests (supporters), and "delete my data"
// with a two-step confirmation.
import { Composer, InlineKeyboard } from "grammy";
import type { TipFrequency } from "../../db/repositories/members.js";
import { isProvince, isUnitType, PROVINCES, UNIT_TYPES } from "../../services/provinces.js";
import { DEFAULT_TIP_TIME, isTipFrequency, isTipTime } from "../../services/tip-schedule.js";
import { cb } from "../callback-data.js";
import type { Context } from "../context.js";
import { keyboard } from "../conversations/ask.js";
import { addSummarySettings } from "../keyboards/summary-settings.js";
import { frequencyRows, timeRows } from "../keyboards/tip-preferences.js";
import { logHandle } from "../middlewares/update-logger.js";
import { peerNight } from "../peer-views.js";
import { digestButton } from "../practice-buttons.js";

const composer = new Composer<Context>();

async function showSettings(ctx: Context) {
  const m = ctx.member;
  if (!m) return;
  const text = ctx.t("settings-title", {
    language: ctx.t(`language-name-${m.locale}`),
    province: m.province ? ctx.t(`province-${m.province}`) : "—",
    unit: m.unitType ? ctx.t(`unit-${m.unitType}`) : "—",
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("settings-language"), cb("settings", "language"))
    .row()
    .text(ctx.t("settings-province"), cb("settings", "province"))
    .text(ctx.t("settings-unit"), cb("settings", "unit"))
    .row()
    .text(
      ctx.t("settings-tips", { frequency: ctx.t(`tips-freq-${m.tipFrequency}`), time: m.tipTime }),
      cb("settings", "tips"),
    )
    .row()
    .text(ctx.t("checkin-settings-button"), cb("ci", "settings"))
    .row()
    .text(ctx.t("practices-settings-button"), digestButton.pack({ act: "show" }))
    .row();
  // Peer supporters only: whether requests made during quiet hours reach them at once (peer.ts handles it).
  if (m.peerSupporter) {
    const state = ctx.t(m.peerNight ? "checkin-on" : "checkin-off");
    kb.text(ctx.t("peer-night-setting", { state }), peerNight.pack({ on: !m.peerNight })).row();
  }
  addSummarySettings(kb, m, (k, v) => ctx.t(k, v)).text(ctx.t("settings-delete"), cb("settings", "delete"));
  await ctx.reply(text, { reply_markup: kb });
}

composer.command("settings", logHandle("settings"), showSettings);
composer.callbackQuery("menu:settings", logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showSettings(ctx);
});

composer.callbackQuery("settings:province", logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard();
  PROVINCES.forEach((p, i) => {
    kb.text(ctx.t(`province-${p}`), cb("setprov", p));
    if (i % 2 === 1) kb.row();
  });
  await ctx.reply(ctx.t("onboarding-ask-province"), { reply_markup: kb });
});

composer.callbackQuery("settings:unit", logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard();
  for (const u of UNIT_TYPES) kb.text(ctx.t(`unit-${u}`), cb("setunit", u)).row();
  await ctx.reply(ctx.t("onboarding-ask-unit"), { reply_markup: kb });
});

composer.callbackQuery(/^(setprov|setunit):([a-z-]+)$/, logHandle("settings"), async (ctx) => {
  const [, kind, value = ""] = ctx.match;
  const m = ctx.member;
  if (!m || !ctx.pseudonym || (kind === "setprov" ? !isProvince(value) : !isUnitType(value))) {
    await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
    return;
  }
  const patch = kind === "setprov" ? { province: value } : { unitType: value as "ahtjp" };
  ctx.member = await ctx.deps.members.update(ctx.pseudonym, patch);
  await ctx.deps.events.record(ctx.pseudonym, "settings.profile_changed", {
    province: ctx.member.province ?? "phnom-penh",
    unitType: ctx.member.unitType ?? "other",
  });
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await showSettings(ctx);
});

// Tip preferences: frequency, then time (the time step carries the chosen frequency in its data).
composer.callbackQuery("settings:tips", logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const rows = frequencyRows((k, v) => ctx.t(k, v), ctx.member?.tipFrequency ?? "three_weekly", "tipset");
  await ctx.reply(ctx.t("tips-ask-frequency"), { reply_markup: keyboard(rows) });
});

composer.callbackQuery(/^tipset:f:([a-z_]+)$/, logHandle("settings"), async (ctx) => {
  const frequency = ctx.match[1] ?? "";
  if (!isTipFrequency(frequency)) return void (await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") }));
  await ctx.answerCallbackQuery();
  if (frequency === "paused") return saveTipPreferences(ctx, frequency, ctx.member?.tipTime ?? DEFAULT_TIP_TIME);
  const rows = timeRows(ctx.member?.tipTime ?? DEFAULT_TIP_TIME, "tipset", frequency);
  await ctx.reply(ctx.t("tips-ask-time"), { reply_markup: keyboard(rows) });
});

composer.callbackQuery(/^tipset:t:([a-z_]+):(\d\d:\d\d)$/, logHandle("settings"), async (ctx) => {
  const [, frequency = "", time = ""] = ctx.match;
  if (!isTipFrequency(frequency) || !isTipTime(time)) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") }));
  }
  await ctx.answerCallbackQuery();
  await saveTipPreferences(ctx, frequency, time);
});

async function saveTipPreferences(ctx: Context, frequency: TipFrequency, time: string) {
  if (!ctx.pseudonym) return;
  ctx.member = await ctx.deps.members.update(ctx.pseudonym, { tipFrequency: frequency, tipTime: time });
  await ctx.deps.events.record(ctx.pseudonym, "tips.preferences_changed", { frequency, time });
  await ctx.reply(ctx.t("tips-saved", { frequency: ctx.t(`tips-freq-${frequency}`), time }));
}

composer.callbackQuery("settings:delete", logHandle("delete-data"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard()
    .text(ctx.t("delete-continue"), cb("settings", "delete2"))
    .text(ctx.t("common-cancel"), cb("settings", "keep"));
  await ctx.reply(ctx.t("delete-explain"), { reply_markup: kb });
});

composer.callbackQuery("settings:delete2", logHandle("delete-data"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard()
    .text(ctx.t("delete-confirm"), cb("settings", "delete3"))
    .row()
    .text(ctx.t("common-cancel"), cb("settings", "keep"));
  await ctx.reply(ctx.t("delete-are-you-sure"), { reply_markup: kb });
});

composer.callbackQuery("settings:keep", logHandle("delete-data"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("delete-kept"));
});

composer.callbackQuery("settings:delete3", logHandle("delete-data"), async (ctx) => {
  const pseudonym = ctx.pseudonym;
  if (!pseudonym) return;
  const done = ctx.t("delete-done");
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  // Peer conversations close first, so the other side is told (neutrally) while this person still exists.
  await ctx.deps.peer.leaveAll(pseudonym);
  // Record first: the delete then re-keys this event with all others, so nothing links back.
  await ctx.deps.events.record(pseudonym, "data.deleted", {});
  if (ctx.chat) await ctx.deps.commands.applyForChat(ctx.chat.id, "officer").catch(() => {});
  await ctx.deps.members.deleteEverything(pseudonym);
  ctx.member = null;
  ctx.session = undefined as never; // grammY deletes the stored session when it is set to undefined
  await ctx.reply(done);
});

export { composer as settingsFeature };
