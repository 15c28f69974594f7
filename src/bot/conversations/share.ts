// Sharing a practice (domain.md §e rule 5): a topic, then at most three short parts (the situation in general terms,
// what the officer did, what worked; only "what I did" is required), each scrubbed before anything stores it. The
// officer then sees exactly what colleagues will see, can change any part or the topic, or cancel, and confirms.
// The note goes to trainers for moderation; it is published later, in a weekly digest, without the author.
import {
  MAX_PART_CHARS,
  type NoteParts,
  PARTS,
  type Part,
  REQUIRED_PART,
  renderNote,
  withPart,
} from "../../domain/practice-notes.js";
import type { StartSource } from "../../services/practices.js";
import { SCRUB_KINDS, type ScrubKind } from "../../services/scrubber.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { translator } from "../i18n.js";
import { setTextGuard } from "../middlewares/text-guard.js";
import { shareCrisisStep, shareStep } from "../practice-buttons.js";
import { crisisText } from "../wellbeing-replies.js";
import { type Button, Cancelled, type Convo } from "./ask.js";
import { createFlow } from "./flow.js";
import { createNoteAsk, DraftExpired } from "./note-ask.js";
import { trySave } from "./save.js";
import { supportFlow } from "./support.js";

export const SHARE = "share";

export function createShare(deps: BotDeps) {
  return async function share(conversation: Convo, ctx: ConversationContext, source: StartSource = "command") {
    const me = await conversation.external(async (octx) => {
      setTextGuard(octx, true);
      const pseudonym = octx.pseudonym ?? "";
      await deps.practices.started(pseudonym, source);
      const topics = (await deps.tips.topics()).filter((t) => t.tips > 0);
      const locale = octx.member?.locale ?? "km";
      return {
        pseudonym,
        locale,
        topics: topics.map((t) => ({ id: t.id, name: locale === "en" ? t.nameEn : t.nameKm })),
      };
    });
    const tr = translator(deps.i18n, me.locale);
    const run = Math.floor((await conversation.random()) * 36 ** 6).toString(36);
    const b = (act: string, arg = "-") => shareStep.pack({ run, act, arg });
    const content = deps.wellbeingContent;
    const ask = createNoteAsk(conversation, ctx, {
      tr,
      content,
      mine: (data) => shareStep.unpack(data) !== null,
      busyKey: "practices-finish-first",
      onCrisis: async () => {
        await conversation.external(() => deps.events.record(me.pseudonym, "escalation.offered", { step: "crisis" }));
        const flow = createFlow(conversation, ctx, { tr, codec: shareCrisisStep, run, content });
        return supportFlow({
          before: crisisText(tr, content, me.locale),
          deps,
          conversation,
          ctx,
          flow,
          locale: me.locale,
          pseudonym: me.pseudonym,
        });
      },
    });
    const cancel: Button = { text: tr("practices-cancel"), data: b("cancel") };
    const guardOff = () => conversation.external((octx) => setTextGuard(octx, false));
    const removed = new Set<ScrubKind>();

    /** Asks for the topic; returns its id. */
    async function chooseTopic(intro: string): Promise<string> {
      const rows = me.topics.map((t) => [{ text: t.name, data: b("topic", t.id) }]);
      for (;;) {
        const r = await ask({ text: `${intro}${tr("practices-ask-topic")}`, rows: [...rows, [cancel]] });
        if (r.kind !== "button" || r.data === b("cancel")) throw new Cancelled();
        const id = shareStep.unpack(r.data)?.arg;
        if (id && me.topics.some((t) => t.id === id)) return id;
      }
    }

    /** Asks for one part; `current` is set when changing it from the preview. Returns the new value (null: left out). */
    async function askPart(part: Part, current?: string | null): Promise<string | null> {
      const optional = part !== REQUIRED_PART;
      const rows: Button[][] = [];
      if (current === undefined && optional) rows.push([{ text: tr("practices-skip"), data: b("skip") }]);
      if (current !== undefined && optional && current)
        rows.push([{ text: tr("practices-leave-out"), data: b("drop") }]);
      if (current !== undefined) rows.push([{ text: tr("practices-keep"), data: b("keep") }]);
      rows.push([cancel]);
      const shown = current ? `\n\n${tr("practices-current", { text: current })}` : "";
      const r = await ask({
        text: tr(`practices-ask-${part}`, { max: MAX_PART_CHARS }) + shown,
        rows,
        textMax: MAX_PART_CHARS,
      });
      if (r.kind === "text") {
        for (const k of r.removed) removed.add(k);
        return r.value;
      }
      if (r.data === b("cancel")) throw new Cancelled();
      if (r.data === b("keep")) return current ?? null;
      return null; // skip or leave out
    }

    try {
      let topicId = await chooseTopic(`${tr("practices-share-intro")}\n\n`);
      let parts: NoteParts = { situation: null, action: "", outcome: null };
      for (const part of PARTS) {
        let value = await askPart(part);
        while (part === REQUIRED_PART && !value) value = await askPart(part);
        parts = withPart(parts, part, value);
      }
      for (;;) {
        const topic = me.topics.find((t) => t.id === topicId)?.name ?? topicId;
        const note = renderNote(tr, { topic, month: null, parts });
        const cut = removed.size
          ? `\n\n${tr("practices-preview-removed", {
              kinds: SCRUB_KINDS.filter((k) => removed.has(k))
                .map((k) => tr(`checkin-removed-${k}`))
                .join(", "),
            })}`
          : "";
        const r = await ask({
          text: `${tr("practices-preview", { note })}${cut}`,
          rows: [
            ...PARTS.map((p) => [{ text: tr(`practices-change-${p}`), data: b("change", p) }]),
            [{ text: tr("practices-change-topic"), data: b("change", "topic") }],
            [{ text: tr("practices-submit"), data: b("submit") }, cancel],
          ],
        });
        if (r.kind !== "button" || r.data === b("cancel")) throw new Cancelled();
        if (r.data === b("submit")) break;
        const which = shareStep.unpack(r.data)?.arg;
        if (which === "topic") topicId = await chooseTopic("");
        const part = PARTS.find((p) => p === which);
        if (part) parts = withPart(parts, part, await askPart(part, parts[part]));
      }
      // Until it is stored the note lives only here: a failed save says so and offers to try again.
      for (;;) {
        const saved = await trySave(conversation, "practice note", () =>
          deps.practices.submit(me.pseudonym, topicId, parts),
        );
        if (saved.ok) {
          await guardOff();
          await ctx.reply(tr(saved.value ? "practices-submitted" : "practices-not-saved"));
          break;
        }
        const r = await ask({
          text: tr("practices-save-failed"),
          rows: [[{ text: tr("common-try-again"), data: b("retry") }], [cancel]],
        });
        if (r.kind !== "button" || r.data === b("cancel")) throw new Cancelled();
      }
    } catch (err) {
      if (err instanceof DraftExpired) {
        await guardOff();
        await ctx.reply(tr("practices-draft-expired"));
        return;
      }
      if (!(err instanceof Cancelled)) throw err;
      await guardOff();
      await ctx.reply(tr("practices-share-cancelled"));
    }
  };
}
