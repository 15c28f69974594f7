// Buttons for choosing how often and when tips come; shared by onboarding's last step and /settings.
import type { TipFrequency } from "../../db/repositories/members.js";
import { TIP_FREQUENCIES, TIP_TIMES } from "../../services/tip-schedule.js";
import type { Button } from "../conversations/ask.js";
import type { Translate } from "../i18n.js";

const mark = (on: boolean) => (on ? "✅ " : "");

/** How a choice becomes button data (onboarding and /settings have their own codecs). */
export interface TipChoiceData {
  frequency(f: TipFrequency): string;
  /** `hh` and `mm` of the time ("08", "00"). */
  time(f: TipFrequency, hh: string, mm: string): string;
}

export function frequencyRows(tr: Translate, current: TipFrequency, data: TipChoiceData): Button[][] {
  return TIP_FREQUENCIES.map((f) => [
    { text: `${mark(f === current)}${tr(`tips-freq-${f}`)}`, data: data.frequency(f) },
  ]);
}

export function timeRows(current: string, data: TipChoiceData, frequency: TipFrequency): Button[][] {
  const buttons = TIP_TIMES.map((t) => {
    const [hh = "", mm = ""] = t.split(":");
    return { text: `${mark(t === current)}${t}`, data: data.time(frequency, hh, mm) };
  });
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 4) rows.push(buttons.slice(i, i + 4));
  return rows;
}
