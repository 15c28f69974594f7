// /start for someone not yet enrolled: language → welcome → privacy notice → invite code → province →
// unit type → main menu. Back on every step; resumable after a restart (state lives in Postgres). What it stores
// on the way (consent, a refusal, an invite code) is in onboarding-records.ts.
import type { Role, TipFrequency, UnitType } from "../../db/repositories/members.js";
import { ANONYMOUS } from "../../domain/events.js";
import { isProvince, isUnitType, PROVINCES, UNIT_TYPES } from "../../domain/provinces.js";
import { MAX_INVITE_INPUT } from "../../services/enrolment.js";
import { DEFAULT_TIP_FREQUENCY, DEFAULT_TIP_TIME, isTipFrequency, isTipTime } from "../../services/tip-schedule.js";
import { onboardingButton } from "../buttons.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Locale, translator } from "../i18n.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { frequencyRows, type TipChoiceData, timeRows } from "../keyboards/tip-preferences.js";
import { INVITE_TOO_LONG } from "../middlewares/text-guard.js";
import { ask, type Button, type Convo, choose, grid } from "./ask.js";
import { declineConsent, giveConsent, redeemInvite } from "./onboarding-records.js";

type Act = Parameters<typeof onboardingButton.pack>[0]["act"];
const ob = (act: Act, value?: string) => onboardingButton.pack({ act, value });
const tipChoice: TipChoiceData = {
  frequency: (f) => onboardingButton.pack({ act: "f", value: f }),
  time: (f, hh, mm) => onboardingButton.pack({ act: "t", value: f, hh, mm }),
};

export const ONBOARDING = "onboarding";

type Step = "language" | "welcome" | "privacy" | "invite" | "province" | "unit" | "tipfreq" | "tiptime" | "done";

