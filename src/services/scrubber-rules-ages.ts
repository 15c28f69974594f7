// Scrubber rules for ages, in English, Khmer and Khmer written in Latin letters. They run last, after names, so
// "[name], 12," and "[name] 15 years" are recognised by the placeholder in front of the number. A bare number is an
// age only in a frame that says so ("is 13", "turned 11", "(13)", "F, 13", "១៣ ខួប"); counts and durations
// ("six officers", "10 minutes", "១០ ឆ្នាំហើយ" after "I have worked") stay.
import {
  alt,
  D,
  KSP,
  MARK,
  NOT_DIGIT_AFTER,
  NOT_DIGIT_BEFORE,
  type Rule,
  rx,
  WB,
  WE,
  wordList,
} from "./scrubber-patterns.js";
import { KM_PERSON } from "./scrubber-words-khmer.js";
import { EN_CHILD } from "./scrubber-words-latin.js";

const EN_NUMBER = `(?:${D}{1,2}${NOT_DIGIT_AFTER}|${alt(
  wordList(`
    one two three four five six seven eight nine ten
    eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
  `),
)})`;
const KM_NUMBER_WORD = "(?:(?:ដប់|ម្ភៃ)(?:ប្រាំ(?:មួយ|ពីរ|បី|បួន)?|មួយ|ពីរ|បី|បួន)?|ប្រាំ(?:មួយ|ពីរ|បី|បួន)?|មួយ|ពីរ|បី|បួន)";
const KM_NUMBER = `(?:${D}{1,2}${NOT_DIGIT_AFTER}|${KM_NUMBER_WORD})`;
const YEARS = "(?:\\s*(?:years?|yrs?|y)\\.?)";
/** "12-13", "12 or 13": a range of ages. */
const RANGE = `(?:\\s*(?:-|–|to|or)\\s*${D}{1,2}${NOT_DIGIT_AFTER})?`;
/** What may follow an age after "is", "was", "turned": the end of a clause, or words that go on about the child. */
const AGE_END = `(?=\\s*(?:$|[,.;:!?)]|(?:and|but|now|so|or|when|this|last|next|too|already|yet|with|in|at|since|because|years?|yrs?|y/?o)${WE}))`;

