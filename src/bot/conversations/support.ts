// Asking for a peer supporter (domain.md §c). Nothing reaches a supporter without the officer's explicit consent,
// and only what they agree to share: "only that I'd like to talk", or a short note they see scrubbed before it is
// sent. Used inline by the check-in (after crisis words) and as its own conversation (the "Talk to a peer
// supporter" button after a hard week, or from /progress).
import { MAX_NOTE_CHARS } from "../../services/checkins.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Locale, translator } from "../i18n.js";
import { setTextGuard } from "../middlewares/text-guard.js";
import { contactList, crisisText } from "../wellbeing-replies.js";
import { Cancelled, type Convo } from "./ask.js";
import { createFlow, type Flow } from "./flow.js";

export const SUPPORT = "support";

export interface SupportInput {
  deps: BotDeps;
  conversation: Convo;
  ctx: ConversationContext;
  flow: Flow;
  locale: Locale;
  pseudonym: string;
  step: "peer" | "crisis";
  /** After crisis words, first ask whether a person may get in touch at all. */
  askFirst: boolean;
}

export async function supportFlow(s: SupportInput): Promise<void> {
  const { flow, ctx, conversation, deps } = s;
  const tr = translator(deps.i18n, s.locale);
  const notSent = () => ctx.reply(tr("wellbeing-not-sent"));
  if (s.askFirst) {
    const yes = await flow.choose({
      text: tr("wellbeing-crisis-offer"),
      cancel: false,
      rows: [
        [{ text: tr("wellbeing-crisis-yes"), data: flow.data("sup", "yes") }],
        [{ text: tr("wellbeing-crisis-no"), data: flow.data("sup", "no") }],
      ],
    });
    if (yes !== flow.data("sup", "yes")) return void (await notSent());
  }
  const share = await flow.choose({
    text: tr("wellbeing-share"),
    cancel: false,
    rows: [
      [{ text: tr("wellbeing-share-nothing"), data: flow.data("sup", "nothing") }],
      [{ text: tr("wellbeing-share-note"), data: flow.data("sup", "note") }],
      [{ text: tr("wellbeing-share-cancel"), data: flow.data("sup", "none") }],
    ],
  });
  if (share === flow.data("sup", "none")) return void (await notSent());
  let note: string | null = null;
  if (share === flow.data("sup", "note")) {
    const written = await flow.freeText("note", tr("wellbeing-note-prompt"), MAX_NOTE_CHARS, false);
    note = written === "skip" ? null : written;
  }
  const sent = await conversation.external(() => deps.checkins.requestSupport(s.pseudonym, note, s.step));
  await ctx.reply(
    sent
      ? tr("wellbeing-sent")
      : tr("wellbeing-no-supporter", { contacts: contactList(deps.wellbeingContent, s.locale, "support") }),
  );
}

/** The stand-alone conversation, entered from a "Talk to a peer supporter" button. */
export function createSupport(deps: BotDeps) {
  return async function support(conversation: Convo, ctx: ConversationContext) {
    const me = await conversation.external((octx) => {
      setTextGuard(octx, true);
      return { pseudonym: octx.pseudonym ?? "", locale: octx.member?.locale ?? "km" };
    });
    const tr = translator(deps.i18n, me.locale);
    const id = Math.floor((await conversation.random()) * 36 ** 6).toString(36);
    const flow = createFlow(conversation, ctx, {
      tr,
      prefix: `sp:${id}`,
      content: deps.wellbeingContent,
      // Already asking for a person: crisis words here get the crisis contacts at once, then the flow goes on.
      onCrisis: async () => {
        await conversation.external(() => deps.events.record(me.pseudonym, "escalation.offered", { step: "crisis" }));
        await ctx.reply(crisisText(tr, deps.wellbeingContent, me.locale));
      },
    });
    try {
      await supportFlow({
        deps,
        conversation,
        ctx,
        flow,
        locale: me.locale,
        pseudonym: me.pseudonym,
        step: "peer",
        askFirst: false,
      });
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
      await ctx.reply(tr("wellbeing-not-sent"));
    }
    await conversation.external((octx) => setTextGuard(octx, false));
  };
}