export function createOnboarding(deps: BotDeps) {
  return async function onboarding(conversation: Convo, ctx: ConversationContext) {
    const start = await conversation.external((octx) => ({
      locale: octx.i18n ? (octx.member?.locale ?? octx.session.locale) : undefined,
      fromTelegram: octx.from?.language_code?.toLowerCase().startsWith("en") ? "en" : "km",
      isAdmin: octx.from ? deps.config.ADMIN_TELEGRAM_IDS.includes(octx.from.id) : false,
    }));
    let locale: Locale = (start.locale ?? start.fromTelegram) as Locale;
    let role: Role = start.isAdmin ? "admin" : "officer";
    let invitedBy: string | undefined;
    let province = "";
    let unitType: UnitType = "other";
    let tipFrequency: TipFrequency = DEFAULT_TIP_FREQUENCY;
    let tipTime: string = DEFAULT_TIP_TIME;
    let step: Step = "language";
    // After a wrong code the error itself is the next question (one message, with Back), not error + prompt.
    let inviteRetry: string | undefined;
    await conversation.external(() => deps.events.record(ANONYMOUS, "onboarding.started", { locale }));

    while (step !== "done") {
      const tr = translator(deps.i18n, locale);
      const back: Button = { text: tr("common-back"), data: ob("back") };
      switch (step) {
        case "language": {
          const mark = (l: Locale) => (l === locale ? "✅ " : "");
          const picked = await choose(conversation, ctx, {
            tr,
            text: `${deps.i18n.t("km", "onboarding-choose-language")}\n${deps.i18n.t("en", "onboarding-choose-language")}`,
            rows: [
              [
                { text: `${mark("km")}${tr("language-name-km")}`, data: ob("lang", "km") },
                { text: `${mark("en")}${tr("language-name-en")}`, data: ob("lang", "en") },
              ],
            ],
          });
          locale = onboardingButton.unpack(picked)?.value === "en" ? "en" : "km";
          await conversation.external((octx) => {
            octx.session.locale = locale;
          });
          step = "welcome";
          break;
        }
        case "welcome": {
          const picked = await choose(conversation, ctx, {
            tr,
            text: tr("onboarding-welcome"),
            rows: [[back, { text: tr("common-continue"), data: ob("next") }]],
          });
          step = picked === back.data ? "language" : "privacy";
          break;
        }
        case "privacy": {
          const picked = await choose(conversation, ctx, {
            tr,
            text: tr("onboarding-privacy", { days: deps.config.FREE_TEXT_RETENTION_DAYS }),
            rows: [
              [{ text: tr("onboarding-agree"), data: ob("agree") }],
              [back, { text: tr("onboarding-disagree"), data: ob("disagree") }],
            ],
          });
          if (picked === back.data) {
            step = "welcome";
            break;
          }
          if (picked === ob("disagree")) {
            await conversation.external((octx) => declineConsent(deps, octx));
            await ctx.reply(tr("onboarding-declined"));
            return;
          }
          await conversation.external((octx) => giveConsent(deps, octx, locale));
          step = start.isAdmin ? "province" : "invite";
          break;
        }
        case "invite": {
          // The code someone types arrives already replaced by its keyed hash (middlewares/text-guard.ts), so
          // this conversation's stored state never holds it.
          const answer = await ask(conversation, ctx, {
            tr,
            text: inviteRetry ?? tr("onboarding-ask-invite"),
            rows: [[back]],
            textMaxLength: 100,
            nudgeKey: "onboarding-invite-nudge",
          });
          if (answer.kind === "button") {
            inviteRetry = undefined;
            step = "privacy";
            break;
          }
          if (answer.value === INVITE_TOO_LONG) {
            inviteRetry = `${tr("common-text-too-long", { max: MAX_INVITE_INPUT })}\n\n${tr("onboarding-ask-invite")}`;
            break;
          }
          const result = await conversation.external((octx) => redeemInvite(deps, octx, answer.value));
          if (result.ok) {
            role = result.role;
            invitedBy = result.invitedBy;
            step = "province";
          } else {
            inviteRetry =
              result.reason === "locked"
                ? tr("onboarding-invite-locked", { minutes: result.minutesLeft })
                : tr(`onboarding-invite-${result.reason}`);
          }
          break;
        }
        case "province": {
          const buttons = PROVINCES.map((p) => ({ text: tr(`province-${p}`), data: ob("prov", p) }));
          const picked = await choose(conversation, ctx, {
            tr,
            text: tr("onboarding-ask-province"),
            rows: [...grid(buttons, 2), [back]],
          });
          if (picked === back.data) {
            step = start.isAdmin ? "privacy" : "invite";
            break;
          }
          const code = onboardingButton.unpack(picked)?.value ?? "";
          if (isProvince(code)) {
            province = code;
            step = "unit";
          }
          break;
        }
        case "unit": {
          const buttons = UNIT_TYPES.map((u) => [{ text: tr(`unit-${u}`), data: ob("unit", u) }]);
          const picked = await choose(conversation, ctx, {
            tr,
            text: tr("onboarding-ask-unit"),
            rows: [...buttons, [back]],
          });
          if (picked === back.data) {
            step = "province";
            break;
          }
          const code = onboardingButton.unpack(picked)?.value ?? "";
          if (isUnitType(code)) {
            unitType = code;
            step = "tipfreq";
          }
          break;
        }
        case "tipfreq": {
          const picked = await choose(conversation, ctx, {
            tr,
            text: tr("tips-ask-frequency"),
            rows: [...frequencyRows(tr, tipFrequency, tipChoice), [back]],
          });
          if (picked === back.data) {
            step = "unit";
            break;
          }
          const f = onboardingButton.unpack(picked)?.value ?? "";
          if (isTipFrequency(f)) {
            tipFrequency = f;
            step = f === "paused" ? "done" : "tiptime";
          }
          break;
        }
        case "tiptime": {
          const picked = await choose(conversation, ctx, {
            tr,
            text: tr("tips-ask-time"),
            rows: [...timeRows(tipTime, tipChoice, tipFrequency), [back]],
          });
          if (picked === back.data) {
            step = "tipfreq";
            break;
          }
          const v = onboardingButton.unpack(picked);
          const t = `${v?.hh}:${v?.mm}`;
          if (isTipTime(t)) {
            tipTime = t;
            step = "done";
          }
          break;
        }
      }
    }

    const tr = translator(deps.i18n, locale);
    await conversation.external(async (octx) => {
      if (!octx.pseudonym) return;
      await deps.members.enrol(octx.pseudonym, { role, province, unitType, invitedBy });
      await deps.members.update(octx.pseudonym, { tipFrequency, tipTime });
      await deps.events.record(octx.pseudonym, "enrol.completed", { role, province, unitType, locale });
      octx.session.locale = undefined;
      if (octx.chat) await deps.commands.applyForChat(octx.chat.id, role);
    });
    await ctx.reply(tr("onboarding-done", { role: tr(`role-${role}`) }), { reply_markup: mainMenuKeyboard(role, tr) });
  };
}
