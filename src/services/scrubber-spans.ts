// How much of a matched span the scrubber removes: English names stop at the first ordinary word, and a Khmer
// name or place after a trigger stops at the first grammar word (Khmer writes no spaces between words).
import { khmerEntryKey } from "./scrubber-keys.js";
import { lexicon } from "./scrubber-lexicon.js";
import type { Span } from "./scrubber-patterns.js";
import {
  KM_ANY_NAME,
  KM_FAMILY,
  KM_GIVEN,
  KM_GIVEN_AMBIGUOUS,
  KM_INNER_STOP,
  KM_STOP,
} from "./scrubber-words-khmer.js";
import { EN_STOP } from "./scrubber-words-latin.js";

function isEnStop(word: string): boolean {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^a-z'’]/g, "");
  return EN_STOP.has(w);
}

/** English words: keep leading stop words only if asked, stop at the first stop word ("uncle Dara I think"). */
export function englishWords(hit: string, skipLeadingStops = false): Span {
  const words = [...hit.matchAll(/\S+/g)];
  let i = 0;
  if (skipLeadingStops) while (i < words.length && isEnStop(words[i]?.[0] ?? "")) i++;
  let j = i;
  while (j < words.length && !isEnStop(words[j]?.[0] ?? "")) j++;
  const first = words[i];
  const last = words[j - 1];
  if (j === i || !first || !last) return null;
  return [first.index, last.index + last[0].length];
}

const KH_DEPENDENT = /[\u17B6-\u17D3\u17DD]/;
const MAX_KH_RUN = 20;

function startsWithAny(s: string, words: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const w of words) if (s.startsWith(w) && (!best || w.length > best.length)) best = w;
  return best;
}

/** Moves `i` forward to the end of the Khmer syllable cluster it falls in. */
function clusterEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && (KH_DEPENDENT.test(s[j] ?? "") || s[j - 1] === "\u17D2")) j++;
  return j;
}

/**
 * How many characters of a Khmer run after a trigger are the name or place: 0 if the run starts with a grammar word,
 * otherwise up to the first grammar word inside it, at most MAX_KH_RUN characters (Khmer writes no spaces).
 */
function khmerRun(run: string): number {
  if (!startsWithAny(run, KM_ANY_NAME) && startsWithAny(run, KM_STOP)) return 0;
  let end = run.length;
  for (const w of KM_INNER_STOP) {
    let i = run.indexOf(w, 2);
    while (i > 0 && (run[i - 1] === "\u17D2" || KH_DEPENDENT.test(run[i + w.length] ?? ""))) i = run.indexOf(w, i + 1);
    if (i >= 2 && i < end) end = i;
  }
  return end > MAX_KH_RUN ? clusterEnd(run, MAX_KH_RUN) : end;
}

/** A Khmer name after a trigger, with an optional second word: "សុខ វិបុល" (family name, then given name). */
export function khmerName(hit: string): Span {
  const m = /^(\S+?)([ \u00A0\u200B]+)(\S+)$/u.exec(hit);
  const first = m?.[1] ?? hit;
  const n1 = khmerRun(first);
  if (n1 === 0) return null;
  if (!m || n1 < first.length) return [0, n1];
  const second = m[3] ?? "";
  const n2 = KM_FAMILY.includes(first)
    ? khmerRun(second)
    : (startsWithAny(second, [...KM_GIVEN, ...KM_GIVEN_AMBIGUOUS])?.length ?? 0);
  return [0, n2 > 0 ? first.length + (m[2]?.length ?? 0) + n2 : n1];
}

export function khmerPlace(hit: string): Span {
  if (/^[0-9\u17E0-\u17E9]/.test(hit) || /^\p{Lu}/u.test(hit)) return [0, hit.length];
  // "សាលារៀនហាក់ដូចជា…" (school seems…): an everyday word after the place word is not a name.
  if (startsWithEveryday(hit)) return null;
  const n = khmerRun(hit);
  return n === 0 ? null : [0, n];
}

const words = new Intl.Segmenter("km", { granularity: "word" });

/**
 * A name after a Khmer role word, which may be in no list: taken unless its first word is an everyday word
 * (content/gazetteer/everyday-km.txt) or a grammar word, so "ក្មេងស្រី ខ្លាចណាស់" (the girl was very afraid) stays.
 */
export function khmerNameUnlisted(hit: string): Span {
  if (startsWithEveryday(hit) || startsWithAny(hit, KM_STOP)) return null;
  return khmerName(hit);
}

/** The run's first word (ICU's Khmer word breaks) is an everyday word and not a listed name or place. */
function startsWithEveryday(run: string): boolean {
  const first = khmerEntryKey(words.segment(run)[Symbol.iterator]().next().value?.segment ?? "");
  const { everyday, listed } = lexicon();
  return everyday.has(first) && !listed.has(first);
}
