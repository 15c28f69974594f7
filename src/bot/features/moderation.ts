// /moderate (trainers and admins): the queue of practice notes, oldest first, with its size, one note at a time.
// A new note: ✅ Approve · ✏️ Edit · ✖️ Reject; a reported one: ✅ Keep it · 🗑 Take it down. Edits and rejections are
// written in the moderate conversation. Every press re-checks the role on the server; the author's identity is
// never shown here, and the trainer's is never shown to the author.
import { InlineKeyboard } from "grammy";
import { DAY_MS } from "../../domain/practice-notes.js";
import { menu } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { enterWhenFree } from "../conversations/enter.js";
import { MODERATE, MODERATORS } from "../conversations/moderate.js";
import { requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";
import { moderationButton } from "../practice-buttons.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");
const locale = (ctx: Context) => ctx.member?.locale ?? "km";

async function showQueue(ctx: Context, index: number, edit: boolean) {
  let entry = await ctx.deps.practices.queueAt(index);
  if (!entry.note && entry.total) {
    index = 0;
    entry = await ctx.deps.practices.queueAt(index);
  }
  const { total, note } = entry;
  const send = (text: string, kb?: InlineKeyboard) =>
    edit
      ? ctx
          .editMessageText(text, kb ? { reply_markup: kb } : {})
          .catch(() => ctx.reply(text, kb ? { reply_markup: kb } : {}))
      : ctx.reply(text, kb ? { reply_markup: kb } : {});
  if (!note) return void (await send(ctx.t("practices-mod-empty")));
  const reported = note.reportedSince !== null;
  const since = (reported ? note.reportedSince : note.waitingSince) ?? ctx.deps.now();
  const days = Math.max(0, Math.floor((ctx.deps.now().getTime() - since.getTime()) / DAY_MS));
  const status = reported
    ? ctx.t(note.state === "hidden" ? "practices-mod-status-hidden" : "practices-mod-status-reported", {
        reports: note.reports,
        days,
      })
    : ctx.t("practices-mod-status-new", { days });
  const text = ctx.t("practices-mod-view", {
    n: index + 1,
    total,
    status,
    note: await ctx.deps.practices.render(note, locale(ctx)),
  });
  const b = (act: "ok" | "edit" | "rej" | "keep" | "drop" | "show", i = index) =>
    moderationButton.pack({ act, id: act === "show" ? "-" : note.id, i });
  const kb = new InlineKeyboard();
  if (reported) kb.text(ctx.t("practices-mod-keep"), b("keep")).text(ctx.t("practices-mod-drop"), b("drop"));
  else {
    kb.text(ctx.t("practices-mod-approve"), b("ok"))
      .text(ctx.t("practices-mod-edit"), b("edit"))
      .text(ctx.t("practices-mod-reject"), b("rej"));
  }
  kb.row();
  if (index > 0) kb.text(ctx.t("topics-prev"), b("show", index - 1));
  if (index + 1 < total) kb.text(ctx.t("topics-next"), b("show", index + 1));
  await send(text, kb);
}

feature.command("moderate", logHandle("moderate"), requireRole("moderate", MODERATORS), (ctx) =>
  showQueue(ctx, 0, false),
);
feature.callbackQuery(menu("moderate"), logHandle("moderate"), requireRole("moderate", MODERATORS), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showQueue(ctx, 0, false);
});

feature.callbackQuery(
  moderationButton.filter,
  logHandle("moderate"),
  requireRole("moderate", MODERATORS),
  pressHandler(moderationButton, async (ctx, v) => {
    const p = ctx.deps.practices;
    if (v.act === "show") {
      await ctx.answerCallbackQuery();
      return showQueue(ctx, v.i, true);
    }
    if (v.act === "edit" || v.act === "rej" || v.act === "drop") {
      await ctx.answerCallbackQuery();
      return enterWhenFree(ctx, MODERATE, v.id, v.act === "edit" ? "edit" : "reject");
    }
    const ok = v.act === "ok" ? await p.approve(v.id) : await p.restore(v.id);
    const done = v.act === "ok" ? "practices-mod-approved" : "practices-mod-kept";
    await ctx.answerCallbackQuery({ text: ctx.t(ok ? done : "practices-mod-gone"), show_alert: ok });
    await showQueue(ctx, v.i, true);
  }),
);

export { composer as moderationFeature };
