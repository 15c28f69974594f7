// Which tip an officer gets next (spaced repetition), over the tip library in curriculum order and what they have
// seen of it. Pure: the tip repository reads the officer's views and focus topics, and holds the library.

/** A tip the officer has seen: its id, whether it is flagged (review again, or quizzed wrong), when it last went out. */
export type SeenTip = [tipId: string, flagged: boolean, lastSentMs: number];

/**
 * The next tip, in this order: unseen before seen; tips of the officer's focus topics first; among seen ones, the
 * flagged first, then the longest unseen; ties in curriculum order (topic position, then tip position).
 */
export function pickNextTip(
  lib: { topics: readonly { id: string }[]; byTopic: ReadonlyMap<string, readonly { id: string }[]> },
  views: readonly SeenTip[],
  focus: ReadonlySet<string>,
): string | null {
  const seen = new Map(views.map(([id, flagged, at]) => [id, { flagged, at: Number(at) }]));
  let firstUnseen: string | null = null;
  let best: { id: string; rank: [number, number, number] } | null = null;
  for (const topic of lib.topics) {
    const inFocus = focus.has(topic.id);
    for (const tip of lib.byTopic.get(topic.id) ?? []) {
      const view = seen.get(tip.id);
      if (!view) {
        if (inFocus) return tip.id; // unseen in a focus topic: nothing comes before it
        firstUnseen ??= tip.id;
        continue;
      }
      if (firstUnseen) continue;
      const rank: [number, number, number] = [inFocus ? 0 : 1, view.flagged ? 0 : 1, view.at];
      if (!best || before(rank, best.rank)) best = { id: tip.id, rank };
    }
  }
  return firstUnseen ?? best?.id ?? null;
}

const before = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
};
