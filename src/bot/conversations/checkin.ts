// The post-interview reflection (domain.md §b): [did you try last time's one thing?] → Q1 phases (checklist) →
// Q2 open questions → Q4 feeling (emoji row) → Q5 what went well (free text) → Q6 one thing to try → optionally
// Q3 setting (checklist with "not applicable") and Q7 sharing. Skip on every item, Cancel any time. Answers are
// stored when the officer finishes; until then they live only in the conversation state (Postgres), so a
// restart loses nothing. Never asks about the child or the case.

import { checkinButton } from "../../services/buttons.js";
import { CHECKIN_CONVERSATION, checkinRun } from "../../services/checkin-service.js";
import {
  ACTIONS,
  type Action,
  emptyAnswers,
  type Item,
  MAX_ACTION_CHARS,
  MAX_REFLECTION_CHARS,
  OPEN_SHARES,
  type OpenShare,
  Q1_ELEMENTS,
  Q3_SETTING,
  type StartSource,
} from "../../services/checkins.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Translate, translator } from "../i18n.js";
import { setTextGuard } from "../middlewares/text-guard.js";
import { shareButton } from "../practice-buttons.js";
import { asOneMessage, crisisText, followupMessages, type OutgoingMessage } from "../wellbeing-replies.js";
import { Cancelled, type Convo } from "./ask.js";
import { createFlow } from "./flow.js";
import { trySave } from "./save.js";
import { supportFlow } from "./support.js";

export const CHECKIN = CHECKIN_CONVERSATION;
export const FEELING_FACES = ["😣", "😟", "😐", "🙂", "😄"] as const;

export interface CheckinArgs {
  source: StartSource;
  /** Interviews still to reflect on after this one (from the weekly question); offered one at a time. */
  remaining: number;
}

/** How an action reads back to the officer: the list label, or their own (scrubbed) words while kept. */
export function actionLabel(tr: Translate, action: Action, ownText: string | null): string {
  if (action === "own") return ownText ?? tr("checkin-action-own-gone");
  return tr(`checkin-action-${action}`);
}

