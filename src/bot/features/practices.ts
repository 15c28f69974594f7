// Practice sharing for every enrolled member: /share (and the menu, and the offer after a check-in) starts the share
// conversation; /practices browses published notes by topic, most useful first, one per page; 👍 Useful, 🧪 I'll
// try this and ⚠️ Report (with a confirmation) on any note; the author's answer to a trainer's edit; and the
// digest setting. Button data names a note, never an authority: the service checks state and authorship.
import { InlineKeyboard } from "grammy";
import type { ReactResult } from "../../services/practices.js";
import { menu } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { enterWhenFree } from "../conversations/enter.js";
import { SHARE } from "../conversations/share.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";
import {
  authorAnswer,
  browseButton,
  digestButton,
  reactButton,
  reportConfirm,
  shareButton,
  topicsButton,
} from "../practice-buttons.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");
const locale = (ctx: Context) => ctx.member?.locale ?? "km";
const ALL = "all";

feature.command("share", logHandle("share"), (ctx) => enterWhenFree(ctx, SHARE, "command"));
feature.callbackQuery(menu("share"), logHandle("share"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await enterWhenFree(ctx, SHARE, "menu");
});
feature.callbackQuery(
  shareButton.filter,
  logHandle("share"),
  pressHandler(shareButton, async (ctx, v) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await enterWhenFree(ctx, SHARE, v.from === "checkin" ? "checkin" : "menu");
  }),
);

async function showTopics(ctx: Context, edit: boolean) {
  const counts = await ctx.deps.practices.topics();
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  if (!total) return void (await ctx.reply(ctx.t("practices-browse-empty")));
  const names = new Map((await ctx.deps.tips.topics()).map((t) => [t.id, locale(ctx) === "en" ? t.nameEn : t.nameKm]));
  const kb = new InlineKeyboard().text(
    ctx.t("practices-browse-all", { count: total }),
    browseButton.pack({ topic: ALL, page: 0 }),
  );
  for (const c of counts)
    kb.row().text(
      `${names.get(c.topicId) ?? c.topicId} (${c.count})`,
      browseButton.pack({ topic: c.topicId, page: 0 }),
    );
  const text = ctx.t("practices-browse-title");
  if (edit) await ctx.editMessageText(text, { reply_markup: kb }).catch(() => ctx.reply(text, { reply_markup: kb }));
  else await ctx.reply(text, { reply_markup: kb });
}

feature.command("practices", logHandle("practices"), (ctx) => showTopics(ctx, false));
feature.callbackQuery(menu("practices"), logHandle("practices"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTopics(ctx, false);
});
feature.callbackQuery(
  topicsButton.filter,
  logHandle("practices"),
  pressHandler(topicsButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTopics(ctx, true);
  }),
);

feature.callbackQuery(
  browseButton.filter,
  logHandle("practices"),
  pressHandler(browseButton, async (ctx, v) => {
    const topic = v.topic === ALL ? null : v.topic;
    // A page past the end (notes were hidden meanwhile) falls back to the first one.
    let page = v.page;
    let { total, note } = await ctx.deps.practices.publishedAt(topic, page);
    if (!note && total) {
      page = 0;
      ({ total, note } = await ctx.deps.practices.publishedAt(topic, page));
    }
    if (!note) return void (await ctx.answerCallbackQuery({ text: ctx.t("practices-note-gone") }));
    await ctx.answerCallbackQuery();
    const text = ctx.t("practices-browse-page", {
      n: page + 1,
      total,
      note: await ctx.deps.practices.render(note, locale(ctx)),
      useful: note.useful,
      tries: note.tries,
    });
    const kb = new InlineKeyboard()
      .text(ctx.t("practices-btn-useful"), reactButton.pack({ kind: "useful", id: note.id }))
      .text(ctx.t("practices-btn-try"), reactButton.pack({ kind: "try", id: note.id }))
      .text(ctx.t("practices-btn-report"), reactButton.pack({ kind: "report", id: note.id }))
      .row();
    if (page > 0) kb.text(ctx.t("topics-prev"), browseButton.pack({ topic: v.topic, page: page - 1 }));
    if (page + 1 < total) kb.text(ctx.t("topics-next"), browseButton.pack({ topic: v.topic, page: page + 1 }));
    kb.row().text(ctx.t("practices-browse-topics"), topicsButton.pack({}));
    await ctx.editMessageText(text, { reply_markup: kb }).catch(() => ctx.reply(text, { reply_markup: kb }));
  }),
);

