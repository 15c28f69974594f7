// What a reflection check-in asks and stores (domain.md §b): its items, answers and the tip topics they mark.
// Pure, below both the services and the repositories that keep check-ins.
/** Q1: interview phases (tip topic ids in content/tips). */
export const Q1_ELEMENTS = ["ground-rules", "rapport", "practice-narrative", "transition", "closure"] as const;
/** Q3: setting and process (tip topic ids); each can be ticked, left open, or marked not applicable. */
export const Q3_SETTING = ["room", "breaks", "recording", "interpreters"] as const;
export const OPEN_SHARES = ["most", "half", "fewer", "unsure"] as const;
/** Q6: the short list of "one thing to try"; "own" means the officer wrote it (kept as scrubbed free text). */
export const ACTIONS = ["silence", "tell-more", "ground-rules", "breaks"] as const;
export const ITEMS = ["tried", "q1", "q2", "q3", "q4", "q5", "q6", "q7"] as const;
export const START_SOURCES = ["command", "menu", "weekly", "next"] as const;

export type Item = (typeof ITEMS)[number];
export type OpenShare = (typeof OPEN_SHARES)[number];
export type Action = (typeof ACTIONS)[number] | "own";
export type StartSource = (typeof START_SOURCES)[number];
export type Level = "low" | "medium" | "high";

export const FREE_TEXT_KINDS = { reflection: "checkin-reflection", action: "checkin-action" } as const;
export const MAX_REFLECTION_CHARS = 400;
export const MAX_ACTION_CHARS = 200;
/** One reminder after this much idle time, and the check-in closes as abandoned after ABANDON_AFTER_MS. */
export const REMIND_AFTER_MS = 2 * 60 * 60_000;
export const ABANDON_AFTER_MS = 24 * 60 * 60_000;

/** Everything a finished check-in stores. `null` means skipped (or not asked). */
export interface CheckInAnswers {
  triedLastAction: boolean | null;
  elements: string[] | null;
  openShare: OpenShare | null;
  setting: { done: string[]; na: string[] } | null;
  feeling: number | null;
  reflection: string | null;
  action: Action | null;
  actionText: string | null;
  shareWanted: boolean | null;
  skipped: Item[];
}

export function emptyAnswers(): CheckInAnswers {
  return {
    triedLastAction: null,
    elements: null,
    openShare: null,
    setting: null,
    feeling: null,
    reflection: null,
    action: null,
    actionText: null,
    shareWanted: null,
    skipped: [],
  };
}

/**
 * Tip topics to mark "to improve" (Q1 and Q3 items not ticked) and to clear (items ticked this time). A skipped
 * question says nothing either way, and "not applicable" is not a gap.
 */
export function focusTopics(a: Pick<CheckInAnswers, "elements" | "setting">): { mark: string[]; clear: string[] } {
  const mark: string[] = [];
  const clear: string[] = [];
  if (a.elements) {
    for (const e of Q1_ELEMENTS) (a.elements.includes(e) ? clear : mark).push(e);
  }
  if (a.setting) {
    for (const s of Q3_SETTING) {
      if (a.setting.done.includes(s)) clear.push(s);
      else if (!a.setting.na.includes(s)) mark.push(s);
    }
  }
  return { mark: [...new Set(mark)], clear: [...new Set(clear.filter((t) => !mark.includes(t)))] };
}

/** The stored setting list: ticked ids, and "na:<id>" for not applicable. */
export function settingList(setting: CheckInAnswers["setting"]): string[] {
  return setting ? [...setting.done, ...setting.na.map((s) => `na:${s}`)] : [];
}