export function createCheckin(deps: BotDeps) {
  return async function checkin(conversation: Convo, ctx: ConversationContext, args?: CheckinArgs) {
    const source = args?.source ?? "command";
    const remaining = Math.max(0, Math.min(args?.remaining ?? 0, 9));
    const start = await conversation.external(async (octx) => {
      const pseudonym = octx.pseudonym ?? "";
      const started = await deps.checkins.start(pseudonym, source);
      setTextGuard(octx, true);
      return { ...started, pseudonym, locale: octx.member?.locale ?? "km" };
    });
    const { id, pseudonym, locale } = start;
    const tr = translator(deps.i18n, locale);
    const content = deps.wellbeingContent;
    const guardOff = () => conversation.external((octx) => setTextGuard(octx, false));

    const flow = createFlow(conversation, ctx, {
      tr,
      codec: checkinButton,
      run: checkinRun(id),
      content,
      touch: () => conversation.external(() => deps.checkins.touch(id)),
      // Closed by the idle job meanwhile: say so, and let a command or another feature's button through.
      onClosed: async (next) => {
        await guardOff();
        const data = next.callbackQuery?.data;
        const elsewhere =
          next.message?.text?.startsWith("/") || (data !== undefined && !checkinButton.filter.test(data));
        if (data !== undefined && !elsewhere) await next.answerCallbackQuery();
        await ctx.reply(tr("checkin-closed"));
        return conversation.halt({ next: !!elsewhere });
      },
      onCrisis: async () => {
        await conversation.external(() => deps.events.record(pseudonym, "escalation.offered", { step: "crisis" }));
        return supportFlow({
          deps,
          conversation,
          ctx,
          flow,
          locale,
          pseudonym,
          before: crisisText(tr, content, locale),
        });
      },
    });
    const d = flow.data;
    const a = emptyAnswers();
    const skip = async (item: Item) => {
      a.skipped.push(item);
      await conversation.external(() => deps.checkins.skipped(pseudonym, item));
    };
    /** The action of one of this check-in's buttons ("most" in q2, the face in q4, the action in q6). */
    const last = (value: string) => String(flow.parts(value)?.act ?? "");
    // The intro goes on the first question, so the officer gets one message, not two.
    let intro = `${tr("checkin-intro")}\n\n`;
    const lead = (text: string) => {
      const t = intro + text;
      intro = "";
      return t;
    };

    try {
      if (start.last) {
        const r = await flow.choose({
          text: lead(tr("checkin-tried", { action: actionLabel(tr, start.last.action, start.last.text) })),
          skip: "tried",
          rows: [
            [
              { text: tr("checkin-tried-yes"), data: d("tried", "yes") },
              { text: tr("checkin-tried-no"), data: d("tried", "no") },
            ],
          ],
        });
        if (r === "skip") await skip("tried");
        else a.triedLastAction = r === d("tried", "yes");
      }

      const q1 = await flow.checklist(
        "q1",
        lead(tr("checkin-q1")),
        Q1_ELEMENTS.map((e) => ({ id: e, label: tr(`checkin-q1-${e}`) })),
        { noneLabel: tr("checkin-q1-none") },
      );
      if (q1 === "skip") await skip("q1");
      else a.elements = q1.done;

      const q2 = await flow.choose({
        text: tr("checkin-q2"),
        skip: "q2",
        rows: OPEN_SHARES.map((s) => [{ text: tr(`checkin-q2-${s}`), data: d("q2", s) }]),
      });
      if (q2 === "skip") await skip("q2");
      else a.openShare = (OPEN_SHARES.find((s) => s === last(q2)) ?? null) as OpenShare | null;

      const q4 = await flow.choose({
        text: tr("checkin-q4"),
        skip: "q4",
        rows: [FEELING_FACES.map((face, i) => ({ text: face, data: d("q4", i + 1) }))],
      });
      if (q4 === "skip") await skip("q4");
      else a.feeling = Number(last(q4)) || null;

      const q5 = await flow.freeText("q5", tr("checkin-q5"), MAX_REFLECTION_CHARS);
      if (q5 === "skip") await skip("q5");
      else a.reflection = q5;

      const q6 = await flow.ask({
        text: tr("checkin-q6"),
        skip: "q6",
        textMax: MAX_ACTION_CHARS,
        rows: [
          ...ACTIONS.map((x) => [{ text: tr(`checkin-action-${x}`), data: d("q6", x) }]),
          [{ text: tr("checkin-action-own"), data: d("q6", "own") }],
        ],
      });
      let own: string | "skip" | null = null;
      if (q6.kind === "text") own = await flow.confirmText("q6", q6, tr("checkin-q6-own"), MAX_ACTION_CHARS);
      else if (q6.data === d("q6", "own")) own = await flow.freeText("q6", tr("checkin-q6-own"), MAX_ACTION_CHARS);
      else if (q6.data === d("q6", "skip")) own = "skip";
      else a.action = ACTIONS.find((x) => x === last(q6.data)) ?? null;
      if (own === "skip") await skip("q6");
      else if (own) {
        a.action = "own";
        a.actionText = own;
      }

      const more = await flow.choose({
        text: tr("checkin-more"),
        cancel: false, // everything is answered by now: Cancel here would only throw it away
        rows: [
          [
            { text: tr("checkin-more-yes"), data: d("more", "yes") },
            { text: tr("checkin-more-no"), data: d("more", "no") },
          ],
        ],
      });
      if (more === d("more", "yes")) {
        const q3 = await flow.checklist(
          "q3",
          tr("checkin-q3"),
          Q3_SETTING.map((s) => ({ id: s, label: tr(`checkin-q3-${s}`) })),
          { withNa: true },
        );
        if (q3 === "skip") await skip("q3");
        else a.setting = q3;
        const q7 = await flow.choose({
          text: tr("checkin-q7"),
          skip: "q7",
          rows: [
            [
              { text: tr("checkin-q7-yes"), data: d("q7", "yes") },
              { text: tr("checkin-q7-no"), data: d("q7", "no") },
            ],
          ],
        });
        if (q7 === "skip") await skip("q7");
        else a.shareWanted = q7 === d("q7", "yes");
      }
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
      await conversation.external(() => deps.checkins.cancel(id, pseudonym));
      await guardOff();
      await ctx.reply(tr("checkin-cancelled"));
      return;
    }

    // Until it is stored, everything the officer answered lives in this conversation: a failed save says so plainly
    // and offers to try again (or to let it go), never "saved" and never "nothing was lost" when something was.
    for (;;) {
      const saved = await trySave(conversation, "check-in", () => deps.checkins.finish(id, pseudonym, a));
      if (saved.ok) {
        if (saved.value) break;
        await guardOff();
        await ctx.reply(tr("checkin-closed"));
        return;
      }
      const choice = await flow.choose({
        text: tr("checkin-save-failed"),
        cancel: false,
        rows: [
          [{ text: tr("common-try-again"), data: d("save", "retry") }],
          [{ text: tr("checkin-save-drop"), data: d("save", "drop") }],
        ],
      });
      if (choice === d("save", "drop")) {
        await conversation.external(() => deps.checkins.cancel(id, pseudonym));
        await guardOff();
        await ctx.reply(tr("checkin-cancelled"));
        return;
      }
    }
    await guardOff();
    // What follows the save (withdrawing the reminder, events, the wellbeing follow-up) cannot undo it.
    const after = await trySave(conversation, "check-in follow-up", () => deps.checkins.afterFinish(id, pseudonym, a));
    const done = { followup: after.ok ? after.value : null };
    const thanks = a.action
      ? tr("checkin-completed-action", { action: actionLabel(tr, a.action, a.actionText) })
      : tr("checkin-completed");
    // Thanks, the wellbeing follow-up and the next reflection go out as ONE message: several at once would meet
    // Telegram's per-chat pace and arrive seconds late, the support contacts among them.
    const parts: OutgoingMessage[] = [];
    // Said yes to "would you share a practice?": offer to write it now (src/bot/features/practices.ts).
    if (a.shareWanted) {
      const share = [{ text: tr("practices-share-now"), data: shareButton.pack({ from: "checkin" }) }];
      parts.push({ text: `${thanks}\n\n${tr("checkin-share-noted")}`, rows: [share] });
    } else parts.push({ text: thanks });
    if (done.followup) {
      const random = await conversation.random();
      parts.push(...followupMessages(tr, content, locale, done.followup, "checkin", random));
    }
    if (remaining > 0) {
      parts.push({
        text: tr("checkin-next", { count: remaining }),
        rows: [
          [
            { text: tr("checkin-next-yes"), data: checkinButton.pack({ run: "next", item: remaining }) },
            { text: tr("checkin-next-later"), data: checkinButton.pack({ run: "later" }) },
          ],
        ],
      });
    }
    const reply = asOneMessage(parts);
    await ctx.reply(reply.text, reply.markup ? { reply_markup: reply.markup } : {});
  };
}
