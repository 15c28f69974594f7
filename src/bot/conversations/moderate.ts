// A trainer's written moderation decisions on one practice note: an edit (part by part, scrubbed, then sent to the
// author, who must agree before it is published) or a rejection (a reason from a short list, plus an optional
// comment, scrubbed). The role is re-checked on every update and again when the decision is stored. Nothing here
// names the trainer to the author.
import {
  MAX_PART_CHARS,
  type NoteParts,
  PARTS,
  type Part,
  REJECT_REASONS,
  REQUIRED_PART,
  withPart,
} from "../../domain/practice-notes.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { hasRole } from "../filters/roles.js";
import { translator } from "../i18n.js";
import { setTextGuard } from "../middlewares/text-guard.js";
import { moderationButton, moderationStep } from "../practice-buttons.js";
import { type Button, Cancelled, type Convo, keyboard } from "./ask.js";
import { createNoteAsk, DraftExpired, NotAllowed } from "./note-ask.js";

export const MODERATE = "moderate";
export const MODERATORS = ["trainer", "admin"] as const;
const MAX_COMMENT_CHARS = 300;

export function createModerate(deps: BotDeps) {
  return async function moderate(
    conversation: Convo,
    ctx: ConversationContext,
    noteId: string,
    mode: "edit" | "reject",
  ) {
    const me = await conversation.external(async (octx) => {
      const allowed = hasRole(octx, MODERATORS);
      if (allowed) setTextGuard(octx, true);
      const n = allowed ? await deps.practices.get(noteId) : null;
      const note = n && { state: n.state, topicId: n.topicId, parts: n.parts, reported: n.reportedSince !== null };
      return {
        allowed,
        locale: octx.member?.locale ?? "km",
        note,
        text: n ? await deps.practices.render(n, octx.member?.locale ?? "km") : "",
      };
    });
    const tr = translator(deps.i18n, me.locale);
    if (!me.allowed) return void (await ctx.reply(tr("access-not-allowed")));
    const note = me.note;
    const open = note && (note.state === "pending" || (mode === "reject" && note.reported));
    if (!note || !open) return void (await ctx.reply(tr("practices-mod-gone")));

    const run = Math.floor((await conversation.random()) * 36 ** 6).toString(36);
    const b = (act: string, arg = "-") => moderationStep.pack({ run, act, arg });
    const allowedNow = () => conversation.external((octx) => hasRole(octx, MODERATORS));
    const ask = createNoteAsk(conversation, ctx, {
      tr,
      content: deps.wellbeingContent,
      mine: (data) => moderationStep.unpack(data) !== null,
      busyKey: "practices-mod-finish-first",
      allowed: allowedNow,
    });
    const cancel: Button = { text: tr("practices-cancel"), data: b("cancel") };
    const nextButton = keyboard([
      [{ text: tr("practices-mod-next"), data: moderationButton.pack({ act: "show", id: "-", i: 0 }) }],
    ]);
    /** Stores the decision only if the role still holds at this moment. */
    const decide = (store: () => Promise<boolean>) =>
      conversation.external(async (octx) => (hasRole(octx, MODERATORS) ? ((await store()) ? "ok" : "gone") : "denied"));
    const done = async (outcome: "ok" | "gone" | "denied", okKey: string) => {
      await conversation.external((octx) => setTextGuard(octx, false));
      const key = outcome === "ok" ? okKey : outcome === "gone" ? "practices-mod-gone" : "access-not-allowed";
      await ctx.reply(tr(key), { reply_markup: nextButton });
    };

    try {
      if (mode === "edit") {
        let draft: NoteParts = { ...note.parts };
        for (;;) {
          const render = await conversation.external(() =>
            deps.practices.render({ topicId: note.topicId, parts: draft }, me.locale),
          );
          const r = await ask({
            text: tr("practices-mod-edit-menu", { note: render }),
            rows: [
              ...PARTS.map((p) => [{ text: tr(`practices-change-${p}`), data: b("part", p) }]),
              [{ text: tr("practices-mod-send-edit"), data: b("send") }, cancel],
            ],
          });
          if (r.kind !== "button" || r.data === b("cancel")) throw new Cancelled();
          if (r.data === b("send")) {
            const outcome = await decide(() => deps.practices.proposeEdit(noteId, draft));
            return void (await done(outcome, "practices-mod-edit-sent"));
          }
          const part = PARTS.find((p) => p === moderationStep.unpack(r.data)?.arg);
          if (part) draft = withPart(draft, part, await editPart(part, draft[part]));
        }
      }
      const reasonAnswer = await ask({
        text: `${me.text}\n\n${tr("practices-mod-reject-reason")}`,
        rows: [...REJECT_REASONS.map((x) => [{ text: tr(`practices-reason-${x}`), data: b("reason", x) }]), [cancel]],
      });
      const reason = REJECT_REASONS.find((x) => reasonAnswer.kind === "button" && b("reason", x) === reasonAnswer.data);
      if (!reason) throw new Cancelled();
      let comment: string | null = null;
      for (;;) {
        const c = await ask({
          text: tr("practices-mod-reject-comment", { max: MAX_COMMENT_CHARS }),
          rows: [[{ text: tr("practices-mod-no-comment"), data: b("nocomment") }], [cancel]],
          textMax: MAX_COMMENT_CHARS,
        });
        if (c.kind === "button" && c.data === b("cancel")) throw new Cancelled();
        comment = c.kind === "text" ? c.value : null;
        const preview = tr("practices-mod-reject-preview", {
          reason: tr(`practices-reason-${reason}`),
          comment: comment ?? tr("practices-rejected-no-comment"),
        });
        const ok = await ask({
          text: preview,
          rows: [
            [{ text: tr("practices-mod-send-reject"), data: b("send") }],
            [{ text: tr("practices-mod-change-comment"), data: b("again") }],
            [cancel],
          ],
        });
        if (ok.kind !== "button" || ok.data === b("cancel")) throw new Cancelled();
        if (ok.data === b("send")) break;
      }
      const outcome = await decide(() => deps.practices.reject(noteId, reason, comment));
      await done(outcome, "practices-mod-rejected");
    } catch (err) {
      if (!(err instanceof Cancelled || err instanceof DraftExpired || err instanceof NotAllowed)) throw err;
      await conversation.external((octx) => setTextGuard(octx, false));
      await ctx.reply(tr(err instanceof NotAllowed ? "access-not-allowed" : "practices-mod-cancelled"));
    }

    /** A trainer's new text for one part; null when the part is left out (optional parts only). */
    async function editPart(part: Part, current: string | null): Promise<string | null> {
      const rows: Button[][] = [];
      if (part !== REQUIRED_PART && current) rows.push([{ text: tr("practices-leave-out"), data: b("drop") }]);
      rows.push([{ text: tr("practices-keep"), data: b("keep") }]);
      const shown = current ? `\n\n${tr("practices-current", { text: current })}` : "";
      const r = await ask({
        text: tr("practices-mod-edit-prompt", { part: tr(`practices-part-${part}`), max: MAX_PART_CHARS }) + shown,
        rows,
        textMax: MAX_PART_CHARS,
      });
      if (r.kind === "text") return r.value;
      return r.data === b("keep") ? current : null;
    }
  };
}
