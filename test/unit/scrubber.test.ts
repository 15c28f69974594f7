import { describe, expect, it } from "vitest";
import { containsIdentifiers, SCRUB_PLACEHOLDER, type ScrubKind, scrub } from "../../src/services/scrubber.js";

type Case = {
  /** Reads as "When the note has <when>, then ...". */
  when: string;
  input: string;
  /** Every one of these must be gone from the output. */
  gone: string[];
  /** Every one of these must still be in the output, word for word. */
  kept: string[];
  /** The kinds scrub() must report (at least these). */
  kinds: ScrubKind[];
};

const c = (when: string, input: string, gone: string[], kept: string[], kinds: ScrubKind[]): Case => ({
  when,
  input,
  gone,
  kept,
  kinds,
});

const ENGLISH: Case[] = [
  c(
    "the issue's example (name, age, phone)",
    "Sokha, 12 years old, phone 012 345 678, said it was hard",
    ["Sokha", "12 years old", "012 345 678", "345"],
    ["said it was hard", "phone"],
    ["name", "age", "phone"],
  ),
  c(
    "a dashed phone number",
    "Call me on 012-345-678 after the session.",
    ["012-345-678"],
    ["after the session."],
    ["phone"],
  ),
  c(
    "an international phone number",
    "Her mother's number is +855 12 345 678.",
    ["+855", "12 345 678"],
    ["Her mother"],
    ["phone"],
  ),
  c(
    "a phone number without spaces",
    "The number 0963456789 was in the chat.",
    ["0963456789"],
    ["was in the chat."],
    ["phone"],
  ),
  c(
    "a nine-digit mobile number",
    "On the day the mother phoned 097 777 8888 twice.",
    ["097 777 8888"],
    ["twice."],
    ["phone"],
  ),
  c(
    "an e-mail address",
    "Email her at sokha.lim99@gmail.com tomorrow.",
    ["sokha", "gmail.com"],
    ["tomorrow."],
    ["email"],
  ),
  c(
    "a web link",
    "See https://example.org/report?id=3 for details.",
    ["https", "example.org"],
    ["for details."],
    ["url"],
  ),
  c(
    "a bare web address",
    "The photos were on www.badsite.net today.",
    ["badsite"],
    ["The photos were on", "today."],
    ["url"],
  ),
  c(
    "Facebook and Telegram profile links",
    "He found her on facebook.com/sokha.lim and on t.me/dara_kh.",
    ["facebook.com", "sokha", "t.me", "dara_kh"],
    ["He found her on", "and on"],
    ["handle"],
  ),
  c(
    "a Telegram @handle",
    "The offender used @night_tiger99 on Telegram.",
    ["@night_tiger99"],
    ["The offender used"],
    ["handle"],
  ),
  c(
    "a labelled Facebook account",
    "Facebook: Kanika Lim sent the first message.",
    ["Kanika", "Lim"],
    ["sent the first message."],
    ["handle"],
  ),
  c(
    "a case number",
    "This is case 2024/117 from last month.",
    ["2024/117"],
    ["This is case", "from last month."],
    ["case_number"],
  ),
  c(
    "a 'No.' reference",
    "File No. 45/2023 was sent to the prosecutor.",
    ["45/2023"],
    ["was sent to the prosecutor."],
    ["case_number"],
  ),
  c("an ID number", "Her ID 123456789 was copied.", ["123456789"], ["Her ID", "was copied."], ["id_number"]),
  c(
    "a long number on its own",
    "The account 88812345 kept sending money.",
    ["88812345"],
    ["kept sending money."],
    ["id_number"],
  ),
  c(
    "a slashed date of birth",
    "Born 12/03/2015 according to the file.",
    ["12/03/2015"],
    ["according to the file."],
    ["date"],
  ),
  c("an ISO date", "The birth date was 2015-03-12.", ["2015-03-12"], ["The birth date was"], ["date"]),
  c(
    "a date in words",
    "She was born on 12 March 2015 in the province.",
    ["12 March 2015"],
    ["She was born on", "in the province."],
    ["date"],
  ),
  c(
    "a month-first date",
    "It started on March 3, 2024 after school.",
    ["March 3, 2024"],
    ["It started on", "after school."],
    ["date"],
  ),
  c("a birth year", "He was born 2012, so he is a teenager.", ["2012"], ["so he is a teenager."], ["date"]),
  c("'aged 12'", "The boy, aged 12, was very quiet.", ["aged 12"], ["The boy", "was very quiet."], ["age"]),
  c("'12-year-old'", "A 12-year-old girl came with her aunt.", ["12-year-old"], ["girl came with her aunt."], ["age"]),
  c("'9yo'", "The child (9yo) drew a picture.", ["9yo"], ["drew a picture."], ["age"]),
  c("an age in words", "She is twelve years old and shy.", ["twelve years old"], ["and shy."], ["age"]),
  c("'age 12'", "At age 12 she got a phone.", ["age 12"], ["she got a phone."], ["age"]),
  c(
    "a kinship word and a name",
    "Her uncle Dara brought her to the station.",
    ["Dara"],
    ["Her uncle", "brought her to the station."],
    ["name"],
  ),
  c("a title and a full name", "Mr. Sok Vibol is the neighbour.", ["Sok", "Vibol"], ["is the neighbour."], ["name"]),
  c(
    "'the girl named X'",
    "The girl named Bopha cried at first.",
    ["Bopha"],
    ["The girl named", "cried at first."],
    ["name"],
  ),
  c(
    "'called X' with an uncommon name",
    "A man called Johnny sent the messages.",
    ["Johnny"],
    ["A man called", "sent the messages."],
    ["name"],
  ),
  c(
    "a name and a bare age",
    "Pisey, 14, lives with her grandma.",
    ["Pisey", "14"],
    ["lives with her grandma."],
    ["name", "age"],
  ),
  c(
    "an unlisted name opening the sentence",
    "Malina, the older sister, spoke first.",
    ["Malina"],
    ["the older sister, spoke first."],
    ["name"],
  ),
  c(
    "a lower-case name after 'name is'",
    "Her name is sreyleak and she is shy.",
    ["sreyleak"],
    ["and she is shy."],
    ["name"],
  ),
  c(
    "two siblings' names",
    "Her sister Srey Pov and brother Sokun were there.",
    ["Srey", "Pov", "Sokun"],
    ["Her sister", "were there."],
    ["name"],
  ),
  c(
    "a doctor's name",
    "Ask Dr Chan Sophal about the medical report.",
    ["Chan", "Sophal"],
    ["about the medical report."],
    ["name"],
  ),
  c(
    "a village and a district",
    "She lives in Prek Leap village, Russey Keo district.",
    ["Prek Leap", "Russey Keo"],
    ["She lives in", "village", "district."],
    ["place"],
  ),
  c(
    "a pagoda and a street",
    "They met near Wat Phnom and later at Street 271.",
    ["Phnom", "271"],
    ["They met near Wat", "and later at Street"],
    ["place"],
  ),
  c(
    "a school, and a province that stays (too coarse to identify; usually the officer's posting)",
    "He goes to Hun Sen Primary School in Kandal province.",
    ["Hun Sen"],
    ["He goes to", "School in", "Kandal province."],
    ["place"],
  ),
  c("a house number", "Her address is house No. 12, street 63.", ["12", "63"], ["Her address is house"], ["place"]),
];

