// Scrubber rules for details with a recognisable format: contact details (e-mails, links, phone numbers,
// accounts), case and identity numbers, dates, and any long run of digits left over.
import {
  alt,
  CAP,
  ci,
  D,
  ID_TOKEN,
  KSP,
  MARK,
  NOT_DIGIT_AFTER,
  NOT_DIGIT_BEFORE,
  type Rule,
  rx,
  WB,
  WE,
} from "./scrubber-patterns.js";
import { KM_MONTH, KM_WEEKDAY } from "./scrubber-words-khmer.js";
import { EN_MONTH, SOCIAL_SITES, TLDS } from "./scrubber-words-latin.js";

const URL_TAIL = '(?:[^\\s<>"]*[^\\s<>".,;:!?\')\\]។៕])?';
const KM_DAY = `ថ្ងៃ(?:${KSP}*(?:${alt(KM_WEEKDAY)}))?${KSP}*(?:ទី)?${KSP}*${D}{1,2}${NOT_DIGIT_AFTER}`;
const KM_MONTH_PART = `ខែ${KSP}*(?:${alt(KM_MONTH)}|${D}{1,2}${NOT_DIGIT_AFTER})`;
const KM_YEAR = `(?:ឆ្នាំ|គ\\.ស\\.?|ព\\.ស\\.?)${KSP}*${D}{4}${NOT_DIGIT_AFTER}`;

export const CONTACT_RULES: Rule[] = [
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
];

export const ID_NUMBER_RULES: Rule[] = [
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
    why: "Khmer 'សំណុំរឿងលេខ ១២៣' (case file no.), 'ករណីលេខ', 'លេខ ...' (number ...), but not 'ផ្ទះលេខ' (house no.) nor 'ករណី ១២' (12 cases)",
    re: rx(
      `(?<pre>(?:(?:សំណុំរឿង|ករណី|ពាក្យបណ្តឹង|ពាក្យបណ្ដឹង|បណ្តឹង|បណ្ដឹង|លិខិត|ដីកា|របាយការណ៍|លេខរៀង|លេខកូដ)(?=លេខ|${KSP}*[:៖]|${KSP}*(?:${D}{3}|${D}+[/\\-]))|(?<!ផ្ទះ|ផ្លូវ)លេខ)(?:លេខ)?${KSP}*[:៖]?${KSP}*)(?<hit>${ID_TOKEN})`,
    ),
  },
];

export const DATE_RULES: Rule[] = [
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
    why: "Khmer dates: 'ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០១៥' (a digit and a day or month: 'ខែមីនា' and a bare 'ឆ្នាំ២០២៣' stay)",
    re: rx(`(?<hit>(?:${KM_DAY}|${KM_MONTH_PART}|${KM_YEAR})(?:${KSP}*,?${KSP}*(?:${KM_MONTH_PART}|${KM_YEAR}))*)`),
    span: (hit) => (/[0-9\u17E0-\u17E9]/.test(hit) && /^(?:ថ្ងៃ|ខែ)|ខែ/.test(hit) ? [0, hit.length] : null),
  },
  {
    kind: "date",
    why: "'កើតនៅ ២០១២', 'កើតឆ្នាំ២០១២' (born in 2012)",
    re: rx(`(?<pre>កើត(?:នៅ)?(?:ក្នុង)?${KSP}*(?:ឆ្នាំ|គ\\.ស\\.?)?${KSP}*)(?<hit>${D}{4})${NOT_DIGIT_AFTER}`),
  },
];

export const LEFTOVER_DIGIT_RULES: Rule[] = [
  // Whatever digits are left.
  {
    kind: "id_number",
    why: "any run of 5 or more digits (ID cards, accounts, plates), also in groups like '123 456 789'",
    re: rx(`${NOT_DIGIT_BEFORE}(?<hit>${D}{5,}|${D}{2,}(?:[ \\-/]${D}{3,})+)${NOT_DIGIT_AFTER}`),
  },
];
