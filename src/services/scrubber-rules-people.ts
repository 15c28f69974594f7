// Scrubber rules for who and where: place names after a place word, personal names after titles, ranks, kinship
// and role words or "named". Listed names and gazetteer places are found before these, by scrubber-lexicon-pass.ts.

import { isProvince } from "./scrubber-lexicon.js";
import {
  ANYWORD,
  alt,
  altWhole,
  CAP,
  ci,
  D,
  ID_TOKEN,
  KH,
  KH_RUN,
  KM_TRIGGER_END,
  KSP,
  MARK,
  type Rule,
  rx,
  type Span,
  WB,
  WE,
  wordList,
} from "./scrubber-patterns.js";
import { englishWords, khmerName, khmerNameUnlisted, khmerPlace } from "./scrubber-spans.js";
import { KM_RANK, KM_ROLE } from "./scrubber-words-cues.js";
import {
  KM_BEFORE,
  KM_GIVEN,
  KM_GIVEN_AMBIGUOUS,
  KM_NAME_KIN,
  KM_NAME_STRONG,
  KM_PLACE,
  KM_PROVINCE_WORDS,
  KM_STOP,
} from "./scrubber-words-khmer.js";
import {
  EN_COMMON_ENDING,
  EN_HONORIFICS,
  EN_KIN,
  EN_PLACE_AFTER_NAME,
  EN_PLACE_BEFORE_NAME,
  EN_PLACE_BEFORE_NUMBER,
  EN_PROVINCE_WORDS,
  EN_ROLE,
  EN_SENTENCE_OPENERS,
  EN_STOP,
  EN_TITLES,
} from "./scrubber-words-latin.js";

/** Capitalised words, or placeholders of what an earlier step removed ("Hun [•••] high school"). */
const EN_RANK_SHORT = ci(wordList("capt lt sgt maj col gen cpl insp supt cmdr pol brig"));
const EN_RANK_LONG = alt(
  wordList("Captain Lieutenant Sergeant Major Colonel General Corporal Inspector Commander Officer"),
);
const CAPS = (n: number) => `(?:${CAP}|${MARK})(?:[ \\-](?:${CAP}|${MARK})){0,${n}}`;
/** A capitalised word of two letters or more: after a role word, "F" in "victim F, 13" is a sex, not a name. */
const NAME2 = "\\p{Lu}[\\p{L}\\p{M}'’\\-]+";
const NAMES = (n: number) => `(?:${NAME2}|${MARK})(?:\\s+(?:${NAME2}|${MARK})){0,${n}}`;
const SCHOOL_KIND = "(?:(?:high|primary|secondary|junior|senior|international|private|public|state|lower|upper)\\s+)?";
/** Keeps a province named with a province word ("Siem Reap province", "ខេត្តសៀមរាប"): the officer's posting. */
const unlessProvince =
  (span: (hit: string) => Span) =>
  (hit: string): Span => {
    const s = span(hit);
    return s && isProvince(hit.slice(s[0], s[1])) ? null : s;
  };

