// Scrubber rules for accounts written without "@" and for vehicle plates. After the contact rules (links and
// @handles are gone by then) and before the number rules (a plate's digits are not an ID number).
import { CAP, D, KSP, NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, type Rule, rx, WB } from "./scrubber-patterns.js";

const PLATFORM =
  "(?:telegram|tele|tg|facebook|fb|tiktok|tik tok|ig|insta|instagram|line|whatsapp|messenger|viber|wechat|zalo|snapchat|twitter)";
const PLATFORM_KM = "(?:តេឡេក្រាម|តេលេក្រាម|ហ្វេសប៊ុក|ហ្វេសបុក|តិកតុក|ទិកតុក|អ៊ីនស្តាក្រាម|គណនី|Telegram|Facebook|TikTok|Tiktok|FB)";
/** An account name: letters with digits, dots or underscores in it ("leakhena2010", "dara.official", "kh_99"). */
const HANDLE = "[A-Za-z][A-Za-z0-9]*[._0-9][A-Za-z0-9._]*[A-Za-z0-9]|[A-Za-z][A-Za-z0-9]*[0-9]";

export const ACCOUNT_RULES: Rule[] = [
  {
    kind: "plate",
    why: "Cambodian plates: '2AB-4567', '2A 8899', 'PP 1A-5678' (a digit, one to three capitals, four digits)",
    re: rx(
      `${NOT_DIGIT_BEFORE}(?<![A-Za-z])(?<hit>${D}{1,2}[A-Z]{1,3}[\\-\\s.]?${D}{4})${NOT_DIGIT_AFTER}(?![A-Za-z])`,
    ),
  },
  {
    kind: "handle",
    why: "a word with an underscore is an account name ('night_wolf99', 'dark_angel_kh'); ordinary text has none",
    re: rx("(?<![\\p{L}\\p{N}_.@/])(?<hit>[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9])(?![\\p{L}\\p{N}_@])"),
  },
  {
    kind: "handle",
    why: "'her tiktok is leakhena2010', 'telegram sophea_k2', 'facebook is Srey Pich Cute', 'IG: dara.official'",
    re: rx(
      `(?<pre>${WB}${PLATFORM}(?:\\s+(?:acc|account|id|name|page|username|handle|profile))?(?:\\s+of\\s+the\\s+\\p{L}+)?\\s*(?:(?<is>\\s(?:is|was)|:)\\s*)?)(?<hit>${HANDLE}|(?<=(?:is|was|:)\\s*)${CAP}(?:\\s+${CAP}){0,3})`,
      "i",
    ),
  },
  {
    kind: "handle",
    why: "Khmer 'តេឡេក្រាមរបស់ជនសង្ស័យគឺ tiger99', 'ឈ្មោះហ្វេសប៊ុករបស់នាងគឺ Srey Oun': an account after a platform word",
    re: rx(
      `(?<pre>${PLATFORM_KM}[\\u1780-\\u17D3\\u17DD ]{0,30}?(?:គឺ|ឈ្មោះ|[:៖])?${KSP}*)(?<hit>${HANDLE}|(?<=(?:គឺ|ឈ្មោះ|[:៖])${KSP}*)[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,3})`,
    ),
  },
];
