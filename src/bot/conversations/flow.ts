// Question helpers for the check-in and support conversations, extending ask.ts: every question has Skip and
// Cancel buttons, multi-select checklists toggle ✅ in place, free text is shown back as "this is what will be
// kept" with Save · Edit · Discard, and a reminder's Continue button shows the current question again. Anything
// else (a sticker, a photo, a voice note, another command, another feature's button) gets a short nudge and the
// same question. Text arrives already scrubbed (middlewares/text-guard.ts); it is scrubbed again here, in case
// the guard was off, and crisis words in any text run `onCrisis` before anything else.
import { wellbeingButton } from "../../services/buttons.js";
import { mentionsCrisis } from "../../services/crisis.js";
import { type ScrubKind, scrub } from "../../services/scrubber.js";
import type { WellbeingContent } from "../../services/wellbeing-content.js";
import type { ConversationContext } from "../context.js";
import type { Translate } from "../i18n.js";
import { takeTextFindings } from "../middlewares/text-guard.js";
import { type Button, Cancelled, type Convo, keyboard } from "./ask.js";
import { repeatedPress } from "./presses.js";

/** A codec whose data names a run of a flow and an item of it (check-ins: "ci", the share crisis path: "shc"). */
interface RunCodec {
  pack(values: { run: string; item: string; act?: string | number; arg?: string | number }): string;
  unpack(data: string | undefined): { run: string; item?: string; act?: string; arg?: string } | null;
}

export interface FlowOptions {
  tr: Translate;
  /** The codec of this flow's buttons and this run of it (an old run's buttons are answered as expired). */
  codec: RunCodec;
  run: string;
  content: WellbeingContent;
  /** Runs on every update the flow receives; false means the flow was closed elsewhere (idle job). */
  touch?: () => Promise<boolean>;
  onClosed?: (next: ConversationContext) => Promise<never>;
  /** Runs the crisis path; what it returns is put in front of the flow's next message. */
  onCrisis?: () => Promise<string | undefined>;
}

export type Reply =
  | { kind: "button"; data: string; ctx: ConversationContext }
  | { kind: "text"; value: string; removed: ScrubKind[]; crisis: boolean };

export interface Question {
  text: string;
  rows: Button[][];
  /** Accept typed text (scrubbed) up to this length. */
  textMax?: number;
  /** Add the Skip button for this item; pressing it returns the data `<prefix>:<item>:skip`. */
  skip?: string;
  /** Add the Cancel button (default true). */
  cancel?: boolean;
}

export type Flow = ReturnType<typeof createFlow>;