const KHMER: Case[] = [
  c(
    "the issue's example in Khmer",
    "សុខា អាយុ ១២ ឆ្នាំ លេខទូរស័ព្ទ ០១២ ៣៤៥ ៦៧៨ បាននិយាយថាវាពិបាក",
    ["សុខា", "១២", "០១២ ៣៤៥ ៦៧៨"],
    ["បាននិយាយថាវាពិបាក"],
    ["name", "age", "phone"],
  ),
  c("a phone number in Khmer digits", "ម្តាយរបស់នាងទូរស័ព្ទមកលេខ ០៩៦៣៤៥៦៧៨៩", ["០៩៦៣៤៥៦៧៨៩"], ["ម្តាយរបស់នាង"], ["phone"]),
  c("a +855 number in Khmer digits", "លេខ +៨៥៥ ១២ ៣៤៥ ៦៧៨ ជារបស់ឪពុក", ["៨៥៥", "៣៤៥ ៦៧៨"], ["ជារបស់ឪពុក"], ["phone"]),
  c(
    "a dashed number in Latin digits",
    "គាត់ផ្ញើសារពីលេខ 012-345-678 រាល់យប់",
    ["012-345-678"],
    ["គាត់ផ្ញើសារពីលេខ", "រាល់យប់"],
    ["phone"],
  ),
  c(
    "'អាយុ១២ឆ្នាំ' written without spaces",
    "ក្មេងស្រីអាយុ១២ឆ្នាំ បានមកជាមួយពូរបស់នាង",
    ["១២"],
    ["ក្មេងស្រី", "បានមកជាមួយពូរបស់នាង"],
    ["age"],
  ),
  c("'១០ ឆ្នាំ' after 'boy'", "ក្មេងប្រុស ១០ ឆ្នាំ ខ្លាចណាស់នៅពេលចាប់ផ្តើម", ["១០"], ["ក្មេងប្រុស", "ខ្លាចណាស់នៅពេលចាប់ផ្តើម"], ["age"]),
  c("an age in Khmer words", "នាងអាយុដប់ពីរឆ្នាំ ហើយរៀនពូកែ", ["ដប់ពីរ"], ["នាង", "ហើយរៀនពូកែ"], ["age"]),
  c("'អាយុប្រហែល ៩ ឆ្នាំ' and a nephew's name", "ក្មួយ ស្រីនាង អាយុប្រហែល ៩ ឆ្នាំ", ["ស្រីនាង", "៩"], ["ក្មួយ"], ["name", "age"]),
  c("a name, a comma and an age", "ដារា, ១៣ ឆ្នាំ, មកជាមួយម្តាយ", ["ដារា", "១៣"], ["មកជាមួយម្តាយ"], ["name", "age"]),
  c(
    "a case file number",
    "សំណុំរឿងលេខ ១២៣/២០២៤ ត្រូវបានបញ្ជូនទៅតុលាការ",
    ["១២៣/២០២៤"],
    ["សំណុំរឿងលេខ", "ត្រូវបានបញ្ជូនទៅតុលាការ"],
    ["case_number"],
  ),
  c("a Khmer 'case no.'", "ករណីលេខ ៤៥/២០២៣ នៅតែបើក", ["៤៥/២០២៣"], ["នៅតែបើក"], ["case_number"]),
  c("a bare 'លេខ' reference", "ខ្ញុំបានកត់ត្រាលេខ ៧៨៩ ក្នុងសៀវភៅ", ["៧៨៩"], ["ខ្ញុំបានកត់ត្រាលេខ", "ក្នុងសៀវភៅ"], ["case_number"]),
  c("an ID card number", "អត្តសញ្ញាណប័ណ្ណលេខ ១២៣៤៥៦៧៨៩ ត្រូវបានថតចម្លង", ["១២៣៤៥៦៧៨៩"], ["ត្រូវបានថតចម្លង"], ["id_number"]),
  c("a full Khmer date", "នាងកើតថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០១៥", ["១២", "មីនា", "២០១៥"], ["នាងកើត"], ["date"]),
  c("'កើតឆ្នាំ២០១២'", "ក្មេងនោះកើតឆ្នាំ២០១២ ហើយរៀននៅថ្នាក់ទី៦", ["២០១២"], ["ក្មេងនោះកើត", "ហើយរៀននៅថ្នាក់ទី៦"], ["date"]),
  c("a numeric date in Khmer digits", "ថ្ងៃខែឆ្នាំកំណើត ១២/០៣/២០១៥", ["១២/០៣/២០១៥"], ["ថ្ងៃខែឆ្នាំកំណើត"], ["date"]),
  c("a date with a month number", "យើងជួបគ្នាថ្ងៃទី ៥ ខែ ៦ ឆ្នាំ ២០២៤ នៅប៉ុស្តិ៍", ["២០២៤"], ["យើងជួបគ្នា", "នៅប៉ុស្តិ៍"], ["date"]),
  c("'ពូ' and a name", "ពូ ដារា បាននាំក្មេងមកប៉ុស្តិ៍", ["ដារា"], ["ពូ", "បាននាំក្មេងមកប៉ុស្តិ៍"], ["name"]),
  c("'ពូ' written onto a known name", "ក្មេងរស់នៅជាមួយពូដារាតាំងពីតូច", ["ដារា"], ["ក្មេងរស់នៅជាមួយពូ", "តាំងពីតូច"], ["name"]),
  c(
    "'ឈ្មោះ' with a family and a given name, and a village",
    "ជនសង្ស័យឈ្មោះ សុខ វិបុល រស់នៅភូមិថ្មី",
    ["សុខ", "វិបុល", "ថ្មី"],
    ["ជនសង្ស័យឈ្មោះ", "រស់នៅភូមិ"],
    ["name", "place"],
  ),
  c("'លោកស្រី' and a name", "លោកស្រី ចាន់ថា ជាអ្នកជិតខាង", ["ចាន់ថា"], ["លោកស្រី", "ជាអ្នកជិតខាង"], ["name"]),
  c(
    "'កញ្ញា' and a name, and a school",
    "កញ្ញា ស្រីពៅ រៀននៅសាលារៀនហ៊ុនសែនព្រែកលាប",
    ["ស្រីពៅ", "ហ៊ុនសែន"],
    ["កញ្ញា", "រៀននៅសាលារៀន"],
    ["name", "place"],
  ),
  c(
    "a commune and a district, and a province that stays",
    "នាងរស់នៅឃុំព្រែកលាប ស្រុកកៀនស្វាយ ខេត្តកណ្តាល",
    ["ព្រែកលាប", "កៀនស្វាយ"],
    ["នាងរស់នៅឃុំ", "ស្រុក", "ខេត្តកណ្តាល"],
    ["place"],
  ),
  c(
    "a house, a street and a sangkat",
    "ផ្ទះលេខ ២៥ ផ្លូវ ២៧១ សង្កាត់ទួលទំពូង",
    ["២៥", "២៧១", "ទួលទំពូង"],
    ["ផ្ទះលេខ", "ផ្លូវ", "សង្កាត់"],
    ["place"],
  ),
  c("'ម៉ែ' and a name", "ម៉ែ សុខា ខឹងណាស់", ["សុខា"], ["ម៉ែ", "ខឹងណាស់"], ["name"]),
  c("an aunt and a grandfather", "មីង ធីតា និងតា សុខ បានមកសួរ", ["ធីតា", "សុខ"], ["មីង", "និងតា", "បានមកសួរ"], ["name"]),
  c("'បងប្រុសឈ្មោះ' and a name", "បងប្រុសឈ្មោះវណ្ណៈ ធ្វើការនៅផ្សារ", ["វណ្ណៈ"], ["បងប្រុសឈ្មោះ", "ធ្វើការនៅផ្សារ"], ["name"]),
  c("a Telegram handle", "ទំនាក់ទំនងតាមតេឡេក្រាម @sokha_kh", ["@sokha_kh"], ["ទំនាក់ទំនងតាមតេឡេក្រាម"], ["handle"]),
  c(
    "a Facebook link",
    "គេផ្ញើតំណ facebook.com/dara.99 មកនាង",
    ["facebook.com/dara.99"],
    ["គេផ្ញើតំណ", "មកនាង"],
    ["handle"],
  ),
  c("an e-mail address", "អ៊ីមែល dara@yahoo.com ត្រូវបានប្រើ", ["dara@yahoo.com"], ["ត្រូវបានប្រើ"], ["email"]),
  c("'លោក' and a name", "លោក ពិសិដ្ឋ ជាគ្រូបង្រៀនរបស់ក្មេង", ["ពិសិដ្ឋ"], ["លោក", "ជាគ្រូបង្រៀនរបស់ក្មេង"], ["name"]),
  c(
    "a grandmother and a pagoda",
    "យាយ ម៉ាលីស មើលថែក្មេងនៅវត្តបទុម",
    ["ម៉ាលីស", "បទុម"],
    ["យាយ", "មើលថែក្មេងនៅវត្ត"],
    ["name", "place"],
  ),
  c("a known name standing alone", "ក្រោយមក ស្រីនាង និយាយថានាងខ្លាច", ["ស្រីនាង"], ["ក្រោយមក", "និយាយថានាងខ្លាច"], ["name"]),
  c("a Latin name inside Khmer text", "Bopha បាននិយាយតិចៗ", ["Bopha"], ["បាននិយាយតិចៗ"], ["name"]),
  c(
    "zero-width spaces between words",
    "ខ្ញុំ\u200Bបាន\u200Bសួរ\u200Bក្មេង\u200Bស្រី\u200Bឈ្មោះ\u200Bដារា\u200Bអំពី\u200Bរឿង\u200Bនោះ",
    ["ដារា"],
    ["ឈ្មោះ", "អំពី\u200Bរឿង\u200Bនោះ"],
    ["name"],
  ),
  c(
    "zero-width spaces and a village",
    "នាង\u200Bរស់\u200Bនៅ\u200Bភូមិ\u200Bថ្មី\u200Bជាមួយ\u200Bយាយ",
    ["ថ្មី"],
    ["នាង\u200Bរស់\u200Bនៅ\u200Bភូមិ", "ជាមួយ\u200Bយាយ"],
    ["place"],
  ),
];

