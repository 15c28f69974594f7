// /settings: language, profile (province, unit type), night peer requests (supporters), and "delete my data"
// with a two-step confirmation.
import { InlineKeyboard } from "grammy";
import type { TipFrequency } from "../../db/repositories/members.js";
import { PROVINCES, UNIT_TYPES } from "../../domain/provinces.js";
import { checkinButton } from "../../services/buttons.js";
import { DEFAULT_TIP_TIME, isTipTime } from "../../services/tip-schedule.js";
import { menu, provinceButton, settingsButton, tipPrefsButton, unitButton } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { keyboard } from "../conversations/ask.js";
import { FlatComposer } from "../flat-composer.js";
import { addSummarySettings } from "../keyboards/summary-settings.js";
import { frequencyRows, type TipChoiceData, timeRows } from "../keyboards/tip-preferences.js";
import { logHandle } from "../middlewares/update-logger.js";
import { peerNight } from "../peer-views.js";
import { digestButton } from "../practice-buttons.js";

const composer = new FlatComposer<Context>();
const to = (act: Parameters<typeof settingsButton.pack>[0]["act"]) => settingsButton.pack({ act });
const tipChoice: TipChoiceData = {
  frequency: (frequency) => tipPrefsButton.pack({ act: "f", frequency }),
  time: (frequency, hh, mm) => tipPrefsButton.pack({ act: "t", frequency, hh, mm }),
};

async function showSettings(ctx: Context) {
  const m = ctx.member;
  if (!m) return;
  const text = ctx.t("settings-title", {
    language: ctx.t(`language-name-${m.locale}`),
    province: m.province ? ctx.t(`province-${m.province}`) : "—",
    unit: m.unitType ? ctx.t(`unit-${m.unitType}`) : "—",
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("settings-language"), to("language"))
    .row()
    .text(ctx.t("settings-province"), to("province"))
    .text(ctx.t("settings-unit"), to("unit"))
    .row()
    .text(ctx.t("settings-tips", { frequency: ctx.t(`tips-freq-${m.tipFrequency}`), time: m.tipTime }), to("tips"))
    .row()
    .text(ctx.t("checkin-settings-button"), checkinButton.pack({ run: "settings" }))
    .row()
    .text(ctx.t("practices-settings-button"), digestButton.pack({ act: "show" }))
    .row();
  // Peer supporters only: whether requests made during quiet hours reach them at once (peer.ts handles it).
  if (m.peerSupporter) {
    const state = ctx.t(m.peerNight ? "checkin-on" : "checkin-off");
    kb.text(ctx.t("peer-night-setting", { state }), peerNight.pack({ on: !m.peerNight })).row();
  }
  addSummarySettings(kb, m, (k, v) => ctx.t(k, v)).text(ctx.t("settings-delete"), to("delete"));
  await ctx.reply(text, { reply_markup: kb });
}

composer.command("settings", logHandle("settings"), showSettings);
composer.callbackQuery(menu("settings"), logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showSettings(ctx);
});

composer.callbackQuery(to("province"), logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard();
  PROVINCES.forEach((p, i) => {
    kb.text(ctx.t(`province-${p}`), provinceButton.pack({ province: p }));
    if (i % 2 === 1) kb.row();
  });
  await ctx.reply(ctx.t("onboarding-ask-province"), { reply_markup: kb });
});

composer.callbackQuery(to("unit"), logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard();
  for (const u of UNIT_TYPES) kb.text(ctx.t(`unit-${u}`), unitButton.pack({ unit: u })).row();
  await ctx.reply(ctx.t("onboarding-ask-unit"), { reply_markup: kb });
});

async function saveProfile(ctx: Context, patch: { province: string } | { unitType: (typeof UNIT_TYPES)[number] }) {
  if (!ctx.member || !ctx.pseudonym) {
    await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
    return;
  }
  ctx.member = await ctx.deps.members.update(ctx.pseudonym, patch);
  await ctx.deps.events.record(ctx.pseudonym, "settings.profile_changed", {
    province: ctx.member.province ?? "phnom-penh",
    unitType: ctx.member.unitType ?? "other",
  });
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await showSettings(ctx);
}

composer.callbackQuery(
  provinceButton.filter,
  logHandle("settings"),
  pressHandler(provinceButton, (ctx, v) => saveProfile(ctx, { province: v.province })),
);
composer.callbackQuery(
  unitButton.filter,
  logHandle("settings"),
  pressHandler(unitButton, (ctx, v) => saveProfile(ctx, { unitType: v.unit })),
);

// Tip preferences: frequency, then time (the time step carries the chosen frequency in its data).
composer.callbackQuery(to("tips"), logHandle("settings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const rows = frequencyRows((k, v) => ctx.t(k, v), ctx.member?.tipFrequency ?? "three_weekly", tipChoice);
  await ctx.reply(ctx.t("tips-ask-frequency"), { reply_markup: keyboard(rows) });
});

composer.callbackQuery(
  tipPrefsButton.filter,
  logHandle("settings"),
  pressHandler(tipPrefsButton, async (ctx, { act, frequency, hh, mm }) => {
    if (act === "f") {
      await ctx.answerCallbackQuery();
      if (frequency === "paused") return saveTipPreferences(ctx, frequency, ctx.member?.tipTime ?? DEFAULT_TIP_TIME);
      const rows = timeRows(ctx.member?.tipTime ?? DEFAULT_TIP_TIME, tipChoice, frequency);
      return void (await ctx.reply(ctx.t("tips-ask-time"), { reply_markup: keyboard(rows) }));
    }
    const time = `${hh}:${mm}`;
    if (!isTipTime(time)) return void (await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") }));
    await ctx.answerCallbackQuery();
    await saveTipPreferences(ctx, frequency, time);
  }),
);

async function saveTipPreferences(ctx: Context, frequency: TipFrequency, time: string) {
  if (!ctx.pseudonym) return;
  ctx.member = await ctx.deps.members.update(ctx.pseudonym, { tipFrequency: frequency, tipTime: time });
  await ctx.deps.events.record(ctx.pseudonym, "tips.preferences_changed", { frequency, time });
  await ctx.reply(ctx.t("tips-saved", { frequency: ctx.t(`tips-freq-${frequency}`), time }));
}

composer.callbackQuery(to("delete"), logHandle("delete-data"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard()
    .text(ctx.t("delete-continue"), to("delete2"))
    .text(ctx.t("common-cancel"), to("keep"));
  await ctx.reply(ctx.t("delete-explain"), { reply_markup: kb });
});

composer.callbackQuery(to("delete2"), logHandle("delete-data"), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kb = new InlineKeyboard()
    .text(ctx.t("delete-confirm"), to("delete3"))
    .row()
    .text(ctx.t("common-cancel"), to("keep"));
  await ctx.reply(ctx.t("delete-are-you-sure"), { reply_markup: kb });
});

composer.callbackQuery(to("keep"), logHandle("delete-data"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("delete-kept"));
});

composer.callbackQuery(to("delete3"), logHandle("delete-data"), async (ctx) => {
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
