// The dictionary pass of the scrubber: finds gazetteer places and listed names in the text, Khmer (no spaces
// needed) and Latin, decides from the words around each one whether it is a name or place here, and replaces the
// chosen ones with the placeholder. Runs after the contact, number and date rules and before the trigger-word rules,
// which then catch names and places that are in no list. See scrubber-lexicon.ts for what is listed, and
// scrubber-lexicon-hits.ts for how the text is looked up in it.

import { consonants, khmerEntryKey, latinPlaceKey } from "./scrubber-keys.js";
import type { ScrubKind } from "./scrubber-kinds.js";
import { type Entry, lexicon } from "./scrubber-lexicon.js";
import { type Hit, khmerHits, latinHits } from "./scrubber-lexicon-hits.js";
import { MARK } from "./scrubber-patterns.js";
import {
  EN_LOCAL_PLACE_WORDS,
  EN_LOCATIVE,
  EN_NAME_CUES,
  KM_GENDER_HEAD,
  KM_LOCAL_PLACE_BEFORE,
  KM_LOCATIVE_BEFORE,
  KM_NAME_CUE_BEFORE,
} from "./scrubber-words-cues.js";
import { KM_INNER_STOP, KM_STOP } from "./scrubber-words-khmer.js";
import { EN_SENTENCE_OPENERS, EN_STOP } from "./scrubber-words-latin.js";

const KHMER = /[\u1780-\u17FF]/;
/** Khmer place words in Latin letters: on their own they are not a place's name. */
const LATIN_PLACE_WORDS = new Set([
  "wat",
  "voat",
  "phum",
  "khum",
  "srok",
  "khan",
  "sangkat",
  "phsar",
  "psar",
  "krong",
  "kampong",
  "prek",
  "boeung",
  "tuol",
  "toul",
  "stung",
  "ou",
  "koh",
  "phnom",
  "chroy",
]);

export function lexiconPass(text: string, found: Set<ScrubKind>): string {
  if (!/[\u1780-\u17FFA-Za-z]/.test(text)) return text;
  const hits = [...khmerHits(text), ...latinHits(text)];
  if (!hits.length) return text;
  for (const hit of hits) {
    hit.verdict = hit.latin ? judgeLatin(text, hit) : judgeKhmer(text, hit);
    if (hit.verdict === "place") keepPlaceWord(text, hit);
  }
  pairNames(text, hits);
  // Longest first; a province that is kept also blocks the shorter names inside it ("រាប" in "សៀមរាប").
  const chosen: Hit[] = [];
  for (const hit of hits.filter((h) => h.verdict).sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!chosen.some((c) => c.start < hit.end && hit.start < c.end)) chosen.push(hit);
  }
  let out = text;
  for (const hit of chosen.sort((a, b) => b.start - a.start)) {
    if (hit.verdict === "keep" || !hit.verdict) continue;
    found.add(hit.verdict);
    out = out.slice(0, hit.start) + MARK + out.slice(hit.end);
  }
  return out;
}

/** Gazetteer names that start with a place word ("ភូមិថ្មី", "Wat Phnom") keep the word: "ភូមិ[•••]", "Wat [•••]". */
const PLACE_WORD_START =
  /^(?:(?:ភូមិ|ឃុំ|សង្កាត់|ស្រុក|ខណ្ឌ|ក្រុង|វត្ត|ផ្សារ)[\s\u200B]*|(?:phum|khum|srok|khan|sangkat|wat|voat|krong)\s+)(?=\S)/iu;
function keepPlaceWord(text: string, hit: Hit): void {
  const m = PLACE_WORD_START.exec(text.slice(hit.start, hit.end));
  if (m) hit.start += m[0].length;
}

/** Romanised Khmer has no f, q, x, z, no "w" but in "Wat", and none of these English endings and clusters. */
const NOT_KHMER_LATIN = /[fqxz]|w(?!at)|tion|sion|ness|ment|ing$|ed$|ous|ful|less|able|ible|ity$|ism|ist$|ck|oo|ght/;
const looksKhmer = (word: string) => !NOT_KHMER_LATIN.test(word);

const places = (h: Hit) => h.entries.filter((e) => e.kind === "place");
const names = (h: Hit) => h.entries.filter((e) => e.kind === "name");

function judgeKhmer(text: string, hit: Hit): Hit["verdict"] {
  if (!khmerEdgesOk(text, hit)) return undefined;
  const before = text.slice(Math.max(0, hit.start - 40), hit.start);
  const word = text.slice(hit.start, hit.end);
  const localPlace = KM_LOCAL_PLACE_BEFORE.test(before);
  const p = places(hit);
  if (p.some((e) => e.level === "p") && !localPlace) return "keep";
  // After ភូមិ/ឃុំ… with more letters glued on, the trigger-word rule takes the whole name ("ភូមិក្រាំងថ្នង").
  if (localPlace && /[\u1780-\u17B3]/.test(text[hit.end] ?? "")) return undefined;
  const locative = KM_LOCATIVE_BEFORE.test(before);
  const placeOk = (e: Entry) =>
    e.kind === "place" && (e.match === "free" || localPlace || (e.match === "locative" && locative));
  if (p.some(placeOk)) return "place";
  if (word.startsWith("ស្រី") && KM_GENDER_HEAD.test(before)) return undefined;
  const n = names(hit);
  const cue = KM_NAME_CUE_BEFORE.exec(before);
  // "ឈ្មោះ ម៉ាលីណា": after a cue, a listed name with more letters glued on is the start of an unlisted one; the
  // cue-word rules take the whole run.
  if (cue && /^[\u1780-\u17B3]/.test(text.slice(hit.end)) && !startsWithGrammar(text.slice(hit.end))) return undefined;
  // An everyday word is a name only after a cue and a real space ("ជនរងគ្រោះ ចិន្តា", not "កូនពៅ").
  const spacedCue = !!cue && /[ \u00A0]$/.test(cue[0]);
  if (n.some((e) => e.kind === "name" && e.role === "given" && (!e.word || spacedCue))) return "name";
  if (n.some((e) => e.kind === "name" && e.role === "family" && spacedCue)) return "name";
  return undefined;
}