export const PLACE_RULES: Rule[] = [
  // Places.
  {
    kind: "place",
    why: "'Prek Leap village', 'Hun Sen Primary School', 'Kolab guesthouse': the capitalised words before a place word",
    re: rx(`(?<hit>${CAPS(3)})(?=\\s+${SCHOOL_KIND}(?:${ci(EN_PLACE_AFTER_NAME)})${WE})`),
    span: (hit) => englishWords(hit, true),
  },
  {
    kind: "place",
    why: "'Poipet town' goes, 'Siem Reap province' stays (a province is the officer's posting, not the child's)",
    re: rx(`(?<hit>${CAPS(3)})(?=\\s+(?:${ci(EN_PROVINCE_WORDS)})${WE})`),
    span: unlessProvince((hit) => englishWords(hit, true)),
  },
  {
    kind: "place",
    why: "'village Prey Veng', 'Wat Phnom', 'Sangkat Boeung Keng Kang', 'the karaoke Happy Star'",
    re: rx(`(?<pre>${WB}(?:${ci(EN_PLACE_BEFORE_NAME)})\\s+(?:of\\s+)?)(?<hit>${CAPS(2)})`),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "place",
    why: "'city of Bavet' goes, 'province of Kandal' stays",
    re: rx(`(?<pre>${WB}(?:${ci(EN_PROVINCE_WORDS)})\\s+(?:of\\s+)?)(?<hit>${CAPS(2)})`),
    span: unlessProvince((hit) => englishWords(hit)),
  },
  {
    kind: "place",
    why: "'house No. 12', 'Street 271', 'St. 63'",
    re: rx(
      `(?<pre>${WB}(?:${ci(EN_PLACE_BEFORE_NUMBER)})\\s*(?:${ci(["no.", "no", "number"])}|#)?\\s*:?\\s*)(?<hit>${D}[A-Za-z0-9\\u17E0-\\u17E9]*(?:[/\\-][A-Za-z0-9\\u17E0-\\u17E9]+)*)`,
    ),
  },
  {
    kind: "place",
    why: "Khmer place words (ភូមិ village, ឃុំ commune, ស្រុក district, សាលា school, វត្ត pagoda, ផ្ទះសំណាក់ guesthouse...)",
    re: rx(
      `(?<pre>${KM_BEFORE}(?:${altWhole(KM_PLACE)})${KM_TRIGGER_END}${KSP}*(?:លេខ)?${KSP}*[:៖]?${KSP}*)(?<hit>${ID_TOKEN}|${KH_RUN}|${CAP}(?: ${CAP}){0,2})`,
    ),
    span: khmerPlace,
  },
  {
    kind: "place",
    why: "Khmer province words (ខេត្ត, ក្រុង, រាជធានី): a town goes ('ក្រុងបាវិត'), a province stays ('ខេត្តសៀមរាប')",
    re: rx(
      `(?<pre>${KM_BEFORE}(?:${altWhole(KM_PROVINCE_WORDS)})${KM_TRIGGER_END}${KSP}*)(?<hit>${KH_RUN}|${CAP}(?: ${CAP}){0,2})`,
    ),
    span: unlessProvince(khmerPlace),
  },
];