/** Ordinary reflection text: nothing may change. */
const GENERIC = [
  "said it was hard",
  "I waited 10 seconds in the silence and it helped.",
  "We took 2 breaks and the interview lasted 45 minutes.",
  "I used the child-friendly room and checked the camera.",
  "It was hard, but the ground rules worked well.",
  "Next time I will ask fewer yes/no questions.",
  "Yesterday, I felt tired after the interview.",
  "However, the interpreter changed my open questions.",
  "I miss having a colleague in the room.",
  "My supervisor said the recording was clear.",
  "About 75% of my questions were open prompts.",
  "The rapport phase took 10 minutes at 9:30.",
  "I wrote the report 2 days later and may try again in 3 weeks.",
  "Her mother was there and called the police the same night.",
  "Honestly, the child opened up after the practice narrative.",
  "ខ្ញុំរង់ចាំ ១០ វិនាទី ក្នុងភាពស្ងៀមស្ងាត់",
  "យើងបានសម្រាក ២ ដង ហើយការសម្ភាសន៍មានរយៈពេល ៤៥ នាទី",
  "ខ្ញុំបានប្រើបន្ទប់សម្រាប់កុមារ ហើយក្មេងហាក់ដូចជាស្ងប់ចិត្ត",
  "វាពិបាកណាស់ ប៉ុន្តែខ្ញុំបានពន្យល់ច្បាប់មូលដ្ឋាន",
  "នាងខ្លាចនៅដំបូង តែក្រោយមកនាងនិយាយច្រើន",
  "លោកបាននិយាយថា ការសម្ភាសន៍នេះល្អ",
  "ខ្ញុំមានអារម្មណ៍នឿយហត់ផ្លូវចិត្តបន្តិច",
  "ខ្ញុំធ្វើការជាប៉ូលិសអស់រយៈពេល ១០ ឆ្នាំហើយ",
  "ខ្ញុំបានសួរសំណួរបើកចំហច្រើនជាងមុន",
  "ការសម្រាកជួយឲ្យក្មេងនិយាយបានច្រើន",
  "បងប្អូនរួមការងារបានជួយខ្ញុំច្រើន",
  "វត្តមានរបស់អ្នកបកប្រែបានជួយ",
  "ខ្ញុំនឹងសម្រាកឲ្យបានគ្រប់គ្រាន់ និងគេងឲ្យបានល្អ",
  "ពេលនិយាយអំពីរឿងនោះ ក្មេងយំ ហើយខ្ញុំផ្អាកបន្តិច",
  "ម្តាយ និងឪពុករបស់ក្មេងរង់ចាំនៅខាងក្រៅ",
  "ខ្ញុំអាចសួរបានល្អជាងនេះនៅខែមីនា",
  "នាង\u200Bញញឹម\u200Bបន្តិច\u200Bពេល\u200Bខ្ញុំ\u200Bសួរ",
  "ពូ\u200Bរបស់\u200Bនាង\u200Bបាន\u200Bផ្ញើ\u200Bរូបភាព\u200Bតាម\u200Bតេឡេក្រាម",
];

