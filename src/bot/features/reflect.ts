// /reflect and "I had an interview today": start a check-in. Also the answers to the weekly question ("Did you
// interview any children this week?" → one check-in per interview, the next offered after each), and the
// check-in settings (weekly question, weekly stress question), reached with /reflect settings or a button.
import { InlineKeyboard } from "grammy";
import { checkinButton } from "../../services/buttons.js";
import { menu } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { CHECKIN, type CheckinArgs } from "../conversations/checkin.js";
import { enterWhenFree } from "../conversations/enter.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");

async function startCheckin(ctx: Context, args: CheckinArgs) {
  if (!ctx.pseudonym || !ctx.member) return;
  await enterWhenFree(ctx, CHECKIN, args);
}

export async function showCheckinSettings(ctx: Context, edit = false) {
  const m = ctx.member;
  if (!m) return;
  const state = (on: boolean) => ctx.t(on ? "checkin-on" : "checkin-off");
  const text = ctx.t("checkin-settings-title", { weekly: state(m.weeklyPrompt), stress: state(m.stressCheck) });
  const kb = new InlineKeyboard()
    // Each button carries the value it sets (not "toggle"), so a press delivered twice gives the same result.
    .text(
      ctx.t("checkin-settings-weekly", { state: state(m.weeklyPrompt) }),
      checkinButton.pack({ run: "set", item: "weekly", act: m.weeklyPrompt ? "0" : "1" }),
    )
    .row()
    .text(
      ctx.t("checkin-settings-stress", { state: state(m.stressCheck) }),
      checkinButton.pack({ run: "set", item: "stress", act: m.stressCheck ? "0" : "1" }),
    );
  if (edit) await ctx.editMessageText(text, { reply_markup: kb }).catch(() => ctx.reply(text, { reply_markup: kb }));
  else await ctx.reply(text, { reply_markup: kb });
}

feature.command("reflect", logHandle("reflect"), async (ctx) => {
  if (ctx.match.trim().toLowerCase() === "settings") return showCheckinSettings(ctx);
  await startCheckin(ctx, { source: "command", remaining: 0 });
});

feature.callbackQuery(menu("reflect"), logHandle("reflect"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await startCheckin(ctx, { source: "menu", remaining: 0 });
});

// The check-in's own buttons (outside a running check-in): the weekly question (0, 1, 2 or "3 or more" interviews
// this week), the next of several reflections, the settings. A check-in's question buttons ("ci:<run>:…") reach
// here only when that check-in is over: they are answered as expired.
feature.callbackQuery(
  checkinButton.filter,
  logHandle("reflect"),
  pressHandler(checkinButton, async (ctx, { run, item, act }) => {
    if (run === "wk" || run === "next") {
      const n = Number(item);
      if (!Number.isInteger(n) || n < 0 || n > (run === "wk" ? 3 : 9)) return expired(ctx);
      ctx.handler = run === "wk" ? "reflect-weekly" : "reflect-next";
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined); // one answer per question
      // The check-ins this triggers: the denominator of reflection completion (staff summaries).
      if (run === "wk" && ctx.pseudonym) {
        await ctx.deps.events.record(ctx.pseudonym, "checkin.interviews_reported", { count: n });
      }
      if (run === "wk" && n === 0) return void (await ctx.reply(ctx.t("checkin-weekly-none")));
      return startCheckin(
        ctx,
        run === "wk" ? { source: "weekly", remaining: n - 1 } : { source: "next", remaining: n - 1 },
      );
    }
    if (run === "later") {
      ctx.handler = "reflect-next";
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return void (await ctx.reply(ctx.t("checkin-later")));
    }
    if (run === "settings") {
      ctx.handler = "checkin-settings";
      await ctx.answerCallbackQuery();
      return showCheckinSettings(ctx);
    }
    if (run === "set" && (item === "weekly" || item === "stress") && (act === "0" || act === "1")) {
      ctx.handler = "checkin-settings";
      const m = ctx.member;
      if (!m || !ctx.pseudonym) return expired(ctx);
      const on = act === "1";
      ctx.member = await ctx.deps.checkins.setPreferences(
        ctx.pseudonym,
        item === "weekly" ? { weeklyPrompt: on } : { stressCheck: on },
      );
      await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
      return showCheckinSettings(ctx, true);
    }
    return expired(ctx);
  }),
);

async function expired(ctx: Context) {
  await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
}

export { composer as reflectFeature };
