// Buttons for choosing how often and when tips come; shared by onboarding's last step and /settings.
import type { TipFrequency } from "../../db/repositories/members.js";
import { TIP_FREQUENCIES, TIP_TIMES } from "../../services/tip-schedule.js";
import { cb } from "../callback-data.js";
import type { Button } from "../conversations/ask.js";
import type { Translate } from "../i18n.js";

const mark = (on: boolean) => (on ? "✅ " : "");

export function frequencyRows(tr: Translate, current: TipFrequency, ns: string): Button[][] {
  return TIP_FREQUENCIES.map((f) => [{ text: `${mark(f === current)}${tr(`tips-freq-${f}`)}`, data: cb(ns, "f", f) }]);
}

export function timeRows(current: string, ns: string, frequency: TipFrequency): Button[][] {
  const buttons = TIP_TIMES.map((t) => ({ text: `${mark(t === current)}${t}`, data: cb(ns, "t", frequency, t) }));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 4) rows.push(buttons.slice(i, i + 4));
  return rows;
}
