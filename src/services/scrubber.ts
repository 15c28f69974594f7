// The free-text scrubber: strips identifying details from what an officer types (reflection notes, peer tips)
// before it is stored or shared (domain.md §e rule 1: no child data, automatic pattern-stripping).
//
// Why hand-written: no npm PII library knows Khmer script, Khmer digits (០-៩), Khmer kinship titles or
// Cambodian phone formats, and Khmer puts no spaces between words, so off-the-shelf name recognisers do not apply.
// The scrubber is a list of small rules, applied in order; each rule says what it removes and why.
//
// Placeholder scheme: every removed span becomes the same language-neutral token "[•••]" (SCRUB_PLACEHOLDER), so the
// officer reads the same thing in Khmer or English and the token does not even say what kind of detail was there.
// Neighbouring placeholders merge into one. What kinds were removed comes back separately in `removed` (SCRUB_KINDS
// order, no repeats), so the bot can say in the officer's own language what it took out.
// Trigger words stay ("uncle [•••]", "ភូមិ[•••]"): they keep the sentence readable and identify no one.
// When in doubt the scrubber removes: a lost word costs less than a leaked name. It is a safety net, not a guarantee;
// free-text fields still carry a warning and flagged text is held for review (domain.md §e).
//
// Pure functions only: no I/O and no side effects at import (the regular expressions are built once, below).

export const SCRUB_KINDS = [
  "email",
  "url",
  "handle",
  "phone",
  "date",
  "case_number",
  "id_number",
  "age",
  "name",
  "place",
] as const;
export type ScrubKind = (typeof SCRUB_KINDS)[number];

/** What every removed span is replaced with, in every language. */
export const SCRUB_PLACEHOLDER = "[•••]";

export type ScrubResult = { text: string; removed: ScrubKind[] };

/** Replaces identifying spans with SCRUB_PLACEHOLDER; `removed` lists the kinds found (SCRUB_KINDS order). */
export function scrub(text: string): ScrubResult {
  const found = new Set<ScrubKind>();
  let out = text.normalize("NFC").replaceAll(MARK, "");
  for (const rule of RULES) out = applyRule(out, rule, found);
  out = out.replace(MERGE, MARK).replaceAll(MARK, SCRUB_PLACEHOLDER);
  return { text: out, removed: SCRUB_KINDS.filter((k) => found.has(k)) };
}

/** True when scrub() would remove something: lets the bot warn before it stores anything. */
export function containsIdentifiers(text: string): boolean {
  return scrub(text).removed.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** Internal placeholder while rules run: a private-use character, so no later rule sees it as a letter or digit. */
const MARK = "\uE000";
const MERGE = new RegExp(`${MARK}(?:[ \\t\\u00A0\\u200B]*${MARK})+`, "gu");

/** A digit, Latin or Khmer. */
const D = "[0-9\\u17E0-\\u17E9]";
const NOT_DIGIT_BEFORE = "(?<![0-9\\u17E0-\\u17E9])";
const NOT_DIGIT_AFTER = "(?![0-9\\u17E0-\\u17E9])";
/** Word boundaries that work for any script (JavaScript's \b only knows ASCII). */
const WB = "(?<![\\p{L}\\p{M}\\p{N}_])";
const WE = "(?![\\p{L}\\p{M}\\p{N}_])";
/** Khmer letters, vowels and signs: a Khmer "word run" (no digits, no Khmer punctuation ។ ៕ ៖). */
const KH = "\\u1780-\\u17D3\\u17D7\\u17DD";
const KH_RUN = `[${KH}]+`;
/** Space inside Khmer text: ordinary spaces and the zero-width space many Khmer keyboards insert. */
const KSP = "[ \\u00A0\\u200B]";
/** A capitalised Latin word ("Sokha", "O'Neil", "Chbar-Ampov"). */
const CAP = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
/** Any word (for "named x", where officers often skip capitals). */
const ANYWORD = "\\p{L}[\\p{L}\\p{M}'’\\-]*";
/** An identifier token that contains at least one digit: "2024/117", "CPU-2024-117", "១២៣/២០២៤". */
const ID_TOKEN = `[A-Za-z]{0,5}[\\-/]?${D}[A-Za-z0-9\\u17E0-\\u17E9]*(?:[/\\-.][A-Za-z0-9\\u17E0-\\u17E9]+)*`;

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A group of literal words, longest first so "លោកស្រី" wins over "លោក". */
function alt(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})`;
}

/**
 * Like alt(), but a word never matches where a longer word of the list starts: "សាលា" is not found inside
 * "សាលារៀន", so a second pass over "សាលារៀន[•••]" does not take "រៀន" for a school's name.
 */
function altWhole(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const rests = words.filter((o) => o !== w && o.startsWith(w)).map((o) => o.slice(w.length));
      return rests.length ? `${escapeRegExp(w)}(?!${alt(rests)})` : escapeRegExp(w);
    })
    .join("|")})`;
}