export const NAME_RULES: Rule[] = [
  // Names.
  {
    kind: "name",
    why: "'Mr Sok Vibol', 'Dr. Chan': titles are always followed by a name",
    re: rx(`(?<pre>${WB}(?:${ci(EN_TITLES)})\\.?\\s+)(?<hit>(?:${ANYWORD}|${MARK})(?:\\s+(?:${CAP}|${MARK})){0,2})`),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'Miss Bopha', 'Bong Dara', 'Lok Srey Chantha': honorifics, English and Khmer in Latin letters",
    re: rx(
      `(?<pre>${WB}(?:${alt(EN_HONORIFICS)}|${ci(["lok", "bong", "pou", "ming", "yeay"])})\\s+)(?<hit>${CAP}(?:\\s+${CAP}){0,2})`,
    ),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'Capt. Vuthy', 'Pol. Lt. Col. Chan Dara', 'Sergeant Pheakdey': police and army ranks",
    re: rx(`(?<pre>(?:${WB}(?:${EN_RANK_SHORT})\\.?\\s+|${WB}(?:${EN_RANK_LONG})\\s+)+)(?<hit>${CAPS(2)})`),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'her uncle Dara', 'the neighbour Sokun', 'the suspect Bunthoeun': a capitalised word after a kinship or role word",
    re: rx(`(?<pre>${WB}(?:${ci(EN_KIN)})\\s+)(?<hit>${NAMES(2)})`),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'the suspect Bunthoeun', 'Victim Sreyroth' (a role word in lower case or opening a sentence, not 'Child Witnesses')",
    re: rx(
      `(?<pre>(?:${WB}(?:${alt(EN_ROLE)})|(?:^|[.!?]\\s+)(?:${alt(EN_ROLE.map((w) => w[0]?.toUpperCase() + w.slice(1)))}))\\s+)(?<hit>${NAMES(2)})`,
      "m",
    ),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "a capitalised word right after a removed name is the rest of it ('[•••] Sarith', '[•••] Lim')",
    re: rx(`(?<pre>${MARK} )(?<hit>${CAP}(?: ${CAP})?)`),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'named sreyleak', 'her name is Bopha', 'name: Dara' (officers often skip the capital)",
    re: rx(
      `(?<pre>${WB}(?:${ci(["named", "nicknamed", "alias", "aka", "a.k.a."])}|${ci(["name"])}\\s*(?::|${ci(["is", "was"])}))\\s*)(?<hit>${ANYWORD}(?:\\s+${CAP}){0,2})`,
    ),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'a man called Johnny', 'known as Tiger' (capitalised only: 'called the police' stays)",
    re: rx(
      `(?<pre>${WB}(?:${ci(["called", "known as", "calls himself", "calls herself"])})\\s+)(?<hit>${CAP}(?:\\s+${CAP}){0,2})`,
    ),
    span: (hit) => englishWords(hit),
  },
  {
    kind: "name",
    why: "'Malina, the older sister, ...': a capitalised word opening a sentence, then a comma, is usually a name",
    re: rx(`(?<pre>(?:^|[.!?។៕]\\s+)["'“‘(]?)(?<hit>\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)(?=\\s*,)`, "m"),
    span: (hit) => {
      const first = (hit.split(" ")[0] ?? "").toLowerCase();
      if (EN_SENTENCE_OPENERS.has(first) || EN_STOP.has(first) || EN_COMMON_ENDING.test(first)) return null;
      return [0, hit.length];
    },
  },
  {
    kind: "name",
    why: "Khmer 'ឈ្មោះ' (name), 'ហៅថា' (called) and titles 'លោកស្រី', 'កញ្ញា'...: the run after them is a name",
    re: rx(
      `(?<pre>(?:ឈ្មោះហៅក្រៅ|ឈ្មោះ|ហៅថា|នាមត្រកូល|${alt(KM_RANK)}|${KM_BEFORE}(?:${altWhole(KM_NAME_STRONG)}))${KM_TRIGGER_END}${KSP}*[:៖]?${KSP}*)(?<hit>${KH_RUN}(?:${KSP}+${KH_RUN})?)`,
    ),
    span: khmerName,
  },
  {
    kind: "name",
    why:
      "Khmer role words (ជនសង្ស័យ suspect, កុមារ child, កូនស្រីរបស់គាត់ her daughter) then a space: a name, unless the " +
      "next word is an everyday word ('ក្មេងស្រី ខ្លាចណាស់' = the girl was very afraid)",
    re: rx(
      `(?<pre>${KM_BEFORE}(?:${altWhole(KM_ROLE)})(?:របស់(?:គាត់|នាង|ខ្ញុំ|គេ))?(?:ម្នាក់)?[ \\u00A0]+)(?<hit>${KH_RUN}(?:${KSP}+${KH_RUN})?)`,
    ),
    span: khmerNameUnlisted,
  },
  {
    kind: "name",
    why:
      "Khmer kinship words and pronoun-titles (ពូ uncle, មីង aunt, លោក Mr/he, នាង Ms/she...) then a real space: a name. " +
      "A zero-width space does not count: keyboards put one between every word, so it says nothing about names",
    re: rx(
      `(?<pre>${KM_BEFORE}(?:${altWhole(KM_NAME_KIN)})(?:ប្រុស|ស្រី)?${KM_TRIGGER_END}[ \\u00A0]+)(?<hit>${KH_RUN}(?:${KSP}+${KH_RUN})?)`,
    ),
    span: khmerName,
  },
  {
    kind: "name",
    why: "the same words written straight onto a known name ('ពូដារា', 'ពូ\u200Bដារា'): then only listed names count",
    re: rx(
      `(?<pre>${KM_BEFORE}(?:${altWhole(KM_NAME_KIN)})(?:ប្រុស|ស្រី)?\\u200B?)(?<hit>(?:${alt([...KM_GIVEN, ...KM_GIVEN_AMBIGUOUS])}))${KM_TRIGGER_END}`,
    ),
  },
  {
    kind: "name",
    why: "common Khmer given names that are not everyday words, standing as a word of their own",
    re: rx(`${KM_BEFORE}(?<hit>${alt(KM_GIVEN)})(?=$|[^${KH}]|${alt(KM_STOP)})`),
  },
];
