// BROADCAST_EDIT: changes the time or a text of a broadcast that has not started yet, from the buttons of
// /broadcasts. The role is checked again when the change is saved.
import type { Role } from "../../db/repositories/members.js";
import { type Locale, MAX_CAPTION, MAX_TEXT } from "../../services/broadcasts.js";
import { formatWhen } from "../broadcast-views.js";
import { bc } from "../buttons.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { translator } from "../i18n.js";
import { Cancelled, type Convo, keyboard } from "./ask.js";
import { askTime, input, withNote } from "./broadcast-input.js";

export const BROADCAST_EDIT = "broadcast-edit";
const TRAINERS: readonly Role[] = ["trainer", "admin"];

/** Changes the time ("time") or a text ("km", "en") of a broadcast that has not started yet. */
export function createBroadcastEdit(deps: BotDeps) {
  return async function broadcastEdit(conversation: Convo, ctx: ConversationContext, id: string, field: string) {
    const info = await conversation.external(async (octx) => {
      const b = await deps.broadcasts.get(String(id));
      return {
        locale: octx.member?.locale === "en" ? ("en" as const) : ("km" as const),
        open: b?.status === "scheduled",
        media: Boolean(b?.media),
        both: Boolean(b?.en),
      };
    });
    const tr = translator(deps.i18n, info.locale);
    if (!info.open) {
      await ctx.reply(tr("broadcast-too-late"));
      return;
    }
    try {
      if (field === "time") {
        const at = await askTime(conversation, ctx, deps, tr, info.locale);
        if (at === null) {
          await ctx.reply(tr("common-cancelled"));
          return;
        }
        const ok = await conversation.external((octx) =>
          hasTrainerRole(octx.member) ? deps.broadcasts.reschedule(id, new Date(at)) : false,
        );
        await ctx.reply(
          ok
            ? tr("broadcast-rescheduled", { when: formatWhen(new Date(at), info.locale, deps.config.TZ) })
            : tr("broadcast-too-late"),
        );
        return;
      }
      const locale: Locale = field === "en" ? "en" : "km";
      const textMax = info.media ? MAX_CAPTION : MAX_TEXT;
      const key = info.both ? `broadcast-ask-new-text-${locale}` : "broadcast-ask-new-text-one";
      const buttons = [[{ text: tr("broadcast-stop"), data: bc("x") }]];
      const again = (before?: string) =>
        ctx.reply(withNote(before, tr(key, { max: String(textMax) })), { reply_markup: keyboard(buttons) });
      await again();
      const answer = await input(conversation, { tr, buttons, textMax, again });
      if (answer.kind !== "text") throw new Cancelled();
      const ok = await conversation.external((octx) =>
        hasTrainerRole(octx.member) ? deps.broadcasts.editText(id, locale, answer.version) : false,
      );
      await ctx.reply(ok ? tr("broadcast-text-changed") : tr("broadcast-too-late"));
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
      await ctx.reply(tr("common-cancelled"));
    }
  };
}

function hasTrainerRole(member: { enrolled: boolean; role: Role } | null): boolean {
  return !!member?.enrolled && TRAINERS.includes(member.role);
}