/** Case-insensitive spelling of Latin words without the `i` flag (which would make \p{Lu} match lower case too). */
function ci(words: readonly string[]): string {
  return alt(words.map((w) => w.toLowerCase()))
    .split("")
    .map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c))
    .join("");
}

// ---------------------------------------------------------------------------------------------------------------
// Word lists (space-separated, so they stay readable)

function wordList(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** Common Cambodian given names and family names in Latin transliteration: removed anywhere, as whole words. */
const LATIN_NAMES = [
  // given names
  ...wordList(`
    Sokha Dara Sophea Srey Pisey Vannak Chantha Bopha Kosal Rathana Sopheak Thida Malis Channa Socheata
    Sokunthea Piseth Raksmey Sina Sophal Sovann Vichet Vibol Vuthy Samnang Sambath Seyha Nary Vanna Vannary Lina
    Mony Ratha Rotha Sothea Chenda Kanha Kunthea Leakena Lida Mealea Nimol Phalla Rachana Sokhom Somaly Sophorn
    Thearith Visal Bora Veasna Rithy Chamroeun Bunthoeun Sreypov Sreyneang Sreyleak Sreymom Sreymao Makara Tola
    Rina Nita Sopheap Sovannara Chanthou Sreynich Kimheng Davy Pheakdey Panha Soriya Sothy Vireak Vathana Sarun
    Sokun Pov
  `),
  // family names (only those that are not also English words)
  ...wordList(`
    Sok Heng Chan Kim Mao Seang Keo Chhim Hun Nhim Ouk Pich Ros Ung Prum Chea Khim Tep Meas Lim Chhun Phan Sorn
    Thach Srun Yim Ly
  `),
];

/** Common Khmer given names in Khmer script that are not also everyday words: removed wherever they stand alone. */
const KM_GIVEN = wordList(`
  ដារា សុខា សុភា ស្រីពៅ ស្រីនាង ស្រីល័ក្ខ ស្រីមុំ ស្រីម៉ៅ ស្រីរ័ត្ន ពិសី វណ្ណៈ ចាន់ថា បុប្ផា រតនា សុភ័ក្រ ម៉ាលីស
  ចាន់ណា សុជាតា សុគន្ធា ពិសិដ្ឋ ស៊ីណា សុផល វុទ្ធី ណារី វណ្ណា លីណា ម៉ូនី សុធា គន្ធា លក្ខិណា លីដា នីមល ផល្លា
  សុម៉ាលី សុភ័ណ ធារិទ្ធ បូរ៉ា រិទ្ធី ប៊ុនធឿន រីណា នីតា ដាវី វិបុល ម៉ាកា
`);
/** Names that are also ordinary words ("destiny", "thought", "January"...): only removed right after a name trigger. */
const KM_GIVEN_AMBIGUOUS = ["វាសនា", "ចិន្តា", "កញ្ញា", "មករា", "តុលា", "សីហា", "ធីតា", "កុសល", "វិចិត្រ", "សុខុម", "រស្មី"];
/**
 * Common Khmer family names: a second word after one of these is the given name. Ros (រស់ "live") and Chea (ជា "is")
 * are left out: they are far more often the verb.
 */
const KM_FAMILY = wordList(`
  សុខ ហេង ចាន់ លី គឹម ស៊ុន ម៉ៅ ប៉ែន សៀង ខៀវ ឈឹម ហ៊ុន ញឹម ឡាយ អ៊ុក ពេជ្រ អ៊ុង ព្រំ យិន ស៊ីម ម៉ម សំ ទូច ឃឹម ទេព
  សាន ណុប មាស លឹម
`);
const KM_ANY_NAME = [...KM_GIVEN, ...KM_GIVEN_AMBIGUOUS, ...KM_FAMILY];

/**
 * Khmer words that cannot start a name or place: if the run after a trigger starts with one, the trigger was used as
 * an ordinary word ("លោកបាននិយាយ" = "he said", "ផ្លូវចិត្ត" = "mental", "វត្តមាន" = "presence").
 */
const KM_STOP = [
  ...wordList(`
    បាន នឹង មិន ពុំ ថា និយាយ នៅ មាន ទៅ មក ក៏ ត្រូវ អាច ចង់ ធ្វើ ហើយ ដែល របស់ គឺ ខ្ញុំ គាត់ វា យើង គេ ពួក ទាំង
    នោះ នេះ ឲ្យ ឱ្យ អោយ ប្រាប់ សួរ ឆ្លើយ ដឹង ខ្លាច យំ សើច ស្ងៀម ភ័យ ព្រួយ អៀន ខឹង ពិបាក ចេះ កំពុង ធ្លាប់ ទើប រួច
    ពេល ពី ដល់ ដោយ ព្រោះ និង ឬ ផង ទៀត ម្នាក់ ជាមួយ ក្នុង ណា ដូច ខ្លួន ឯង អ្នក ទេ ហ្នឹង ស្រលាញ់ ជួយ រស់ ចូល ចេញ
    ឈឺ នាំ យក ឃើញ ស្តាប់ ស្ដាប់ មើល ដើរ អង្គុយ ដេក ញ៉ាំ ស្រែក ចាប់ ផ្ញើ សរសេរ អាយុ ក្មេង កុមារ ម្តាយ ម្ដាយ ឪពុក
    ប្រុស ស្រី ច្រើន តិច ណាស់ ល្អ ខ្លាំង
  `),
  // words that follow place triggers in everyday compounds
  ...wordList(`
    ចិត្ត ការ កំណើត ខ្មែរ ដំបូង ក្តី ក្ដី ឧទ្ធរណ៍ ជាតិ ភាគ សាស្ត្រ ឃាំង ផ្សេង
  `),
];
/** Grammar words that end a name or place run written without a space ("ដារានិយាយថា" → "ដារា" + "និយាយថា"). */
const KM_INNER_STOP = wordList(`
  ដែល និង ហើយ បាន របស់ ជាមួយ នៅ ទៅ មក និយាយ ប្រាប់ ដោយ ព្រោះ ពេល មិន ក៏ គឺ ខ្ញុំ គាត់ ត្រូវ អាច ចង់ ធ្វើ ខ្លាច
  ទាំង អាយុ រស់ ដើម្បី កាលពី
`);
/**
 * Words after which a Khmer trigger may follow without a space ("ជាមួយពូ ដារា" = "with uncle Dara"). Elsewhere a
 * trigger must start a run, so "យាយ" inside "និយាយ" (say) is never a grandmother.
 */
const KM_BEFORE_WORDS = wordList(`
  ជាមួយ ដោយ របស់ និង ពី ទៅ នៅ ឲ្យ ឱ្យ អោយ ជា គឺ ថា ហៅ មាន ដែល ក្នុង ក្បែរ ជិត ដល់ មក ពេល ចំពោះ រក ជួប ប្រាប់ សួរ
  ខាង ចេញពី រស់នៅ
`);
const KM_BEFORE = `(?<=^|[^${KH}]|${alt(KM_BEFORE_WORDS)})`;
/** A Khmer trigger must end on a syllable boundary: the next character is not a vowel sign or subscript. */
const KM_TRIGGER_END = "(?![\\u17B6-\\u17D3\\u17DD])";

/** Capitalised words that are not names even after "uncle", "Mr" or at the start of a sentence. */
const EN_STOP = new Set(
  wordList(`
    i i'm i've i'd i'll me my mine we our us you your he him his she her hers they them their it its the a an
    and but or so then this that these those there here when while after before because if in on at to from with
    for of by as also yes no not was is are were be been said told who what where why how all both did does do
    had has have about again later today yesterday tomorrow tonight now just only very too some any each every
    one two other another same such monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december police khmer english cambodia cambodian
    facebook telegram tiktok ministry court god buddha ngo aple cpu tpo unicef ahtjp cnp ok okay mr mrs ms dr
    miss sir madam uncle aunt mother father brother sister please thanks thank
  `),
);
/** Capitalised words that commonly open a sentence before a comma ("However, ...") and are not names. */
const EN_SENTENCE_OPENERS = new Set([
  ...wordList(`
    however yesterday today tomorrow afterwards afterward later first second third next finally lastly also well
    so then now still overall sadly unfortunately fortunately luckily honestly actually again instead meanwhile
    otherwise anyway basically initially eventually obviously clearly sometimes often usually normally generally
    personally interestingly surprisingly importantly plus besides therefore thus hence perhaps maybe probably
    definitely apparently indeed yes no oh hi hello dear sir madam please thanks okay ok sure true right wait
    look listen before after since until once although though because while when if yet but and or again tonight
    morning afternoon evening anyway colleagues everyone guys friends team sorry note remember also similarly
    nevertheless nonetheless regardless consequently additionally furthermore moreover likewise lately recently
    again naturally sometimes here there
  `),
  // interview and wellbeing vocabulary that opens a list ("Rapport, ground rules and closure ...")
  ...wordList(`
    rapport planning closure silence silences pauses breaks recording questions prompts practice introductions
    children parents family officers interviewers supervisors training tips notes kindness patience empathy
    trust time sleep stress tiredness exercise food water prayer music football sport
  `),
]);
/** Word endings that mark ordinary English words, not names ("Kindness,", "Preparation,", "Listening,"). */
const EN_COMMON_ENDING = /(?:ly|ness|tion|sion|ment|ing|ity|ance|ence|ful|less|ous|ive|ism|ship|able|ible|ure|ies)$/;

function isEnStop(word: string): boolean {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^a-z'’]/g, "");
  return EN_STOP.has(w);
}

// ---------------------------------------------------------------------------------------------------------------
// How much of a matched span to remove

type Span = [start: number, end: number] | null;

/** English words: keep leading stop words only if asked, stop at the first stop word ("uncle Dara I think"). */
function englishWords(hit: string, skipLeadingStops = false): Span {
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
function khmerName(hit: string): Span {
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

function khmerPlace(hit: string): Span {
  if (/^[0-9\u17E0-\u17E9]/.test(hit) || /^\p{Lu}/u.test(hit)) return [0, hit.length];
  const n = khmerRun(hit);
  return n === 0 ? null : [0, n];
}

// ---------------------------------------------------------------------------------------------------------------
// The rules, applied in this order. Each pattern has a named group `hit` (removed) and may have a group `pre` just
// before it (kept: the trigger word). `span` narrows what part of `hit` goes; returning null keeps the match as is.

type Rule = { kind: ScrubKind; why: string; re: RegExp; span?: (hit: string) => Span };

const rx = (source: string, flags = "") => new RegExp(source, `gu${flags}`);

const URL_TAIL = '(?:[^\\s<>"]*[^\\s<>".,;:!?\')\\]។៕])?';
const SOCIAL_SITES = wordList(`
  t.me telegram.me fb.com fb.me facebook.com m.facebook.com m.me messenger.com instagram.com tiktok.com wa.me
  x.com twitter.com youtube.com line.me
`);
const TLDS = "com|net|org|kh|info|biz|io|me|co|app|ly|gl|tv|xyz|asia|gov|edu|link|site|online";

const EN_MONTH = wordList(`
  january february march april june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec
`);
const KM_MONTH = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"];
const KM_WEEKDAY = ["ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ"];
const KM_DAY = `ថ្ងៃ(?:${KSP}*(?:${alt(KM_WEEKDAY)}))?${KSP}*(?:ទី)?${KSP}*${D}{1,2}${NOT_DIGIT_AFTER}`;
const KM_MONTH_PART = `ខែ${KSP}*(?:${alt(KM_MONTH)}|${D}{1,2}${NOT_DIGIT_AFTER})`;
const KM_YEAR = `(?:ឆ្នាំ|គ\\.ស\\.?|ព\\.ស\\.?)${KSP}*${D}{4}${NOT_DIGIT_AFTER}`;

const EN_NUMBER = `(?:${D}{1,2}|${alt(
  wordList(`
    one two three four five six seven eight nine ten
    eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
  `),
)})`;
const KM_NUMBER_WORD = "(?:(?:ដប់|ម្ភៃ)(?:ប្រាំ(?:មួយ|ពីរ|បី|បួន)?|មួយ|ពីរ|បី|បួន)?|ប្រាំ(?:មួយ|ពីរ|បី|បួន)?|មួយ|ពីរ|បី|បួន)";
const KM_NUMBER = `(?:${D}{1,2}${NOT_DIGIT_AFTER}|${KM_NUMBER_WORD})`;
const EN_CHILD = ["girl", "boy", "child", "kid", "victim", "survivor", "daughter", "son", "niece", "nephew", "student"];
const KM_PERSON = wordList(`
  ក្មេងស្រី ក្មេងប្រុស ក្មេង កុមារី កុមារា កុមារ កូនស្រី កូនប្រុស ក្មួយស្រី ក្មួយប្រុស ក្មួយ ជនរងគ្រោះ ប្អូនស្រី
  ប្អូនប្រុស នាង គាត់ សិស្ស
`);

const EN_TITLES = ["mr", "mrs", "ms", "mx", "dr"];
const EN_HONORIFICS = ["Miss", "Madam", "Lok Srey", "Lok", "Neak Srey", "Neak", "Bong", "Pou", "Ming", "Yeay", "Ta"];
const EN_KIN = wordList(`
  uncle aunt auntie brother sister cousin grandma grandpa grandmother grandfather granny mother father mom mum
  dad stepfather stepmother stepdad stepmom neighbour neighbor teacher friend boyfriend girlfriend monk boss
  employer husband wife
`);
/** Khmer triggers that are almost always followed by a name. */
const KM_NAME_STRONG = wordList(`
  ឈ្មោះហៅក្រៅ ឈ្មោះ ហៅថា នាមត្រកូល លោកស្រី អ្នកស្រី អ្នកនាង កញ្ញា លោកគ្រូ អ្នកគ្រូ លោកតា លោកយាយ
`);
/** Khmer kinship words and pronoun-like titles: a name follows only after a space or when it is a known name. */
const KM_NAME_KIN = wordList(`
  លោក នាង អា មី ពូ មីង មា អ៊ំ បង ប្អូន តា យាយ ម្តាយ ម្ដាយ ម៉ែ ម៉ាក់ ឪពុក ពុក ប៉ា ក្មួយ ជីតា ជីដូន ឪពុកចុង
  ម្តាយចុង ម្ដាយចុង
`);
const EN_PLACE_AFTER_NAME = wordList(`
  village commune district province school pagoda market street road town city hospital borey
`);
const EN_PLACE_BEFORE_NAME = wordList(`
  village commune district province khan sangkat khum phum srok borey pagoda wat school market
`);
const EN_PLACE_BEFORE_NUMBER = wordList(`
  house street st. st road rd. rd flat building phum village
`);
const KM_PLACE = wordList(`
  ផ្ទះលេខ ផ្លូវលេខ សាលារៀន សាលា ភូមិ ឃុំ សង្កាត់ ស្រុក ខណ្ឌ ខេត្ត ទីក្រុង ក្រុង វត្ត ផ្លូវ ផ្សារ បុរី
`);

const RULES: Rule[] = [
  // Contact details first: they contain digits and dots that later rules would only half-match.
  {
    kind: "email",
    why: "an e-mail address names a person",
    re: rx("(?<hit>[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+)"),
  },
  {
    kind: "handle",
    why: "a social-media profile link leads straight to a person",
    re: rx(`(?<hit>(?:https?://)?(?:www\\.)?(?:${alt(SOCIAL_SITES)})/${URL_TAIL})`, "i"),
  },
  {
    kind: "url",
    why: "links can point to a profile, a post or a file about the case",
    re: rx(
      `(?<hit>(?:https?://|www\\.)${URL_TAIL}|${WB}[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.(?:${TLDS})(?:\\.[a-z]{2})?${WE}(?:/${URL_TAIL})?)`,
      "i",
    ),
  },
  // Phone numbers right after e-mails and links: digits grouped with spaces would otherwise look like IDs or dates.
  {
    kind: "phone",
    why: "Cambodian numbers: 0 + 8-9 digits, or +855 / 855 + 8-9 digits, grouped with spaces, dots or dashes",
    re: rx(
      `${NOT_DIGIT_BEFORE}(?<hit>(?:(?:\\+|00)${KSP}?(?:855|៨៥៥)[ .\\-]?(?:\\([0០]\\)[ .\\-]?)?|(?:855|៨៥៥)[ .\\-]?|[0០])${D}(?:[ .\\-]?${D}){7,8})${NOT_DIGIT_AFTER}`,
    ),
  },
  {
    kind: "phone",
    why: "any digits right after 'phone', 'tel', 'លេខទូរស័ព្ទ' are a number, whatever the format",
    re: rx(
      `(?<pre>(?:${WB}${ci(["phone", "tel", "mobile", "cell", "whatsapp", "telegram", "viber", "number"])}|លេខទូរស័ព្ទ|ទូរស័ព្ទ|ទូរសព្ទ|តេឡេក្រាម)${KSP}*(?:${ci(["no.", "no", "number"])}|លេខ)?${KSP}*[:.#៖]?${KSP}*)(?<hit>\\+?${D}(?:[ .\\-]?${D}){5,11})${NOT_DIGIT_AFTER}`,
    ),
  },

  // Account names after the phone rules, so 'Telegram: 012 345 678' is reported as a phone number.
  {
    kind: "handle",
    why: "'Facebook: Dara Sok' names the account",
    re: rx(
      `(?<pre>${WB}(?:${ci(["facebook", "fb", "telegram", "tiktok", "instagram", "whatsapp", "messenger", "line"])}|ហ្វេសប៊ុក|តេឡេក្រាម)${KSP}*(?:${ci(["account", "page", "name", "id"])}|ឈ្មោះ)?${KSP}*[:：៖]${KSP}*)(?<hit>[^\\s,;។${MARK}]+(?: ${CAP}){0,2})`,
    ),
  },
  {
    kind: "handle",
    why: "@names are Telegram, TikTok or Instagram accounts",
    re: rx("(?<![\\p{L}\\p{N}_.@])(?<hit>@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)"),
  },

  // Case and identity numbers, by the word in front of them (before dates: 'No. 45/2023' is a case, not a date).
  {
    kind: "case_number",
    why: "'case 2024/117', 'file no. CPU-17' ('report 2 days later' stays: file/report need 'no.' or ':')",
    re: rx(
      `(?<pre>${WB}(?:(?:${ci(["case", "complaint", "dossier", "docket"])})(?:\\s+(?:${ci(["no.", "no", "number", "nr.", "id"])}|#))?|(?:${ci(["file", "ref", "reference", "report"])})(?:\\s+(?:${ci(["no.", "no", "number", "nr.", "id"])}|#)|\\s*[:#]))\\s*[:#.]?\\s*)(?<hit>${ID_TOKEN})`,
    ),
  },
  {
    kind: "case_number",
    why: "'No. 45/2023', '#117'",
    re: rx(`(?<pre>(?:${WB}(?:[Nn]o\\.|N[º°]\\.?)|#)\\s*:?\\s*)(?<hit>${ID_TOKEN})`),
  },
  {
    kind: "id_number",
    why: "'ID 123456', 'passport N0123456'",
    re: rx(
      `(?<pre>${WB}(?:ID|I\\.D\\.|NID|${ci(["id card", "national id", "passport", "identity card", "birth certificate", "family book"])})(?:\\s+(?:${ci(["no.", "no", "number"])}|#))?\\s*[:#]?\\s*)(?<hit>${ID_TOKEN})`,
    ),
  },
  {
    kind: "id_number",
    why: "Khmer identity papers: អត្តសញ្ញាណប័ណ្ណ (ID card), លិខិតឆ្លងដែន (passport), សៀវភៅគ្រួសារ, សំបុត្រកំណើត",
    re: rx(`(?<pre>(?:អត្តសញ្ញាណប័ណ្ណ|លិខិតឆ្លងដែន|សៀវភៅគ្រួសារ|សំបុត្រកំណើត)(?:លេខ)?${KSP}*[:៖]?${KSP}*)(?<hit>${ID_TOKEN})`),
  },
  {
    kind: "case_number",
    why: "Khmer 'សំណុំរឿងលេខ ១២៣' (case file no.), 'ករណីលេខ', 'លេខ ...' (number ...), but not 'ផ្ទះលេខ' (house no.)",
    re: rx(
      `(?<pre>(?:សំណុំរឿង|ករណី|ពាក្យបណ្តឹង|ពាក្យបណ្ដឹង|បណ្តឹង|បណ្ដឹង|លិខិត|ដីកា|របាយការណ៍|លេខរៀង|លេខកូដ|(?<!ផ្ទះ|ផ្លូវ)លេខ)(?:លេខ)?${KSP}*[:៖]?${KSP}*)(?<hit>${ID_TOKEN})`,
    ),
  },

  // Dates written with digits.
  {
    kind: "date",
    why: "a date of birth or of an incident can be matched to a case",
    re: rx(
      `(?<![0-9\\u17E0-\\u17E9/.\\-])(?<hit>${D}{1,2}[/.\\-]${D}{1,2}[/.\\-](?:${D}{4}|${D}{2})|${D}{4}[/.\\-]${D}{1,2}[/.\\-]${D}{1,2}|${D}{1,2}/${D}{4})${NOT_DIGIT_AFTER}`,
    ),
  },
  // Dates written with words.
  {
    kind: "date",
    why: "'12 March 2015', '3rd of May'",
    re: rx(`${WB}(?<hit>${D}{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${ci(EN_MONTH)}|May)\\.?(?:,?\\s+${D}{4})?)${WE}`),
  },
  {
    kind: "date",
    why: "'March 12, 2015', 'March 2015' (capitalised, so 'may 2' in a sentence is left alone)",
    re: rx(
      `${WB}(?<hit>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?\\s+(?:${D}{1,2}(?:st|nd|rd|th)?(?:,?\\s+${D}{4})?|${D}{4}))${WE}`,
    ),
  },
  {
    kind: "date",
    why: "'born 2012', 'DOB: 2012' is a birth year",
    re: rx(
      `(?<pre>${WB}(?:${ci(["born", "dob", "d.o.b.", "d.o.b", "date of birth", "birth year", "year of birth"])})\\s*:?\\s*(?:${ci(["in", "on", "around", "about"])}\\s+)?)(?<hit>${D}{4})${NOT_DIGIT_AFTER}`,
    ),
  },
  {
    kind: "date",
    why: "Khmer dates: 'ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០១៥', 'ឆ្នាំ២០១២' (at least one digit, so 'ខែមីនា' alone stays)",
    re: rx(`(?<hit>(?:${KM_DAY}|${KM_MONTH_PART}|${KM_YEAR})(?:${KSP}*,?${KSP}*(?:${KM_MONTH_PART}|${KM_YEAR}))*)`),
    span: (hit) => (/[0-9\u17E0-\u17E9]/.test(hit) ? [0, hit.length] : null),
  },
  {
    kind: "date",
    why: "'កើតនៅ ២០១២' (born in 2012)",
    re: rx(`(?<pre>កើត(?:នៅ)?(?:ក្នុង)?${KSP}*)(?<hit>${D}{4})${NOT_DIGIT_AFTER}`),
  },

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

  // Whatever digits are left.
  {
    kind: "id_number",
    why: "any run of 5 or more digits (ID cards, accounts, plates), also in groups like '123 456 789'",
    re: rx(`${NOT_DIGIT_BEFORE}(?<hit>${D}{5,}|${D}{2,}(?:[ \\-/]${D}{3,})+)${NOT_DIGIT_AFTER}`),
  },

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

/**
 * Applies one rule until nothing more changes (at most a few passes): a match that was only partly removed may have
 * swallowed the start of the next one ("មីង ធីតា និងតា សុខ": the first match also covers "និងតា").
 */
function applyRule(text: string, rule: Rule, found: Set<ScrubKind>): string {
  let out = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = applyOnce(out, rule, found);
    if (next === out) break;
    out = next;
  }
  return out;
}

function applyOnce(text: string, rule: Rule, found: Set<ScrubKind>): string {
  return text.replace(rule.re, (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args.at(-1) as Record<string, string | undefined>;
    const pre = groups.pre ?? "";
    const hit = groups.hit ?? "";
    if (hit.startsWith(MARK)) return match;
    const span = rule.span ? rule.span(hit) : ([0, hit.length] as Span);
    if (!span || span[1] <= span[0]) return match;
    found.add(rule.kind);
    return pre + hit.slice(0, span[0]) + MARK + hit.slice(span[1]) + match.slice(pre.length + hit.length);
  });
}
