// Latin-script word lists for the scrubber: Cambodian names in transliteration, English words that are never
// names, and the trigger words (titles, kinship, places, months, sites) that the rules look for.
import { wordList } from "./scrubber-patterns.js";

/** Common Cambodian given names and family names in Latin transliteration: removed anywhere, as whole words. */
export const LATIN_NAMES = [
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

/** Capitalised words that are not names even after "uncle", "Mr" or at the start of a sentence. */
export const EN_STOP = new Set(
  wordList(`
    i i'm i've i'd i'll me my mine we our us you your he him his she her hers they them their it its the a an
    and but or so then this that these those there here when while after before because if in on at to from with
    for of by as also yes no not was is are were be been said told who what where why how all both did does do
    had has have about again later today yesterday tomorrow tonight now just only very too some any each every
    one two other another same such monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december police khmer english cambodia cambodian
    facebook telegram tiktok ministry court god buddha ngo aple cpu tpo unicef ahtjp cnp ok okay mr mrs ms dr
    miss sir madam uncle aunt mother father brother sister please thanks thank village commune district province
    school market pagoda street road town city
  `),
);
/** Capitalised words that commonly open a sentence before a comma ("However, ...") and are not names. */
export const EN_SENTENCE_OPENERS = new Set([
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
export const EN_COMMON_ENDING =
  /(?:ly|ness|tion|sion|ment|ing|ity|ance|ence|ful|less|ous|ive|ism|ship|able|ible|ure|ies)$/;

export const SOCIAL_SITES = wordList(`
  t.me telegram.me fb.com fb.me facebook.com m.facebook.com m.me messenger.com instagram.com tiktok.com wa.me
  x.com twitter.com youtube.com line.me
`);
export const TLDS = "com|net|org|kh|info|biz|io|me|co|app|ly|gl|tv|xyz|asia|gov|edu|link|site|online";

export const EN_MONTH = wordList(`
  january february march april june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec
`);
export const EN_CHILD = [
  "girl",
  "boy",
  "child",
  "kid",
  "victim",
  "survivor",
  "daughter",
  "son",
  "niece",
  "nephew",
  "student",
];

export const EN_TITLES = ["mr", "mrs", "ms", "mx", "dr"];
export const EN_HONORIFICS = [
  "Miss",
  "Madam",
  "Lok Srey",
  "Lok",
  "Neak Srey",
  "Neak",
  "Bong",
  "Pou",
  "Ming",
  "Yeay",
  "Ta",
];
export const EN_KIN = wordList(`
  uncle aunt auntie brother sister cousin grandma grandpa grandmother grandfather granny mother father mom mum
  dad stepfather stepmother stepdad stepmom neighbour neighbor teacher friend boyfriend girlfriend monk boss
  employer husband wife son daughter grandson granddaughter niece nephew
`);
/** Role words: "the suspect Bunthoeun", "victim Sreyroth". Lower case, or opening a sentence: "Child Witnesses" in a
 * title is not a name. */
export const EN_ROLE = wordList(`
  suspect accused offender perpetrator victim survivor witness child kid girl boy student driver owner sisters
  brothers twins
`);
/** Khmer triggers that are almost always followed by a name. */
export const EN_PLACE_AFTER_NAME = wordList(`
  village commune district school pagoda market street road hospital borey guesthouse hotel karaoke
  ktv bar club restaurant casino shop salon cafe massage spa factory
`);
/** Province-level place words: the name before or after them is kept when it is a province (the officer's posting). */
export const EN_PROVINCE_WORDS = wordList("province town city municipality capital");
export const EN_PLACE_BEFORE_NAME = wordList(`
  village commune district khan sangkat khum phum srok borey pagoda wat school market guesthouse hotel karaoke ktv
  casino club
`);
export const EN_PLACE_BEFORE_NUMBER = wordList(`
  house street st. st road rd. rd flat building phum village
`);
