// The audience steps of /broadcast: the filter screen (provinces, unit types, language, inactivity, trainers)
// with a live count of who would receive it, and the province and unit-type pickers it opens.

import { isProvince, isUnitType, PROVINCES, UNIT_TYPES } from "../../domain/provinces.js";
import { type Audience, INACTIVE_STEPS } from "../../services/broadcasts.js";
import { audienceSummary } from "../broadcast-views.js";
import { bc, broadcastStep } from "../buttons.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import type { Translate } from "../i18n.js";
import { type Button, type Convo, grid } from "./ask.js";
import { input, show, withNote } from "./broadcast-input.js";

export type AudienceStep = "audience" | "provinces" | "units";

export interface AudienceState {
  audience: Audience;
  /** The screen whose button was pressed last: the next screen edits it instead of sending a new one. */
  pressed: ConversationContext | undefined;
}

/** Where to go next: another audience step, "back" to the texts, or on to the "preview". */
export interface AudienceOutcome extends AudienceState {
  step: AudienceStep | "back" | "preview";
}

export interface AudienceScreen {
  conversation: Convo;
  ctx: ConversationContext;
  deps: BotDeps;
  tr: Translate;
  back: Button;
}

const countOf = (s: AudienceScreen, audience: Audience) =>
  s.conversation.external(() => s.deps.broadcasts.countAudience(audience));

/** The filter screen: each button changes one filter or opens a picker; Continue needs at least one recipient. */
export async function askAudience(s: AudienceScreen, state: AudienceState): Promise<AudienceOutcome> {
  const { conversation, ctx, tr, back } = s;
  let { audience } = state;
  let step: AudienceOutcome["step"] = "audience";
  const n = await countOf(s, audience);
  const rows: Button[][] = [
    [
      { text: tr("broadcast-filter-provinces", { n: audience.provinces.length }), data: bc("prov") },
      { text: tr("broadcast-filter-units", { n: audience.unitTypes.length }), data: bc("units") },
    ],
    [
      {
        text: tr("broadcast-filter-language", {
          value: audience.locale ? tr(`language-name-${audience.locale}`) : tr("broadcast-all"),
        }),
        data: bc("lang"),
      },
      {
        text: audience.inactiveDays
          ? tr("broadcast-filter-inactive-days", { days: audience.inactiveDays })
          : tr("broadcast-filter-inactive-any"),
        data: bc("ina"),
      },
    ],
    [
      {
        text: `${audience.includeTrainers ? "✅" : "☐"} ${tr("broadcast-filter-trainers")}`,
        data: bc("tr"),
      },
    ],
    [back, { text: tr("common-continue"), data: bc("next") }],
  ];
  const text = `${tr("broadcast-ask-audience")}\n\n${audienceSummary(tr, audience)}\n\n${tr("broadcast-count", { count: n })}`;
  await show(ctx, text, rows, state.pressed);
  const answer = await input(conversation, {
    tr,
    buttons: rows,
    again: (before) => show(ctx, withNote(before, text), rows),
  });
  let pressed = answer.kind === "button" ? answer.ctx : undefined;
  if (answer.kind !== "button") return { step, audience, pressed };
  const action = broadcastStep.unpack(answer.data)?.act;
  if (action === "back") {
    pressed = undefined;
    step = "back";
  } else if (action === "prov") step = "provinces";
  else if (action === "units") step = "units";
  else if (action === "lang") {
    audience = {
      ...audience,
      locale: audience.locale === null ? "km" : audience.locale === "km" ? "en" : null,
    };
  } else if (action === "ina") {
    const i = INACTIVE_STEPS.indexOf(audience.inactiveDays as (typeof INACTIVE_STEPS)[number]);
    audience = { ...audience, inactiveDays: INACTIVE_STEPS[(i + 1) % INACTIVE_STEPS.length] ?? null };
  } else if (action === "tr") audience = { ...audience, includeTrainers: !audience.includeTrainers };
  else if (action === "next") {
    if (n === 0) {
      await ctx.reply(tr("broadcast-nobody"));
      pressed = undefined;
    } else {
      pressed = undefined;
      step = "preview";
    }
  }
  return { step, audience, pressed };
}

/** The province or unit-type picker: toggles, "All" clears the choice, Done goes back to the filter screen. */
export async function pickAudience(
  s: AudienceScreen,
  state: AudienceState,
  which: "provinces" | "units",
): Promise<AudienceOutcome> {
  const { conversation, ctx, tr } = s;
  let { audience } = state;
  let step: AudienceOutcome["step"] = which;
  const isProv = which === "provinces";
  const chosen: string[] = isProv ? audience.provinces : audience.unitTypes;
  const mark = (v: string) => (chosen.includes(v) ? "✅ " : "");
  const options: Button[] = isProv
    ? PROVINCES.map((p) => ({ text: `${mark(p)}${tr(`province-${p}`)}`, data: bc("p", p) }))
    : UNIT_TYPES.map((u) => ({ text: `${mark(u)}${tr(`unit-${u}`)}`, data: bc("u", u) }));
  const rows = [
    ...grid(options, isProv ? 2 : 1),
    [
      { text: tr("broadcast-all"), data: bc("clr") },
      { text: tr("broadcast-done"), data: bc("done") },
    ],
  ];
  const n = await countOf(s, audience);
  const text = `${tr(isProv ? "broadcast-pick-provinces" : "broadcast-pick-units")}\n${tr("broadcast-count", { count: n })}`;
  await show(ctx, text, rows, state.pressed);
  const answer = await input(conversation, {
    tr,
    buttons: rows,
    again: (before) => show(ctx, withNote(before, text), rows),
  });
  const pressed = answer.kind === "button" ? answer.ctx : undefined;
  if (answer.kind !== "button") return { step, audience, pressed };
  const { act: action, arg: value = "" } = broadcastStep.unpack(answer.data) ?? { act: "", arg: "" };
  const toggle = <T extends string>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  if (action === "done") step = "audience";
  else if (action === "clr")
    audience = {
      ...audience,
      provinces: isProv ? [] : audience.provinces,
      unitTypes: isProv ? audience.unitTypes : [],
    };
  else if (action === "p" && isProvince(value))
    audience = { ...audience, provinces: toggle(audience.provinces, value) };
  else if (action === "u" && isUnitType(value))
    audience = { ...audience, unitTypes: toggle(audience.unitTypes, value) };
  return { step, audience, pressed };
}
