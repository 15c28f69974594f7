// Question helper for the practice-sharing and moderation conversations. Like flow.ts, with what notes for other
// people need: photos, files, voice, video and stickers are refused with the reason (nothing from a case may enter
// Mitt), forwarded messages too (they carry someone else's words and identity); text arrives scrubbed by the text
// guard and is scrubbed again; crisis words run `onCrisis` (and the text is not taken as an answer); `allowed` re-checks a role on every update.
// Text that the guard did not see (it switches itself off after a day) ends the conversation at once, so the
// original never stays in the stored conversation state.
import type { Message } from "grammy/types";
import { wellbeingButton } from "../../services/buttons.js";
import { mentionsCrisis } from "../../services/crisis.js";
import { type ScrubKind, scrub } from "../../services/scrubber.js";
import type { WellbeingContent } from "../../services/wellbeing-content.js";
import type { ConversationContext } from "../context.js";
import type { Translate } from "../i18n.js";
import { setTextGuard } from "../middlewares/text-guard.js";
import { type Button, Cancelled, type Convo, keyboard } from "./ask.js";
import { repeatedPress } from "./presses.js";

/** The conversation sat idle past the text guard's lifetime: it ends, keeping nothing. */
export class DraftExpired extends Error {}
/** The person lost the role this conversation needs (checked on every update). */
export class NotAllowed extends Error {}

export interface NoteQuestion {
  text: string;
  rows: Button[][];
  /** Accept typed text (scrubbed) up to this many characters. */
  textMax?: number;
}

export type NoteReply = { kind: "button"; data: string } | { kind: "text"; value: string; removed: ScrubKind[] };

export interface NoteAskOptions {
  tr: Translate;
  content: WellbeingContent;
  /** True for this run's own buttons (an old run's are "no longer active"). */
  mine: (data: string) => boolean;
  /** Shown when another feature's button or a command arrives. */
  busyKey: string;
  /** Runs the crisis path; what it returns is put in front of the same question, asked again. */
  onCrisis?: () => Promise<string | undefined>;
  /** Re-checks the person's role on every update (moderation); false ends the conversation. */
  allowed?: () => Promise<boolean>;
}

const FILES = ["photo", "document", "video", "voice", "audio", "video_note", "animation"] as const;

/** Why a message that is neither text nor a button is refused (a Fluent key). */
function refusal(m: Message): string {
  if (m.forward_origin) return "practices-refused-forward";
  if (FILES.some((k) => m[k] !== undefined)) return "practices-refused-media";
  if (m.sticker) return "practices-refused-sticker";
  return "practices-refused-other";
}

export function createNoteAsk(conversation: Convo, ctx: ConversationContext, o: NoteAskOptions) {
  const send = (q: NoteQuestion, before?: string) =>
    ctx.reply(before ? `${before}\n\n${q.text}` : q.text, q.rows.length ? { reply_markup: keyboard(q.rows) } : {});

  return async function ask(q: NoteQuestion, sendFirst = true): Promise<NoteReply> {
    const allowed = new Set(q.rows.flat().map((b) => b.data));
    if (sendFirst) await send(q);
    for (;;) {
      const next = await conversation.wait();
      if (repeatedPress(conversation, next)) continue;
      // What the guard found in this update (null: it did not see it), and keep the guard on while the draft lives.
      const found = await conversation.external((octx) => {
        const last = octx.session.textGuard?.last;
        setTextGuard(octx, true);
        return last ? { crisis: last.crisis, removed: last.removed } : null;
      });
      if (o.allowed && !(await o.allowed())) {
        if (next.callbackQuery) await next.answerCallbackQuery();
        throw new NotAllowed();
      }
      const pressed = next.callbackQuery?.data;
      if (next.callbackQuery) {
        if (pressed && allowed.has(pressed)) {
          await next.answerCallbackQuery();
          return { kind: "button", data: pressed };
        }
        // Stateless wellbeing buttons (a stress answer, a supporter's "I can talk") work here too.
        const wellbeing = wellbeingButton.unpack(pressed);
        if (wellbeing && wellbeing.act !== "peer") await conversation.skip({ next: true });
        const mine = pressed !== undefined && o.mine(pressed);
        await next.answerCallbackQuery({ text: o.tr(mine ? "common-button-expired" : o.busyKey) });
        continue;
      }
      const m = next.message;
      if (!m) continue;
      const text = m.text;
      if (text === undefined) {
        await send(q, o.tr(refusal(m)));
        continue;
      }
      const command = text.startsWith("/") ? text.slice(1).split(/[\s@]/)[0] : undefined;
      if (command === "cancel") throw new Cancelled();
      if (command !== undefined) {
        await send(q, o.tr(o.busyKey));
        continue;
      }
      if (!found) throw new DraftExpired();
      // A note goes to other people: words written in distress are not taken as its text. Contacts first, then the
      // same question again.
      if ((found.crisis || mentionsCrisis(text, o.content.crisisWords)) && o.onCrisis) {
        await send(q, await o.onCrisis());
        continue;
      }
      if (q.textMax === undefined) {
        await send(q, o.tr("common-use-buttons"));
        continue;
      }
      const kept = scrub(text);
      const value = kept.text.trim();
      if (!value) {
        await send(q);
        continue;
      }
      if (value.length > q.textMax) {
        await send(q, o.tr("common-text-too-long", { max: q.textMax }));
        continue;
      }
      return { kind: "text", value, removed: [...new Set([...found.removed, ...kept.removed])] };
    }
  };
}

export type NoteAsk = ReturnType<typeof createNoteAsk>;