describe("scrubber", () => {
  it("When the test table is counted, then it holds at least 60 sentences, about half of them Khmer", () => {
    const all = [...ENGLISH.map((x) => x.input), ...KHMER.map((x) => x.input), ...GENERIC];
    const khmer = all.filter((s) => /[\u1780-\u17FF]/.test(s));
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(khmer.length).toBeGreaterThanOrEqual(all.length * 0.4);
  });

  it.each([...ENGLISH, ...KHMER])("When a note has $when, then those details are gone and the rest survives", (tc) => {
    const result = scrub(tc.input);
    for (const g of tc.gone) expect(result.text, `"${g}" should be gone`).not.toContain(g);
    for (const k of tc.kept) expect(result.text, `"${k}" should be kept`).toContain(k);
    expect(result.text).toContain(SCRUB_PLACEHOLDER);
    for (const kind of tc.kinds) expect(result.removed).toContain(kind);
  });

  it.each(GENERIC)("When a note has no identifying detail (%s), then it comes back unchanged", (text) => {
    expect(scrub(text)).toEqual({ text, removed: [] });
    expect(containsIdentifiers(text)).toBe(false);
  });

  it("When the issue's example is scrubbed, then it reads exactly as expected", () => {
    expect(scrub("Sokha, 12 years old, phone 012 345 678, said it was hard")).toEqual({
      text: "[•••], [•••], phone [•••], said it was hard",
      removed: ["phone", "age", "name"],
    });
  });

  it("When two removed details stand side by side, then they merge into one placeholder", () => {
    expect(scrub("Mr Sok Dara").text).toBe("Mr [•••]");
    expect(scrub("ឈ្មោះ សុខ ដារា").text).toBe("ឈ្មោះ [•••]");
  });

  it("When the same kind appears twice, then `removed` lists it once, in the fixed kind order", () => {
    const result = scrub("Dara and Sokha called 012 345 678 and 097 777 8888");
    expect(result.removed).toEqual(["phone", "name"]);
  });

  it("When a text is scrubbed twice, then the second pass changes nothing", () => {
    for (const tc of [...ENGLISH, ...KHMER]) {
      const once = scrub(tc.input).text;
      expect(scrub(once).text).toBe(once);
    }
  });

  it("When the text is empty, then the result is empty", () => {
    expect(scrub("")).toEqual({ text: "", removed: [] });
  });
});
