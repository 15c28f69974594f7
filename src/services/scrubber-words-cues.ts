// Cue words: what, written just before a word from the name lists or the gazetteer, says that it is a name or a
// place and not an everyday word. Used by the dictionary pass (scrubber-lexicon-pass.ts) and the rule tables.
import { alt, wordList } from "./scrubber-patterns.js";
import { KM_BEFORE_WORDS, KM_NAME_KIN, KM_NAME_STRONG } from "./scrubber-words-khmer.js";

/** Khmer role words: the suspect, the child, her daughter... (a name often follows with no title). */
export const KM_ROLE = wordList(`
  ជនសង្ស័យ ជនល្មើស ជនរងគ្រោះ ជនជាប់ចោទ សាក្សី កុមារី កុមារា កុមារ ក្មេងស្រី ក្មេងប្រុស ក្មេង កូនស្រី កូនប្រុស កូន
  ប្អូនស្រី ប្អូនប្រុស បងស្រី បងប្រុស ក្មួយស្រី ក្មួយប្រុស ចៅស្រី ចៅប្រុស ម្ដាយចុង ម្តាយចុង ឪពុកចុង មិត្តភក្តិ
  មិត្តភក្ដិ មិត្ត សិស្ស អ្នកជិតខាង ប្ដី ប្តី ប្រពន្ធ សង្សារ ថៅកែ ម្ចាស់ផ្ទះ អ្នកបើកបរ
`);
/** Khmer police and army ranks (អនុសេនីយ៍ឯក = first lieutenant...). */
export const KM_RANK = wordList(`
  ឧត្តមសេនីយ៍ឯក ឧត្តមសេនីយ៍ទោ ឧត្តមសេនីយ៍ត្រី វរសេនីយ៍ឯក វរសេនីយ៍ទោ វរសេនីយ៍ត្រី អនុសេនីយ៍ឯក អនុសេនីយ៍ទោ
  អនុសេនីយ៍ត្រី ពលបាលឯក ពលបាលទោ ពលបាលត្រី នាយទាហាន ព្រះតេជព្រះគុណ
`);
/** Possessives after a role word: "កូនស្រីរបស់គាត់" (her daughter). */
const KM_OWNER = "(?:របស់(?:គាត់|នាង|ខ្ញុំ|គេ|ក្មេង|ជនរងគ្រោះ|ជនសង្ស័យ|កុមារ|លោក)?)?(?:ម្នាក់|នោះ|ឈ្មោះ)?";
/** Text that ends with a Khmer name cue (spaces allowed after it). */
const CUES = [...KM_NAME_STRONG, ...KM_NAME_KIN, ...KM_ROLE, ...KM_RANK];
/** Short cue words (ពូ, តា, បង) must stand as words of their own: "យាយ" ends "និយាយ" (say), "បង" ends "សាកល្បង". */
const LONG_CUES = CUES.filter((w) => w.length >= 5);
const SHORT_CUES = CUES.filter((w) => w.length < 5);
export const KM_NAME_CUE_BEFORE = new RegExp(
  `(?:${alt(LONG_CUES)}|(?:^|[^\\u1780-\\u17DD]|${alt(KM_BEFORE_WORDS)})${alt(SHORT_CUES)})${KM_OWNER}[ \\u00A0\\u200B]*$`,
  "u",
);
/** Text that ends with a Khmer place word for a district, commune or village (not a province). */
export const KM_LOCAL_PLACE_BEFORE = /(?:ភូមិ|ឃុំ|សង្កាត់|ស្រុក|ខណ្ឌ)[ \u00A0\u200B]*$/u;
/** Text that ends with a Khmer "from", "in", "near", "behind", "lives in"... */
export const KM_LOCATIVE_BEFORE = /(?:នៅ|ពី|ទៅ|ក្នុង|ក្បែរ|ជិត|ខាងក្រោយ|ខាងមុខ|ដល់|តាម|ត្រង់|មក|ស្នាក់|រស់)[ \u00A0\u200B]*$/u;
/** A ស្រី- name written straight after one of these is the word's "female" ending: កូនស្រី (daughter), ក្មេងស្រី (girl). */
export const KM_GENDER_HEAD = /(?:កូន|ក្មេង|ប្អូន|បង|ក្មួយ|ចៅ|ភេទ|កុមារ|មនុស្ស|សិស្ស|មិត្ត|ជនរងគ្រោះ|យុវ|នារី)$/u;

/** English words after which a capitalised word (or a name that is also an English word) is a name. */
export const EN_NAME_CUES = new Set(
  wordList(`
    mr mrs ms mx dr miss madam sir capt captain lt lieutenant sgt sergeant maj major col colonel gen general cpl corporal
    insp inspector supt cmdr commander officer pol chief lok bong pou ming yeay ta neak srey
    uncle aunt auntie brother sister cousin grandma grandpa grandmother grandfather granny grandson granddaughter
    mother father mom mum dad stepfather stepmother stepdad stepmom neighbour neighbor teacher friend boyfriend
    girlfriend monk boss employer husband wife daughter son niece nephew girl boy child kid victim survivor student
    suspect accused offender perpetrator witness driver owner named called alias aka
  `),
);
/** English place words: before a name ("village Prey Veng") or after it ("Prek Leap village"). */
export const EN_LOCAL_PLACE_WORDS = new Set(wordList("village commune district khan sangkat khum phum srok"));
/** English words before a place: "from", "in", "near"... */
export const EN_LOCATIVE = new Set(wordList("from in at near to behind around outside inside lives live living stays"));
