// /broadcast (trainers, admins): versions → text (optionally a photo or PDF with caption) → audience with a live
// count → preview exactly as officers will see it → now or later → confirm. Back works at every step; the
// role is checked again on confirm (broadcast-launch.ts). The audience screens live in broadcast-audience.ts, the
// shared input and time helpers in broadcast-input.ts, and BROADCAST_EDIT (time or text of a scheduled one) in broadcast-edit.ts.
import { buildPayload, versionFor } from "../../services/broadcast-message.js";
import {
  ALL_OFFICERS,
  type Audience,
  type Draft,
  type Locale,
  MAX_CAPTION,
  MAX_TEXT,
  type Media,
  type Version,
} from "../../services/broadcasts.js";
import { usefulButton } from "../../services/buttons.js";
import { formatWhen } from "../broadcast-views.js";
import { bc, broadcastStep } from "../buttons.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { translator } from "../i18n.js";
import { classifyError, isTelegramFailure } from "../telegram-error.js";
import { type Button, Cancelled, type Convo, keyboard } from "./ask.js";
import { type AudienceOutcome, type AudienceScreen, askAudience, pickAudience } from "./broadcast-audience.js";
import { askTime, input, sendPayload, show, withNote } from "./broadcast-input.js";
import { launchBroadcast } from "./broadcast-launch.js";

export const BROADCAST = "broadcast";

type Step = "versions" | "km" | "en" | "audience" | "provinces" | "units" | "preview" | "when" | "schedule" | "confirm";