const REACTED: Record<ReactResult, string> = {
  ok: "",
  already: "practices-react-already",
  own: "practices-react-own",
  gone: "practices-note-gone",
  limit: "practices-report-limit",
};

feature.callbackQuery(
  reactButton.filter,
  logHandle("practice-react"),
  pressHandler(reactButton, async (ctx, v) => {
    if (!ctx.pseudonym) return;
    if (v.kind === "report") {
      // A report is consequential (three hide a note): ask first, in a message of its own.
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard()
        .text(ctx.t("practices-report-yes"), reportConfirm.pack({ yes: true, id: v.id }))
        .row()
        .text(ctx.t("practices-report-no"), reportConfirm.pack({ yes: false, id: v.id }));
      return void (await ctx.reply(ctx.t("practices-report-ask"), { reply_markup: kb }));
    }
    const result = await ctx.deps.practices.react(ctx.pseudonym, v.id, v.kind);
    await ctx.answerCallbackQuery({ text: ctx.t(REACTED[result] || `practices-react-${v.kind}`) });
  }),
);

feature.callbackQuery(
  reportConfirm.filter,
  logHandle("practice-report"),
  pressHandler(reportConfirm, async (ctx, v) => {
    if (!ctx.pseudonym) return;
    await ctx.answerCallbackQuery();
    const result = v.yes ? await ctx.deps.practices.react(ctx.pseudonym, v.id, "report") : null;
    const text = ctx.t(result === null ? "practices-report-kept" : REACTED[result] || "practices-reported");
    await ctx.editMessageText(text).catch(() => ctx.reply(text));
  }),
);

// The author's answer to a trainer's edit: the service checks that the note is theirs and still waiting.
feature.callbackQuery(
  authorAnswer.filter,
  logHandle("practice-edit-answer"),
  pressHandler(authorAnswer, async (ctx, v) => {
    const ok = ctx.pseudonym ? await ctx.deps.practices.answerEdit(v.id, ctx.pseudonym, v.choice) : false;
    await ctx.answerCallbackQuery(ok ? {} : { text: ctx.t("practices-note-gone"), show_alert: true });
    if (!ok) return;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t(`practices-edit-answered-${v.choice}`));
  }),
);

async function showDigestSetting(ctx: Context, edit: boolean) {
  if (!ctx.pseudonym) return;
  const on = await ctx.deps.practices.digestEnabled(ctx.pseudonym);
  const text = ctx.t("practices-digest-setting", { state: ctx.t(on ? "checkin-on" : "checkin-off") });
  const kb = new InlineKeyboard().text(
    ctx.t(on ? "practices-digest-turn-off" : "practices-digest-turn-on"),
    digestButton.pack({ act: on ? "off" : "on" }),
  );
  if (edit) await ctx.editMessageText(text, { reply_markup: kb }).catch(() => ctx.reply(text, { reply_markup: kb }));
  else await ctx.reply(text, { reply_markup: kb });
}

feature.callbackQuery(
  digestButton.filter,
  logHandle("practice-digest-setting"),
  pressHandler(digestButton, async (ctx, v) => {
    if (!ctx.pseudonym) return;
    if (v.act === "show") {
      await ctx.answerCallbackQuery();
      return showDigestSetting(ctx, false);
    }
    await ctx.deps.practices.setDigest(ctx.pseudonym, v.act === "on");
    await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
    await showDigestSetting(ctx, true);
  }),
);

export { composer as practicesFeature };
