// Scrubber rules for who and where: place names after a place word, personal names after titles, kinship
// words or "named", known Cambodian names, and ages (after names, so "[name], 12," is recognised).
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
  NOT_DIGIT_AFTER,
  type Rule,
  rx,
  WB,
  WE,
  wordList,
} from "./scrubber-patterns.js";
import { englishWords, khmerName, khmerPlace } from "./scrubber-spans.js";
import {
  KM_BEFORE,
  KM_GIVEN,
  KM_GIVEN_AMBIGUOUS,
  KM_NAME_KIN,
  KM_NAME_STRONG,
  KM_PERSON,
  KM_PLACE,
  KM_STOP,
} from "./scrubber-words-khmer.js";
import {
  EN_CHILD,
  EN_COMMON_ENDING,
  EN_HONORIFICS,
  EN_KIN,
  EN_PLACE_AFTER_NAME,
  EN_PLACE_BEFORE_NAME,
  EN_PLACE_BEFORE_NUMBER,
  EN_SENTENCE_OPENERS,
  EN_STOP,
  EN_TITLES,
  LATIN_NAMES,
} from "./scrubber-words-latin.js";

const EN_NUMBER = `(?:${D}{1,2}|${alt(
  wordList(`
    one two three four five six seven eight nine ten
    eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
  `),
)})`;
const KM_NUMBER_WORD = "(?:(?:ដប់|ម្ភៃ)(?:ប្រាំ(?:មួយ|ពីរ|បី|បួន)?|មួយ|ពីរ|បី|បួន)?|ប្រាំ(?:មួយ|ពីរ|បី|បួន)?|មួយ|ពីរ|បី|បួន)";
const KM_NUMBER = `(?:${D}{1,2}${NOT_DIGIT_AFTER}|${KM_NUMBER_WORD})`;

export const PLACE_RULES: Rule[] = [
  // Places.
  {
    kind: "place",
    why: "'Prek Leap village', 'Hun Sen Primary School': the capitalised words before a place word",
    re: rx(`(?<hit>${CAP}(?:[ \\-]${CAP}){0,3})(?=\\s+(?:${ci(EN_PLACE_AFTER_NAME)})${WE})`),
    span: (hit) => englishWords(hit, true),
  },
  {
    kind: "place",
    why: "'village Prey Veng', 'Wat Phnom', 'Sangkat Boeung Keng Kang'",
    re: rx(`(?<pre>${WB}(?:${ci(EN_PLACE_BEFORE_NAME)})\\s+(?:of\\s+)?)(?<hit>${CAP}(?:[ \\-]${CAP}){0,2})`),
    span: (hit) => englishWords(hit),
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
    why: "Khmer place words (ភូមិ village, ឃុំ commune, ស្រុក district, ខេត្ត province, សាលា school, វត្ត pagoda...)",
    re: rx(
      `(?<pre>${KM_BEFORE}(?:${altWhole(KM_PLACE)})${KM_TRIGGER_END}${KSP}*(?:លេខ)?${KSP}*[:៖]?${KSP}*)(?<hit>${ID_TOKEN}|${KH_RUN}|${CAP}(?: ${CAP}){0,2})`,
    ),
    span: khmerPlace,
  },
];

export const NAME_RULES: Rule[] = [
  // Names.
  {
    kind: "name",
    why: "'Mr Sok Vibol', 'Dr. Chan': titles are always followed by a name",
    re: rx(`(?<pre>${WB}(?:${ci(EN_TITLES)})\\.?\\s+)(?<hit>${ANYWORD}(?:\\s+${CAP}){0,2})`),
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
    why: "'her uncle Dara', 'the neighbour Sokun': a capitalised word after a kinship or role word",
    re: rx(`(?<pre>${WB}(?:${ci(EN_KIN)})\\s+)(?<hit>${CAP}(?:\\s+${CAP}){0,2})`),
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
    why: "common Cambodian names in Latin letters, anywhere, with the capitalised words that follow ('Srey Pov')",
    re: rx(`${WB}(?<hit>(?:${ci(LATIN_NAMES)})(?:\\s+${CAP}){0,2})${WE}`),
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
      `(?<pre>(?:ឈ្មោះហៅក្រៅ|ឈ្មោះ|ហៅថា|នាមត្រកូល|${KM_BEFORE}(?:${altWhole(KM_NAME_STRONG)}))${KM_TRIGGER_END}${KSP}*[:៖]?${KSP}*)(?<hit>${KH_RUN}(?:${KSP}+${KH_RUN})?)`,
    ),
    span: khmerName,
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

export const AGE_RULES: Rule[] = [
  // Ages (after names, so "[name], 12," can be recognised).
  {
    kind: "age",
    why: "'12 years old', '12-year-old', 'twelve year old', '8 months old'",
    re: rx(`${WB}(?<hit>${EN_NUMBER}[\\s\\-]*(?:years?|yrs?|y|months?|mos?)\\.?[\\s\\-]*old)${WE}`, "i"),
  },
  {
    kind: "age",
    why: "'12yo', '12 y/o', '12 y.o.'",
    re: rx(`${WB}(?<hit>${D}{1,2}\\s*(?:yo|y\\.o\\.?|y/o))(?![\\p{L}\\p{N}])`, "i"),
  },
  {
    kind: "age",
    why: "'aged 12', 'age: 12', 'at the age of 12', '12 years of age'",
    re: rx(
      `${WB}(?<hit>(?:aged?|ages)\\s*:?\\s*(?:of\\s+|about\\s+|around\\s+|approx\\.?\\s+|approximately\\s+)?${EN_NUMBER}|${EN_NUMBER}\\s+(?:years?|yrs?)\\s+of\\s+age)${WE}`,
      "i",
    ),
  },
  {
    kind: "age",
    why: "'the girl, 12, ...', '[name], 15 yrs,', 'a boy of 9': a bare number right after a child or a removed name",
    re: rx(
      `(?<pre>(?:${WB}(?:${alt(EN_CHILD)})|${MARK})\\s*(?:,|\\(|\\s+(?:of|aged)\\s+)\\s*)(?<hit>${EN_NUMBER}(?:\\s*(?:years?|yrs?|y)\\.?)?)(?=\\s*[,)]|\\s+(?:and|was|is|said|told|came|lives)${WE})`,
      "i",
    ),
  },
  {
    kind: "age",
    why: "Khmer 'អាយុ ១២ ឆ្នាំ', 'អាយុ១២ឆ្នាំ', 'អាយុប្រហែល ៩ ឆ្នាំ', 'អាយុដប់ពីរឆ្នាំ'",
    re: rx(`(?<hit>អាយុ${KSP}*(?:ប្រហែល|ប្រមាណ|ជាង|ក្រោម|តិចជាង|ច្រើនជាង|ជិត)?${KSP}*${KM_NUMBER}(?:${KSP}*(?:ឆ្នាំ|ខែ|ខួប))?)`),
  },
  {
    kind: "age",
    why: "Khmer '១២ ឆ្នាំ' is an age after a child or person word ('ក្មេងប្រុស ១០ ឆ្នាំ') or a removed name, not after 'worked'",
    re: rx(
      `(?<pre>(?:${alt(KM_PERSON)})(?:ម្នាក់)?${KSP}*|${MARK}${KSP}*[,،]?${KSP}*)(?<hit>${KM_NUMBER}${KSP}*ឆ្នាំ)(?!${KSP}*(?:មុន|ក្រោយ|កន្លង|ទៀត))`,
    ),
  },
];
