// /broadcast and /broadcasts (trainers, admins), the Pause · Resume · Cancel buttons of the progress message,
// and 👍 Useful on a received broadcast. Callback data only names an action and a broadcast: every press
// re-checks the role here, and anything forged in these namespaces is refused and logged without content.
import { InlineKeyboard, InputFile } from "grammy";
import type { BroadcastRecord } from "../../db/repositories/broadcasts.js";
import type { Role } from "../../db/repositories/members.js";
import { countsOf } from "../../services/broadcast-report.js";
import { usefulButton } from "../../services/buttons.js";
import { audienceSummary, formatWhen, reportText, shownStatus, snippet } from "../broadcast-views.js";
import { broadcastControlButton, broadcastListButton, broadcastStep, menu } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { BROADCAST } from "../conversations/broadcast.js";
import { BROADCAST_EDIT } from "../conversations/broadcast-edit.js";
import { requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const privateChats = composer.chatType("private");
const TRAINERS: Role[] = ["trainer", "admin"];
const MEMBERS: Role[] = ["officer", "trainer", "staff", "admin"];
const ICONS: Record<string, string> = {
  scheduled: "🕒",
  sending: "📤",
  quiet: "🌙",
  paused: "⏸",
  cancelled: "✖️",
  finished: "✅",
};

const locale = (ctx: Context) => ctx.member?.locale ?? "km";
type ListAct = Parameters<typeof broadcastListButton.pack>[0]["act"];
type ControlAct = Parameters<typeof broadcastControlButton.pack>[0]["act"];
const listData = (act: ListAct, id?: string) => broadcastListButton.pack({ act, id });
const control = (act: ControlAct, id: string) => broadcastControlButton.pack({ act, id });
const when = (ctx: Context, at: Date | null) => (at ? formatWhen(at, locale(ctx), ctx.deps.config.TZ) : "—");
/** Sending, or held until quiet hours end. */
const statusOf = (ctx: Context, b: BroadcastRecord) =>
  shownStatus(b, { now: ctx.deps.now(), timeZone: ctx.deps.config.TZ, hours: ctx.deps.config.QUIET_HOURS });

async function compose(ctx: Context) {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(BROADCAST);
}

async function showList(ctx: Context) {
  const list = await ctx.deps.broadcasts.list(10);
  const kb = new InlineKeyboard();
  const lines = list.map((b, i) => {
    kb.text(String(i + 1), listData("s", b.id));
    if (i % 5 === 4) kb.row();
    const status = statusOf(ctx, b);
    return ctx.t("broadcast-list-line", {
      n: i + 1,
      icon: ICONS[status] ?? "",
      status: ctx.t(`broadcast-status-${status}`),
      when: when(ctx, b.status === "scheduled" ? b.scheduledAt : (b.startedAt ?? b.createdAt)),
      snippet: snippet(b),
    });
  });
  kb.row().text(ctx.t("broadcast-new"), listData("new"));
  const text = lines.length ? `${ctx.t("broadcast-list-title")}\n\n${lines.join("\n")}` : ctx.t("broadcast-list-empty");
  await ctx.reply(text, { reply_markup: kb });
}

async function showDetail(ctx: Context, b: BroadcastRecord) {
  const tr = ctx.t;
  const kb = new InlineKeyboard();
  const lines = [
    ctx.t("broadcast-detail", {
      status: `${ICONS[statusOf(ctx, b)] ?? ""} ${ctx.t(`broadcast-status-${statusOf(ctx, b)}`)}`,
      when: when(ctx, b.status === "scheduled" ? b.scheduledAt : (b.startedAt ?? b.scheduledAt)),
      versions: ctx.t(b.en ? "broadcast-versions-both" : "broadcast-versions-one"),
      media: ctx.t(`broadcast-media-${b.media?.kind ?? "none"}`),
      urgent: ctx.t(b.urgent ? "broadcast-yes" : "broadcast-no"),
      snippet: snippet(b, 80),
    }),
    audienceSummary(tr, b.audience),
  ];
  if (b.status === "scheduled") {
    lines.push(ctx.t("broadcast-count", { count: await ctx.deps.broadcasts.countAudience(b.audience) }));
    kb.text(ctx.t("broadcast-edit-time"), listData("t", b.id)).row();
    if (b.en) {
      kb.text(ctx.t("broadcast-edit-km"), listData("ek", b.id)).text(ctx.t("broadcast-edit-en"), listData("ee", b.id));
    } else kb.text(ctx.t("broadcast-edit-one"), listData("ek", b.id));
    kb.row().text(ctx.t("broadcast-cancel"), control("c", b.id));
  } else if (b.jobId) {
    const counts = countsOf(await ctx.deps.broadcasts.progress(b));
    lines.push("", reportText(tr, b, counts, await ctx.deps.broadcasts.usefulCount(b.id)));
    if (b.status === "sending") kb.text(ctx.t("broadcast-pause"), control("p", b.id));
    if (b.status === "paused") kb.text(ctx.t("broadcast-resume"), control("r", b.id));
    if (b.status === "sending" || b.status === "paused") kb.text(ctx.t("broadcast-cancel"), control("c", b.id)).row();
    kb.text(ctx.t("broadcast-csv"), listData("csv", b.id));
  }
  kb.row().text(ctx.t("broadcast-back-to-list"), listData("list"));
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

privateChats.command("broadcast", logHandle("broadcast"), requireRole("broadcast", TRAINERS), compose);
privateChats.command("broadcasts", logHandle("broadcasts"), requireRole("broadcasts", TRAINERS), showList);
privateChats.callbackQuery(
  menu("broadcasts"),
  logHandle("broadcasts"),
  requireRole("broadcasts", TRAINERS),
  async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx);
  },
);