export function createBroadcastConversation(deps: BotDeps) {
  return async function broadcast(conversation: Convo, ctx: ConversationContext) {
    const start = await conversation.external((octx) => ({ locale: octx.member?.locale ?? "km" }));
    const locale: Locale = start.locale === "en" ? "en" : "km";
    const tr = translator(deps.i18n, locale);
    const tz = deps.config.TZ;
    const back: Button = { text: tr("common-back"), data: bc("back") };
    const cancel: Button = { text: tr("broadcast-stop"), data: bc("x") };
    let both = true;
    let km: Version | null = null;
    let en: Version | null = null;
    let media: Media | null = null;
    let audience: Audience = { ...ALL_OFFICERS, provinces: [], unitTypes: [] };
    let urgent = false;
    let when: number | null = null;
    let step: Step = "versions";
    let pressed: ConversationContext | undefined;
    let previewNote: string | undefined;
    const count = () => conversation.external(() => deps.broadcasts.countAudience(audience));
    const screen: AudienceScreen = { conversation, ctx, deps, tr, back };

    /** After a Telegram error: tell the trainer the draft is kept, then retry the step, change the text or stop. */
    async function afterTelegramError(err: unknown, failed: Step): Promise<Step> {
      const { code, method } = classifyError(err);
      await conversation.external((octx) =>
        octx.log.warn({ msg: "broadcast step failed", step: failed, code, method }),
      );
      const rows: Button[][] = [
        [{ text: tr("common-try-again"), data: bc("retry") }],
        [{ text: tr("broadcast-change-text"), data: bc("edit") }],
        [cancel],
      ];
      const again = (before?: string) =>
        ctx
          .reply(withNote(before, tr("broadcast-step-failed")), { reply_markup: keyboard(rows) })
          .catch(() => undefined);
      await again();
      const answer = await input(conversation, { tr, buttons: rows, again });
      if (answer.kind === "button" && answer.data === cancel.data) throw new Cancelled();
      if (answer.kind === "button" && answer.data === bc("edit")) return "versions";
      return failed;
    }

    for (;;) {
      try {
        switch (step) {
          case "versions": {
            const buttons = [
              [{ text: tr("broadcast-versions-both"), data: bc("v", "both") }],
              [{ text: tr("broadcast-versions-one"), data: bc("v", "one") }],
              [cancel],
            ];
            const again = (before?: string) =>
              ctx.reply(withNote(before, tr("broadcast-ask-versions")), { reply_markup: keyboard(buttons) });
            await again();
            const answer = await input(conversation, { tr, buttons, again });
            if (answer.kind !== "button") break;
            if (answer.data === cancel.data) throw new Cancelled();
            both = broadcastStep.unpack(answer.data)?.arg === "both";
            if (!both) en = null;
            step = "km";
            break;
          }
          case "km":
          case "en": {
            // The second version follows the first: a caption for the same photo or PDF, or a text.
            const second: boolean = step === "en";
            const key = second
              ? media
                ? "broadcast-ask-caption-en"
                : "broadcast-ask-text-en"
              : both
                ? "broadcast-ask-text-km"
                : "broadcast-ask-text-one";
            const textMax = second && media ? MAX_CAPTION : MAX_TEXT;
            const buttons = [[back, cancel]];
            const again = (before?: string) =>
              ctx.reply(withNote(before, tr(key, { max: String(textMax) })), { reply_markup: keyboard(buttons) });
            await again();
            const answer = await input(conversation, { tr, buttons, textMax, media: !second, again });
            if (answer.kind === "button") {
              if (answer.data === cancel.data) throw new Cancelled();
              step = second ? "km" : "versions";
              break;
            }
            if (second) en = answer.version;
            else {
              km = answer.version;
              media = answer.kind === "media" ? answer.media : null;
            }
            step = second || !both ? "audience" : "en";
            break;
          }
          case "audience":
          case "provinces":
          case "units": {
            const state = { audience, pressed };
            const next: AudienceOutcome =
              step === "audience" ? await askAudience(screen, state) : await pickAudience(screen, state, step);
            ({ audience, pressed } = next);
            step = next.step === "back" ? (both ? "en" : "km") : next.step;
            break;
          }
          case "preview": {
            // The very messages officers get, one per language; what they are is said in the next question, so the
            // trainer's chat gets two or three messages here, not five (Telegram paces messages to one chat).
            for (const l of (both ? ["km", "en"] : ["km"]) as Locale[]) {
              const button = { text: deps.i18n.t(l, "broadcast-useful"), data: usefulButton.pack({ id: "preview" }) };
              await sendPayload(ctx, buildPayload(versionFor({ km, en }, l), media, button));
            }
            previewNote = tr(both ? "broadcast-preview-above-both" : "broadcast-preview-above-one");
            step = "when";
            break;
          }
          case "when": {
            const n = await count();
            const buttons = [
              [
                { text: tr("broadcast-send-now"), data: bc("now") },
                { text: tr("broadcast-send-later"), data: bc("later") },
              ],
              [
                { text: tr("broadcast-change-text"), data: bc("edit") },
                { text: tr("broadcast-change-audience"), data: bc("aud") },
              ],
              [cancel],
            ];
            const question = withNote(previewNote, tr("broadcast-ask-when", { count: n }));
            previewNote = undefined;
            const again = (before?: string) =>
              ctx.reply(withNote(before, question), { reply_markup: keyboard(buttons) });
            await again();
            const answer = await input(conversation, { tr, buttons, again });
            if (answer.kind !== "button") break;
            // The next screen replaces this one (an edit), rather than adding a message.
            pressed = answer.ctx;
            const action = broadcastStep.unpack(answer.data)?.act;
            if (action === "x") throw new Cancelled();
            if (action === "now") {
              when = null;
              step = "confirm";
            } else if (action === "later") {
              step = "schedule";
              pressed = undefined; // the time question comes as a new message
            } else if (action === "edit") step = "versions";
            else if (action === "aud") step = "audience";
            break;
          }
          case "schedule": {
            const at = await askTime(conversation, ctx, deps, tr, locale);
            if (at === null) step = "when";
            else {
              when = at;
              step = "confirm";
            }
            break;
          }
          case "confirm": {
            const n = await count();
            const { start: qs, end: qe } = deps.config.QUIET_HOURS;
            const rows: Button[][] = [
              [{ text: tr("broadcast-confirm-button"), data: bc("ok") }],
              [{ text: `${urgent ? "✅" : "☐"} ${tr("broadcast-urgent")}`, data: bc("urg") }],
              [back, cancel],
            ];
            const text = tr("broadcast-confirm", {
              count: n,
              when: when === null ? tr("broadcast-now") : formatWhen(new Date(when), locale, tz),
              quiet: urgent ? tr("broadcast-quiet-ignored") : tr("broadcast-quiet-respected", { start: qs, end: qe }),
            });
            await show(ctx, text, rows, pressed);
            const answer = await input(conversation, {
              tr,
              buttons: rows,
              again: (before) => show(ctx, withNote(before, text), rows),
            });
            pressed = answer.kind === "button" ? answer.ctx : undefined;
            if (answer.kind !== "button") break;
            const action = broadcastStep.unpack(answer.data)?.act;
            if (action === "x") throw new Cancelled();
            if (action === "urg") {
              urgent = !urgent;
              break;
            }
            pressed = undefined;
            if (action === "back") {
              step = "when";
              break;
            }
            if (!km) {
              step = "versions";
              break;
            }
            const draft: Draft = { km, en: both ? en : null, media, audience, urgent };
            await launchBroadcast(
              { conversation, ctx, deps, tr, locale, draft, scheduledAt: when, count: n },
              answer.ctx,
            );
            return;
          }
        }
      } catch (err) {
        // A Telegram error in a step (a photo Telegram will not send, a message it refuses, an outage) must not
        // end the conversation: the draft lives in it. Say so, and let the trainer try the step again.
        if (err instanceof Cancelled || !isTelegramFailure(err)) throw err;
        step = await afterTelegramError(err, step);
        pressed = undefined;
      }
    }
  };
}
