// Anonymous peer connect, the officer's and the supporter's buttons and commands: /peer and 🤝 in the menu (the
// consent card, then the request), a request's Accept · Not now · Block, /end (or withdraw a waiting request),
// /block, and the night-requests setting of supporters. The relay itself is peer-relay.ts.
// Registered before the conversations plugin (src/bot/index.ts), so these work in the middle of a check-in;
// anyone not enrolled passes on to the gate.
import { InlineKeyboard } from "grammy";
import type { PeerConversationRecord } from "../../db/repositories/peer.js";
import { menu } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { deny } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";
import {
  aliasLabel,
  conversationMeant,
  externalContacts,
  otherAlias,
  peerAsk,
  peerEnd,
  peerNight,
  peerOpen,
  peerRequest,
  requestOutcomeText,
  showPeerConsent,
} from "../peer-views.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private").filter((ctx) => !!ctx.member?.enrolled && !!ctx.pseudonym);
const me = (ctx: Context) => ctx.pseudonym ?? "";

feature.command("peer", logHandle("peer"), (ctx) => showPeerConsent(ctx, "command"));
feature.callbackQuery(menu("peer"), logHandle("peer"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPeerConsent(ctx, "menu");
});
feature.callbackQuery(
  peerOpen.filter,
  logHandle("peer"),
  pressHandler(peerOpen, async (ctx, v) => {
    await ctx.answerCallbackQuery();
    await showPeerConsent(ctx, v.source);
  }),
);

feature.callbackQuery(
  peerAsk.filter,
  logHandle("peer-ask"),
  pressHandler(peerAsk, async (ctx, v) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined); // one answer per card
    if (!v.go) return void (await ctx.reply(ctx.t("peer-not-now")));
    const outcome = await ctx.deps.peer.request(me(ctx), v.source);
    const contacts = externalContacts(ctx.deps.wellbeingContent, ctx.member?.locale ?? "km");
    await ctx.reply(requestOutcomeText(ctx.t, outcome, contacts));
  }),
);

// A request's buttons, on a supporter's screen. The supporter flag is re-checked on every press.
feature.callbackQuery(
  peerRequest.filter,
  logHandle("peer-request"),
  pressHandler(peerRequest, async (ctx, { action, id }) => {
    if (action === "x") return void (await ctx.answerCallbackQuery({ text: ctx.t("peer-request-closed") }));
    if (!ctx.member?.peerSupporter) return deny(ctx, "peer");
    const closed = () =>
      InlineKeyboard.from([[InlineKeyboard.text(ctx.t("peer-request-closed"), peerRequest.pack({ action: "x", id }))]]);
    if (action === "a") {
      const r = await ctx.deps.peer.accept(id, me(ctx));
      if (r.kind === "not_supporter") return deny(ctx, "peer");
      if (r.kind === "full") {
        const text = ctx.t("peer-full", { max: ctx.deps.config.PEER_MAX_OPEN });
        return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
      }
      if (r.kind === "gone") {
        await ctx.answerCallbackQuery({ text: ctx.t("peer-request-closed"), show_alert: true });
        return void (await ctx.editMessageReplyMarkup({ reply_markup: closed() }).catch(() => undefined));
      }
      await ctx.answerCallbackQuery();
      const accepted = ctx.t("peer-you-accepted");
      await ctx
        .editMessageReplyMarkup({
          reply_markup: InlineKeyboard.from([[InlineKeyboard.text(accepted, peerRequest.pack({ action: "x", id }))]]),
        })
        .catch(() => undefined);
      return void (await ctx.reply(ctx.t("peer-connected-supporter", { alias: aliasLabel(ctx.t, r.alias) })));
    }
    const block = action === "b";
    const ok = await ctx.deps.peer.decline(id, me(ctx), block);
    await ctx.answerCallbackQuery({
      text: ctx.t(!ok ? "peer-request-closed" : block ? "peer-blocked" : "peer-declined"),
    });
    await ctx.editMessageReplyMarkup({ reply_markup: closed() }).catch(() => undefined);
  }),
);

/** /end and /block: the conversation meant (by reply, or the only one), or buttons to choose. */
async function endOrChoose(ctx: Context, block: boolean) {
  const p = me(ctx);
  const open = await ctx.deps.peer.openFor(p);
  const waiting = await ctx.deps.peer.activeRequestOf(p);
  let choices: PeerConversationRecord[] = [...open];
  if (waiting?.status === "requested") choices.push(waiting);
  if (block) choices = choices.filter((c) => c.supporter === p);
  if (!choices.length)
    return void (await ctx.reply(ctx.t(block ? "peer-block-only-supporter" : "peer-nothing-to-end")));
  const meant = conversationMeant(ctx, choices, p).conv;
  if (meant) return finish(ctx, meant.id, block);
  const kb = new InlineKeyboard();
  for (const c of choices) {
    const label = c.status === "requested" ? ctx.t("peer-my-request") : aliasLabel(ctx.t, otherAlias(c, p));
    kb.text(label, peerEnd.pack({ id: c.id, block })).row();
  }
  await ctx.reply(ctx.t(block ? "peer-which-block" : "peer-which-end"), { reply_markup: kb });
}

async function finish(ctx: Context, id: string, block: boolean) {
  const p = me(ctx);
  const c = await ctx.deps.peer.get(id);
  const who = aliasLabel(ctx.t, c ? otherAlias(c, p) : null);
  if (block) {
    const ok = await ctx.deps.peer.block(p, id);
    return void (await ctx.reply(ctx.t(ok ? "peer-blocked-done" : "peer-nothing-to-end", { alias: who })));
  }
  const r = await ctx.deps.peer.end(p, id);
  if (r === "withdrawn") return void (await ctx.reply(ctx.t("peer-withdrawn")));
  await ctx.reply(ctx.t(r === "ended" ? "peer-ended" : "peer-nothing-to-end", { alias: who }));
}

feature.command("end", logHandle("peer-end"), (ctx) => endOrChoose(ctx, false));
feature.command("block", logHandle("peer-block"), (ctx) => endOrChoose(ctx, true));
feature.callbackQuery(
  peerEnd.filter,
  logHandle("peer-end"),
  pressHandler(peerEnd, async (ctx, v) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await finish(ctx, v.id, v.block);
  }),
);

// /settings → 🌙 night requests (peer supporters only; re-checked here).
feature.callbackQuery(
  peerNight.filter,
  logHandle("settings"),
  pressHandler(peerNight, async (ctx, v) => {
    if (!ctx.member?.peerSupporter) return deny(ctx, "peer");
    ctx.member = await ctx.deps.members.update(me(ctx), { peerNight: v.on });
    await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
    const q = ctx.deps.config.QUIET_HOURS;
    await ctx.reply(ctx.t(v.on ? "peer-night-now-on" : "peer-night-now-off", { start: q.start, end: q.end }));
  }),
);

export { composer as peerFeature };