export function createFlow(conversation: Convo, ctx: ConversationContext, o: FlowOptions) {
  const { tr, codec, run } = o;
  /** This run's button for `item` (and an action and argument of it). */
  const data = (item: string, act?: string | number, arg?: string | number) => codec.pack({ run, item, act, arg });
  /** The item, action and argument of this run's button, or null for anything else. */
  const parts = (pressed: string | undefined) => {
    const v = codec.unpack(pressed);
    return v && v.run === run ? { item: v.item ?? "", act: v.act, arg: v.arg } : null;
  };
  const cancelData = data("cancel");
  const resumeData = data("resume");
  let inCrisis = false;
  /** Said in front of the next question, in the same message (see onCrisis). */
  let note: string | undefined;

  const rowsOf = (q: Question): Button[][] => {
    const last: Button[] = [];
    if (q.skip) last.push({ text: tr("checkin-skip"), data: data(q.skip, "skip") });
    if (q.cancel !== false) last.push({ text: tr("checkin-cancel"), data: cancelData });
    return last.length ? [...q.rows, last] : q.rows;
  };
  const send = (q: Question, before?: string) => {
    const lead = [note, before].filter((x) => x).join("\n\n");
    note = undefined;
    return ctx.reply(lead ? `${lead}\n\n${q.text}` : q.text, { reply_markup: keyboard(rowsOf(q)) });
  };

  /** Waits for an answer to `q` (sent first unless `sendFirst` is false). */
  async function ask(q: Question, sendFirst = true): Promise<Reply> {
    const allowed = new Set(
      rowsOf(q)
        .flat()
        .map((b) => b.data),
    );
    if (sendFirst) await send(q);
    for (;;) {
      const next = await conversation.wait();
      if (repeatedPress(conversation, next)) continue;
      if (o.touch && !(await o.touch()) && o.onClosed) await o.onClosed(next);
      const pressed = next.callbackQuery?.data;
      if (next.callbackQuery) {
        if (pressed === cancelData && allowed.has(cancelData)) {
          await next.answerCallbackQuery();
          throw new Cancelled();
        }
        if (pressed && allowed.has(pressed)) {
          await next.answerCallbackQuery();
          return { kind: "button", data: pressed, ctx: next };
        }
        // Stateless wellbeing buttons (a stress answer, "talk to a peer supporter") must work mid-check-in: hand
        // them to the wellbeing feature as if this conversation had never seen them. (Peer connect's own buttons
        // never get here: that feature runs before the conversations.)
        if (wellbeingButton.filter.test(pressed ?? "")) await conversation.skip({ next: true });
        if (pressed === resumeData) {
          await next.answerCallbackQuery();
          await send(q);
          continue;
        }
        const mine = parts(pressed) !== null;
        await next.answerCallbackQuery({ text: tr(mine ? "common-button-expired" : "checkin-finish-first") });
        continue;
      }
      const text = next.message?.text;
      if (text !== undefined) {
        const command = text.startsWith("/") ? text.slice(1).split(/[\s@]/)[0] : undefined;
        if (command === "cancel") throw new Cancelled();
        if (command !== undefined) {
          await send(q, tr("checkin-finish-first"));
          continue;
        }
        const found = await conversation.external((octx) => takeTextFindings(octx));
        const kept = scrub(text);
        const crisis = found.crisis || mentionsCrisis(text, o.content.crisisWords);
        if (crisis && o.onCrisis && !inCrisis) {
          inCrisis = true;
          note = await o.onCrisis();
          inCrisis = false;
        }
        if (q.textMax !== undefined) {
          if (kept.text.length <= q.textMax) {
            const removed = [...new Set([...found.removed, ...kept.removed])];
            return { kind: "text", value: kept.text, removed, crisis };
          }
          await send(q, tr("common-text-too-long", { max: q.textMax }));
          continue;
        }
      }
      await send(q, tr(q.textMax !== undefined ? "checkin-nudge-text" : "checkin-nudge"));
    }
  }

  /** A question answered by one button; returns its data, or "skip". */
  async function choose(q: Question): Promise<string> {
    const r = await ask(q);
    if (r.kind !== "button") return "";
    return q.skip && r.data === data(q.skip, "skip") ? "skip" : r.data;
  }

  /**
   * A checklist: each press cycles an item through its states (✅ done; with `withNa`, also ➖ not applicable)
   * and edits the buttons in place; Done returns the states; `none` returns everything unticked at once.
   */
  async function checklist(
    item: string,
    text: string,
    items: { id: string; label: string }[],
    opts: { withNa?: boolean; noneLabel?: string },
  ): Promise<{ done: string[]; na: string[] } | "skip"> {
    const state = new Map(items.map((i) => [i.id, 0]));
    const marks = ["⬜", "✅", "➖"];
    const build = (): Question => ({
      text,
      skip: item,
      rows: [
        ...items.map((it, idx) => [
          {
            text: `${marks[state.get(it.id) ?? 0]} ${it.label}${state.get(it.id) === 2 ? ` ${tr("checkin-na")}` : ""}`,
            data: data(item, "t", idx),
          },
        ]),
        [
          ...(opts.noneLabel ? [{ text: opts.noneLabel, data: data(item, "none") }] : []),
          { text: tr("checkin-done"), data: data(item, "done") },
        ],
      ],
    });
    let first = true;
    for (;;) {
      const r = await ask(build(), first);
      first = false;
      if (r.kind !== "button") continue;
      if (r.data === data(item, "skip")) return "skip";
      if (r.data === data(item, "none")) return { done: [], na: [] };
      if (r.data === data(item, "done")) {
        const pick = (s: number) => items.filter((i) => state.get(i.id) === s).map((i) => i.id);
        return { done: pick(1), na: pick(2) };
      }
      const idx = Number(parts(r.data)?.arg);
      const it = items[idx];
      if (!it) continue;
      state.set(it.id, ((state.get(it.id) ?? 0) + 1) % (opts.withNa ? 3 : 2));
      await r.ctx.editMessageReplyMarkup({ reply_markup: keyboard(rowsOf(build())) }).catch(() => undefined);
    }
  }

  /**
   * Shows scrubbed text back with Save · Edit · Discard; returns what to keep, or null (discarded). Text written in
   * distress (crisis words) is not offered for keeping: the contacts came first, and the note goes unless the
   * officer explicitly asks to keep it.
   */
  async function confirmText(
    item: string,
    first: { value: string; removed: ScrubKind[]; crisis?: boolean },
    editPrompt: string,
    max: number,
    cancel = true,
  ): Promise<string | null> {
    let current = first;
    for (;;) {
      if (current.crisis) {
        const keep = await choose({
          text: tr("checkin-crisis-not-kept"),
          cancel,
          rows: [
            [{ text: tr("checkin-crisis-continue"), data: data(item, "drop") }],
            [{ text: tr("checkin-crisis-keep"), data: data(item, "keep") }],
          ],
        });
        if (keep !== data(item, "keep")) return null;
        current = { ...current, crisis: false };
      }
      const removed = current.removed.length
        ? `\n\n${tr("checkin-kept-removed", { kinds: current.removed.map((k) => tr(`checkin-removed-${k}`)).join(", ") })}`
        : "";
      const choice = await choose({
        text: `${tr("checkin-kept", { text: current.value })}${removed}`,
        cancel,
        rows: [
          [
            { text: tr("checkin-save"), data: data(item, "save") },
            { text: tr("checkin-edit"), data: data(item, "edit") },
            { text: tr("checkin-discard"), data: data(item, "discard") },
          ],
        ],
      });
      if (choice === data(item, "save")) return current.value;
      if (choice === data(item, "discard")) {
        await ctx.reply(tr("checkin-discarded"));
        return null;
      }
      const again = await ask({ text: editPrompt, rows: [], textMax: max, cancel });
      if (again.kind === "text") current = again;
    }
  }

  /** An optional free-text item: prompt, then confirm. Returns the kept text, "skip", or null (discarded). */
  async function freeText(item: string, prompt: string, max: number, cancel = true): Promise<string | "skip" | null> {
    const r = await ask({ text: prompt, rows: [], textMax: max, skip: item, cancel });
    if (r.kind === "button") return "skip";
    return confirmText(item, r, prompt, max, cancel);
  }

  /** Takes what is still to be said in front of the next question (the caller sends it itself). */
  const takeNote = () => {
    const pending = note;
    note = undefined;
    return pending;
  };

  return { data, parts, ask, choose, checklist, confirmText, freeText, send, takeNote };
}
