// A trainer's own tip, from /tips → ➕ Add: topic → Khmer text → English text → preview exactly as officers will
// see it, in both languages → Save or Cancel. Texts with names, numbers or places are refused, not scrubbed: a tip
// goes to every officer. The role is checked again when saving; the tip lives in the database only.
import { KHMER_SCRIPT, MAX_TIP_CHARS } from "../../content/tips.js";
import type { Role } from "../../db/repositories/members.js";
import type { TipRecord } from "../../db/repositories/tips.js";
import { containsIdentifiers } from "../../services/scrubber.js";
import { addTipButton } from "../buttons.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { deny, hasRole } from "../filters/roles.js";
import { type Locale, type Translate, translator } from "../i18n.js";
import { setTextGuard, takeTextFindings } from "../middlewares/text-guard.js";
import { ask, type Button, Cancelled, type Convo, choose } from "./ask.js";

export const ADD_TIP = "add-tip";
const TRAINERS: readonly Role[] = ["trainer", "admin"];

export function createAddTip(deps: BotDeps) {
  return async function addTip(conversation: Convo, ctx: ConversationContext) {
    const start = await conversation.external(async (octx) => {
      const allowed = hasRole(octx, TRAINERS);
      if (!allowed) await deny(octx, "tips.add");
      return { allowed, locale: octx.member?.locale ?? "km", topics: await deps.tips.topics() };
    });
    if (!start.allowed) return;
    const locale: Locale = start.locale === "en" ? "en" : "km";
    const tr = translator(deps.i18n, locale);
    const cancel: Button = { text: tr("common-cancel"), data: addTipButton.pack({ act: "x" }) };

    const topicRows = start.topics.map((t) => [
      { text: locale === "en" ? t.nameEn : t.nameKm, data: addTipButton.pack({ act: "t", id: t.id }) },
    ]);
    const picked = await choose(conversation, ctx, { tr, text: tr("tips-add-topic"), rows: [...topicRows, [cancel]] });
    const topic = start.topics.find((t) => addTipButton.pack({ act: "t", id: t.id }) === picked);
    if (!topic) throw new Cancelled();

    const textKm = await askText(conversation, ctx, tr, cancel, tr("tips-add-km", { max: MAX_TIP_CHARS }), true);
    const textEn = await askText(conversation, ctx, tr, cancel, tr("tips-add-en", { max: MAX_TIP_CHARS }), false);

    const draft: TipRecord = {
      id: "preview",
      topicId: topic.id,
      topicKm: topic.nameKm,
      topicEn: topic.nameEn,
      textKm,
      textEn,
      source: "trainer",
      quiz: null,
      origin: "trainer",
      archived: false,
    };
    // The preview of both versions and the question in ONE message (four at once would be paced by Telegram).
    const preview = [
      tr("tips-add-preview"),
      deps.tips.message(draft, "km").text,
      deps.tips.message(draft, "en").text,
      tr("tips-add-confirm"),
    ].join("\n\n");
    const save: Button = { text: tr("tips-add-save"), data: addTipButton.pack({ act: "save" }) };
    const decision = await choose(conversation, ctx, { tr, text: preview, rows: [[save, cancel]] });
    if (decision !== save.data) throw new Cancelled();

    const saved = await conversation.external(async (octx) => {
      // Roles can change while someone writes: the server decides again at the last step.
      if (!octx.pseudonym || !hasRole(octx, TRAINERS)) {
        await deny(octx, "tips.add");
        return false;
      }
      await deps.tips.add({ topicId: topic.id, textKm, textEn, createdBy: octx.pseudonym });
      return true;
    });
    if (saved) await ctx.reply(tr("tips-add-saved"));
  };
}

/**
 * Asks for one version of the tip until it is usable: Khmer script where asked, and no identifying details.
 * While the question is open the text guard scrubs what is typed before this conversation stores it, so a
 * refused text (a child's name, a number) never sits in the stored draft; what the guard removed is the reason
 * to refuse.
 */
async function askText(
  conversation: Convo,
  ctx: ConversationContext,
  tr: Translate,
  cancel: Button,
  prompt: string,
  khmer: boolean,
): Promise<string> {
  for (;;) {
    await conversation.external((octx) => setTextGuard(octx, true));
    let answer: Awaited<ReturnType<typeof ask>>;
    let found = { removed: [] as unknown[] };
    try {
      answer = await ask(conversation, ctx, { tr, text: prompt, rows: [[cancel]], textMaxLength: MAX_TIP_CHARS });
    } finally {
      // Off again whatever happened (an answer, /cancel), so no other flow's text is scrubbed.
      found = await conversation.external((octx) => {
        const findings = takeTextFindings(octx);
        setTextGuard(octx, false);
        return findings;
      });
    }
    if (answer.kind === "button") throw new Cancelled();
    const text = answer.value.trim();
    if (khmer && !KHMER_SCRIPT.test(text)) await ctx.reply(tr("tips-add-need-khmer"));
    else if (found.removed.length || containsIdentifiers(text)) await ctx.reply(tr("tips-add-identifiers"));
    else if (text) return text;
  }
}
