// Asking for a person after crisis words in a check-in (domain.md §c). Nothing reaches anyone without the
// officer's explicit yes; then Mitt asks for an anonymous peer conversation (src/services/peer-connect.ts:
// supporters see only an alias, never who asked) and says truthfully who was told and when, with the
// external contacts whenever no supporter can see the request at once. Elsewhere (/peer, the menu, the
// wellbeing ladder) the same request starts from the consent card (src/bot/peer-views.ts).
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Locale, translator } from "../i18n.js";
import { externalContacts, requestOutcomeText } from "../peer-views.js";
import type { Convo } from "./ask.js";
import type { Flow } from "./flow.js";

export interface SupportInput {
  /** Shown above the question, in the same message (the crisis contacts): one message, never late. */
  before: string;
  deps: BotDeps;
  conversation: Convo;
  ctx: ConversationContext;
  flow: Flow;
  locale: Locale;
  pseudonym: string;
}

/** Asks, and returns what to tell the officer (put in front of the next message of the flow, not sent alone). */
export async function supportFlow(s: SupportInput): Promise<string> {
  const { flow, conversation, deps } = s;
  const tr = translator(deps.i18n, s.locale);
  const yes = await flow.choose({
    text: `${s.before}\n\n${tr("wellbeing-crisis-offer")}\n\n${tr("peer-crisis-how")}`,
    cancel: false,
    rows: [
      [{ text: tr("wellbeing-crisis-yes"), data: flow.data("sup", "yes") }],
      [{ text: tr("wellbeing-crisis-no"), data: flow.data("sup", "no") }],
    ],
  });
  if (yes !== flow.data("sup", "yes")) return tr("wellbeing-not-sent");
  const outcome = await conversation.external(() => deps.peer.request(s.pseudonym, "crisis"));
  return requestOutcomeText(tr, outcome, externalContacts(deps.wellbeingContent, s.locale));
}
