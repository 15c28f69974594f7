// Khmer-script word lists for the scrubber: given and family names, the grammar words that end a name or place
// (Khmer writes no spaces between words), and the trigger words (titles, kinship, places, months) the rules look for.
import { alt, KH, wordList } from "./scrubber-patterns.js";

/** Common Khmer given names in Khmer script that are not also everyday words: removed wherever they stand alone. */
export const KM_GIVEN = wordList(`
  ដារា សុខា សុភា ស្រីពៅ ស្រីនាង ស្រីល័ក្ខ ស្រីមុំ ស្រីម៉ៅ ស្រីរ័ត្ន ពិសី វណ្ណៈ ចាន់ថា បុប្ផា រតនា សុភ័ក្រ ម៉ាលីស
  ចាន់ណា សុជាតា សុគន្ធា ពិសិដ្ឋ ស៊ីណា សុផល វុទ្ធី ណារី វណ្ណា លីណា ម៉ូនី សុធា គន្ធា លក្ខិណា លីដា នីមល ផល្លា
  សុម៉ាលី សុភ័ណ ធារិទ្ធ បូរ៉ា រិទ្ធី ប៊ុនធឿន រីណា នីតា ដាវី វិបុល ម៉ាកា
`);
/** Names that are also ordinary words ("destiny", "thought", "January"...): only removed right after a name trigger. */
export const KM_GIVEN_AMBIGUOUS = ["វាសនា", "ចិន្តា", "កញ្ញា", "មករា", "តុលា", "សីហា", "ធីតា", "កុសល", "វិចិត្រ", "សុខុម", "រស្មី"];
/**
 * Common Khmer family names: a second word after one of these is the given name. Ros (រស់ "live") and Chea (ជា "is")
 * are left out: they are far more often the verb.
 */
export const KM_FAMILY = wordList(`
  សុខ ហេង ចាន់ លី គឹម ស៊ុន ម៉ៅ ប៉ែន សៀង ខៀវ ឈឹម ហ៊ុន ញឹម ឡាយ អ៊ុក ពេជ្រ អ៊ុង ព្រំ យិន ស៊ីម ម៉ម សំ ទូច ឃឹម ទេព
  សាន ណុប មាស លឹម
`);
export const KM_ANY_NAME = [...KM_GIVEN, ...KM_GIVEN_AMBIGUOUS, ...KM_FAMILY];

/**
 * Khmer words that cannot start a name or place: if the run after a trigger starts with one, the trigger was used as
 * an ordinary word ("លោកបាននិយាយ" = "he said", "ផ្លូវចិត្ត" = "mental", "វត្តមាន" = "presence").
 */
export const KM_STOP = [
  ...wordList(`
    បាន នឹង មិន ពុំ ថា និយាយ នៅ មាន ទៅ មក ក៏ ត្រូវ អាច ចង់ ធ្វើ ហើយ ដែល របស់ គឺ ខ្ញុំ គាត់ វា យើង គេ ពួក ទាំង
    នោះ នេះ ឲ្យ ឱ្យ អោយ ប្រាប់ សួរ ឆ្លើយ ដឹង ខ្លាច យំ សើច ស្ងៀម ភ័យ ព្រួយ អៀន ខឹង ពិបាក ចេះ កំពុង ធ្លាប់ ទើប រួច
    ពេល ពី ដល់ ដោយ ព្រោះ និង ឬ ផង ទៀត ម្នាក់ ជាមួយ ក្នុង ណា ដូច ខ្លួន ឯង អ្នក ទេ ហ្នឹង ស្រលាញ់ ជួយ រស់ ចូល ចេញ
    ឈឺ នាំ យក ឃើញ ស្តាប់ ស្ដាប់ មើល ដើរ អង្គុយ ដេក ញ៉ាំ ស្រែក ចាប់ ផ្ញើ សរសេរ អាយុ ក្មេង កុមារ ម្តាយ ម្ដាយ ឪពុក
    ប្រុស ស្រី ច្រើន តិច ណាស់ ល្អ ខ្លាំង មួយ តែ អ្វី អី នរណា ក្រោយ មុន បន្ទាប់ ដដែល ខ្លះ ទាំងមូល ផ្សេង
  `),
  // words that follow place triggers in everyday compounds
  ...wordList(`
    ចិត្ត ការ កំណើត ខ្មែរ ដំបូង ក្តី ក្ដី ឧទ្ធរណ៍ ជាតិ ភាគ សាស្ត្រ ឃាំង ផ្សេង
  `),
];
/** Grammar words that end a name or place run written without a space ("ដារានិយាយថា" → "ដារា" + "និយាយថា"). */
export const KM_INNER_STOP = wordList(`
  ដែល និង ហើយ បាន របស់ ជាមួយ នៅ ទៅ មក និយាយ ប្រាប់ ដោយ ព្រោះ ពេល មិន ក៏ គឺ ខ្ញុំ គាត់ ត្រូវ អាច ចង់ ធ្វើ ខ្លាច
  ទាំង អាយុ រស់ ដើម្បី កាលពី
`);
/**
 * Words after which a Khmer trigger may follow without a space ("ជាមួយពូ ដារា" = "with uncle Dara"). Elsewhere a
 * trigger must start a run, so "យាយ" inside "និយាយ" (say) is never a grandmother.
 */