const segmenter = new Intl.Segmenter("km", { granularity: "word" });

/** The text starts with a Khmer grammar or everyday word ("និយាយ", "បាន", "ជាមួយ"). */
function startsWithGrammar(rest: string): boolean {
  const first = segmenter.segment(rest.slice(0, 20))[Symbol.iterator]().next().value?.segment ?? "";
  return KM_STOP.includes(first) || KM_INNER_STOP.includes(first) || lexicon().everyday.has(khmerEntryKey(first));
}
const WORD_EDGE = /[^\u1780-\u17DD]/;

/**
 * Khmer writes no spaces, so a listed word can sit inside a longer word: "សុភា" (a name) in "សុភាព" (polite), "ពួក"
 * (a district) in "ពួកយើង" (we), "ស្រីនាង" in "ក្មេងស្រីនាងខ្លាច" (the girl, she was afraid). A match counts only where
 * ICU's Khmer word breaks (Intl.Segmenter) agree at both ends. Spaces, zero-width spaces, punctuation and the ends of
 * the text are breaks anyway; otherwise ICU looks at a few words around the match only (it costs about 1 µs a letter).
 */
function khmerEdgesOk(text: string, hit: Hit): boolean {
  const open = (i: number) =>
    i <= 0 || i >= text.length || WORD_EDGE.test(text[i - 1] ?? "") || WORD_EDGE.test(text[i] ?? "");
  const startOpen = open(hit.start);
  const endOpen = open(hit.end);
  if (startOpen && endOpen) return true;
  const from = Math.max(0, hit.start - 12);
  const to = Math.min(text.length, hit.end + 12);
  let startOk = startOpen;
  let endOk = endOpen;
  for (const s of segmenter.segment(text.slice(from, to))) {
    if (from + s.index === hit.start) startOk = true;
    if (from + s.index === hit.end) endOk = true;
  }
  return startOk && (endOk || to === hit.end);
}

function judgeLatin(text: string, hit: Hit): Hit["verdict"] {
  const word = text.slice(hit.start, hit.end);
  const prevWord = /([\p{L}.]+)[\s,:]*$/u.exec(text.slice(Math.max(0, hit.start - 30), hit.start))?.[1] ?? "";
  const nextWord = /^\s*(\p{L}+)/u.exec(text.slice(hit.end, hit.end + 20))?.[1]?.toLowerCase() ?? "";
  const prev = prevWord.toLowerCase().replace(/\.$/, "");
  const capitalised = word.split(/[ -]/).every((w) => /^\p{Lu}/u.test(w));
  const sentenceStart = /(?:^|[.!?។៕\n:;"“”'‘’«»(])\s*$/u.test(text.slice(0, hit.start));
  const inKhmer = KHMER.test(text);
  const lower = word.toLowerCase();
  const tokens = lower.split(/[ -]/);
  const ordinary =
    tokens.some((w) => EN_STOP.has(w) || EN_SENTENCE_OPENERS.has(w) || w === "may") ||
    (tokens.length === 1 && LATIN_PLACE_WORDS.has(lower));
  const localPlace = EN_LOCAL_PLACE_WORDS.has(prev) || EN_LOCAL_PLACE_WORDS.has(nextWord);
  const p = places(hit);
  const n = names(hit);
  if (/^\p{Lu}{2,}$/u.test(word)) return undefined; // an acronym ("NGO", "PP"), not a name or a place
  if (p.some((e) => e.level === "p") && !localPlace) return "keep";
  if (n.some((e) => e.kind === "name" && !e.word) && !ordinary) return "name";
  // A single word needs four consonants to be taken with no cue ("Trauma" is not the village "Tra Ma").
  const free = (e: Entry) =>
    e.kind === "place" &&
    e.match === "free" &&
    tokens.every(looksKhmer) &&
    (tokens.length > 1 || consonants(latinPlaceKey(word)) >= 4);
  const placeOk = (e: Entry) =>
    e.kind === "place" &&
    !ordinary &&
    (capitalised || inKhmer) &&
    (localPlace || (free(e) ? !sentenceStart || tokens.length > 1 || inKhmer : EN_LOCATIVE.has(prev) || inKhmer));
  if (p.some(placeOk)) return "place";
  const cue = EN_NAME_CUES.has(prev);
  if (n.length && capitalised && !ordinary && (cue || !sentenceStart)) return "name";
  return undefined;
}

/**
 * A family name is a name when a given name stands right next to it ("សុខ វិបុល", "Chea Sopheap"), and so is a given
 * name that is also an everyday word ("ឈុន សម្បត្តិ"): both are taken.
 */
function pairNames(text: string, hits: Hit[]): void {
  for (const a of hits) {
    const family = names(a).some((e) => e.kind === "name" && e.role === "family");
    if (!family) continue;
    for (const b of hits) {
      if (b.start <= a.end || !/^[ \u00A0\u200B]*$/.test(text.slice(a.end, b.start))) continue;
      if (!names(b).some((e) => e.kind === "name" && e.role === "given")) continue;
      if (a.latin && !/^\p{Lu}/u.test(text.slice(b.start, b.end))) continue;
      a.verdict = "name";
      b.verdict = "name";
    }
  }
}