export const AGE_RULES: Rule[] = [
  {
    kind: "age",
    why: "'12 years old', '12-year-old', 'twelve year old', '8 months old'",
    re: rx(`${WB}(?<hit>${EN_NUMBER}[\\s\\-]*(?:years?|yrs?|y|months?|mos?)\\.?[\\s\\-]*old)${WE}`, "i"),
  },
  {
    kind: "age",
    why: "'12yo', '12 y/o', '12 y.o.'",
    re: rx(`${NOT_DIGIT_BEFORE}(?<hit>${D}{1,2}\\s*(?:yo|y\\.o\\.?|y/o))(?![\\p{L}\\p{N}])`, "i"),
  },
  {
    kind: "age",
    why: "'aged 12', 'age: 12', 'at the age of 12', '12 years of age', and Khmer in Latin letters 'ayu 12 chnam'",
    re: rx(
      `${WB}(?<hit>(?:aged?|ages|ayu|aayu|ayuh)\\s*:?\\s*(?:of\\s+|about\\s+|around\\s+|approx\\.?\\s+|approximately\\s+)?${EN_NUMBER}${RANGE}(?:\\s*(?:chh?n[au]m|khuob))?|${EN_NUMBER}\\s+(?:years?|yrs?)\\s+of\\s+age)${WE}`,
      "i",
    ),
  },
  {
    kind: "age",
    why: "'she is 13', 'she's 13 and', 'turned 11', 'is about 10', 'was 15 when' (not 'is 10 minutes away')",
    re: rx(
      `(?<pre>(?:${WB}(?:is|was|be|turned|turns|turning|aged)|['’]s)\\s+(?:only\\s+|just\\s+|about\\s+|around\\s+|almost\\s+|nearly\\s+|maybe\\s+|probably\\s+|now\\s+)?)(?<hit>${EN_NUMBER}${RANGE}${YEARS}?)${AGE_END}`,
      "i",
    ),
  },
  {
    kind: "age",
    why: "'7 yrs', '13yrs' (the short forms are for ages; 'after 3 yrs of service' stays)",
    re: rx(
      `(?<!(?:for|after|over|since|within|past|last|in)\\s+)${NOT_DIGIT_BEFORE}(?<hit>${D}{1,2}\\s*(?:yrs?|y)\\.?)(?![\\p{L}\\p{N}])(?!\\s*(?:ago|of|later|before|after|as|experience|service))`,
      "i",
    ),
  },
  {
    kind: "age",
    why: "'Child (13)', 'Dara (9)': a small number in brackets right after a word",
    re: rx(`(?<=[\\p{L}${MARK}]\\s?)(?<pre>\\()(?<hit>${D}{1,2})(?=\\))`),
  },
  {
    kind: "age",
    why: "'F, 13', 'M/12', '12F': sex and age, the way case notes write them",
    re: rx(`(?<pre>${WB}[FM]\\s*[,/]\\s*)(?<hit>${D}{1,2})${NOT_DIGIT_AFTER}`),
  },
  {
    kind: "age",
    why: "'12F', '12/M'",
    re: rx(`${NOT_DIGIT_BEFORE}(?<hit>${D}{1,2})\\s*/?\\s*[FM]${WE}`),
  },
  {
    kind: "age",
    why: "'the girl, 12, ...', '[name], 15 yrs,', 'a boy of 9', 'girl 12 from ...': a number right after a child or a name",
    re: rx(
      `(?<pre>(?:${WB}(?:${alt(EN_CHILD)})|${MARK})\\s*(?:,|\\(|\\s+(?:of|aged)\\s+|\\s)\\s*)(?<hit>${EN_NUMBER}${YEARS}?)(?=\\s*[,)]|\\s+(?:and|was|is|said|told|came|lives|from|with|who|in|at|has|had|did|years?)${WE}|\\s*$)`,
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
    why: "Khmer ខួប (years of age): '១៣ ខួប', 'គ្រប់ ១៤ ខួប', 'ខួបកំណើតទី១៣'",
    re: rx(`(?<hit>${KM_NUMBER}${KSP}*ខួប|ខួប(?:កំណើត)?${KSP}*(?:ទី)?${KSP}*${KM_NUMBER})`),
  },
  {
    kind: "age",
    why: "Khmer 'ទើបតែ ១២ ឆ្នាំ', 'គ្រប់ ១៤ ឆ្នាំ' (just 12, turned 14)",
    re: rx(`(?<pre>(?:ទើបតែ|ទើបនឹង|ទើប|គ្រប់)${KSP}*)(?<hit>${KM_NUMBER}${KSP}*(?:ឆ្នាំ|ខួប))`),
  },
  {
    kind: "age",
    why: "Khmer 'ឆ្នាំនេះ ១៤ ហើយ' (14 this year)",
    re: rx(`(?<pre>ឆ្នាំនេះ${KSP}*(?:គាត់|នាង)?${KSP}*)(?<hit>${KM_NUMBER})(?=${KSP}*(?:ហើយ|ឆ្នាំ|ខួប))`),
  },
  {
    kind: "age",
    why: "Khmer '១២ ឆ្នាំ' is an age after a child or person word ('ក្មេងប្រុស ១០ ឆ្នាំ', 'ក្មេងនោះ ១២ ឆ្នាំ') or a removed name",
    re: rx(
      `(?<pre>(?:${alt(KM_PERSON)})(?:ម្នាក់|នោះ|នេះ)?${KSP}*|${MARK}${KSP}*[,،]?${KSP}*)(?<hit>${KM_NUMBER}${KSP}*ឆ្នាំ)(?!${KSP}*(?:មុន|ក្រោយ|កន្លង|ទៀត))`,
    ),
  },
  {
    kind: "age",
    // Last: the first age of the list must already be a placeholder.
    why: "'aged 9 and 12', 'ages 6, 8 and 11', 'អាយុ ៩ និង ១២ ឆ្នាំ': the further ages of a list",
    re: rx(
      `(?<pre>${MARK}${KSP}*(?:,|and|&|និង|ហើយ|ឬ|${KSP})${KSP}*)(?<hit>${KM_NUMBER}|${EN_NUMBER})(?=${KSP}*(?:ឆ្នាំ|ខួប|years?|yrs?|y${WE}|,|និង|and|&|ឬ|$|[.;)])|\\s+(?:came|were|are|live|lived|from)${WE})`,
      "i",
    ),
  },
];