export const KM_BEFORE_WORDS = wordList(`
  ជាមួយ ដោយ របស់ និង ពី ទៅ នៅ ឲ្យ ឱ្យ អោយ ជា គឺ ថា ហៅ មាន ដែល ក្នុង ក្បែរ ជិត ដល់ មក ពេល ចំពោះ រក ជួប ប្រាប់ សួរ
  ខាង ចេញពី រស់នៅ
`);
export const KM_BEFORE = `(?<=^|[^${KH}]|${alt(KM_BEFORE_WORDS)})`;

export const KM_MONTH = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"];
export const KM_WEEKDAY = ["ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ"];
export const KM_PERSON = wordList(`
  ក្មេងស្រី ក្មេងប្រុស ក្មេង កុមារី កុមារា កុមារ កូនស្រី កូនប្រុស ក្មួយស្រី ក្មួយប្រុស ក្មួយ ជនរងគ្រោះ ប្អូនស្រី
  ប្អូនប្រុស នាង គាត់ សិស្ស
`);

export const KM_NAME_STRONG = wordList(`
  ឈ្មោះហៅក្រៅ ឈ្មោះ ហៅថា នាមត្រកូល លោកស្រី អ្នកស្រី អ្នកនាង កញ្ញា លោកគ្រូ អ្នកគ្រូ លោកតា លោកយាយ
`);
/** Khmer kinship words and pronoun-like titles: a name follows only after a space or when it is a known name. */
export const KM_NAME_KIN = wordList(`
  លោក នាង អា មី ពូ មីង មា អ៊ំ បង ប្អូន តា យាយ ម្តាយ ម្ដាយ ម៉ែ ម៉ាក់ ឪពុក ពុក ប៉ា ក្មួយ ជីតា ជីដូន ឪពុកចុង
  ម្តាយចុង ម្ដាយចុង
`);
export const KM_PLACE = wordList(`
  ផ្ទះលេខ ផ្លូវលេខ សាលារៀន សាលាបឋមសិក្សា អនុវិទ្យាល័យ វិទ្យាល័យ សាលា ភូមិ ឃុំ សង្កាត់ ស្រុក ខណ្ឌ វត្ត ផ្លូវ ផ្សារ
  បុរី ផ្ទះសំណាក់ សណ្ឋាគារ ខារ៉ាអូខេ ខារ៉ាអូកេ ភោជនីយដ្ឋាន ហាងកាហ្វេ ក្លឹប កាស៊ីណូ ប៉ុស្តិ៍
`);
/** Province-level place words: the name after them is kept when it is a province (the officer's posting). */
export const KM_PROVINCE_WORDS = wordList("ខេត្ត ខេត្ដ រាជធានី ទីក្រុង ក្រុង");