// /broadcasts: list, detail, new, edit before start, CSV.
privateChats.callbackQuery(
  broadcastListButton.filter,
  logHandle("broadcasts"),
  requireRole("broadcasts", TRAINERS),
  pressHandler(broadcastListButton, async (ctx, { act: action, id = "" }) => {
    if (action === "new" || action === "list") {
      await ctx.answerCallbackQuery();
      await (action === "new" ? compose(ctx) : showList(ctx));
      return;
    }
    const b = await ctx.deps.broadcasts.get(id);
    if (!b) {
      await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
      return;
    }
    if (action === "s") {
      await ctx.answerCallbackQuery();
      await showDetail(ctx, b);
      return;
    }
    if (action === "csv") {
      const csv = await ctx.deps.broadcasts.csv(b);
      if (!csv) {
        await ctx.answerCallbackQuery({ text: ctx.t("broadcast-too-early") });
        return;
      }
      await ctx.answerCallbackQuery();
      const name = `broadcast-${(b.startedAt ?? b.createdAt).toISOString().slice(0, 10)}-${b.id.slice(0, 8)}.csv`;
      await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), name), {
        caption: ctx.t("broadcast-csv-caption"),
      });
      return;
    }
    if (b.status !== "scheduled") {
      await ctx.answerCallbackQuery({ text: ctx.t("broadcast-too-late"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST_EDIT, b.id, action === "t" ? "time" : action === "ee" ? "en" : "km");
  }),
);

// Pause, resume, cancel (asks first), cancel confirmed (k), keep going (n).
privateChats.callbackQuery(
  broadcastControlButton.filter,
  logHandle("broadcast.control"),
  requireRole("broadcast.control", TRAINERS),
  pressHandler(broadcastControlButton, async (ctx, { act: action, id }) => {
    const by = ctx.pseudonym ?? "";
    if (action === "c") {
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard()
        .text(ctx.t("broadcast-cancel-yes"), control("k", id))
        .text(ctx.t("broadcast-cancel-no"), control("n", id));
      await ctx.reply(ctx.t("broadcast-cancel-ask"), { reply_markup: kb });
      return;
    }
    if (action === "n") {
      await ctx.answerCallbackQuery({ text: ctx.t("broadcast-kept") });
      await ctx.deleteMessage().catch(() => undefined);
      return;
    }
    const service = ctx.deps.broadcasts;
    const result =
      action === "p"
        ? await service.pause(id, by)
        : action === "r"
          ? await service.resume(id, by)
          : await service.cancel(id, by);
    const done = { p: "broadcast-paused", r: "broadcast-resumed", k: "broadcast-cancelled" }[action as "p" | "r" | "k"];
    const text =
      result === "ok" ? ctx.t(done) : ctx.t(result === "not_found" ? "common-button-expired" : "broadcast-too-late");
    await ctx.answerCallbackQuery({ text });
    // The progress message itself is updated by the progress loop (at most one edit every 3 seconds).
    if (action === "k" && result === "ok")
      await ctx.editMessageText(ctx.t("broadcast-cancelled")).catch(() => undefined);
  }),
);

// 👍 Useful on a broadcast someone received (any enrolled member; counted once, only for recipients).
composer.callbackQuery(
  usefulButton.filter,
  logHandle("broadcast.useful"),
  requireRole("broadcast.useful", MEMBERS),
  pressHandler(usefulButton, async (ctx, { id }) => {
    if (id === "preview") {
      await ctx.answerCallbackQuery({ text: ctx.t("broadcast-preview-useful") });
      return;
    }
    const result = await ctx.deps.broadcasts.markUseful(id, ctx.pseudonym ?? "");
    const key = {
      added: "broadcast-useful-thanks",
      already: "broadcast-useful-already",
      not_recipient: "common-button-expired",
    };
    await ctx.answerCallbackQuery({ text: ctx.t(key[result]) });
  }),
);

// Anything else in the broadcast namespaces: a stale composer button, or a forgery.
// (Data in these namespaces that does not validate is answered as expired by pressHandler, after the role check.)
composer.callbackQuery(
  broadcastStep.filter,
  logHandle("broadcast"),
  requireRole("broadcast", TRAINERS),
  async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
  },
);

export { composer as broadcastsFeature };
