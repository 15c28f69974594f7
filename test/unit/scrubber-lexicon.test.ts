import { describe, expect, it } from "vitest";
import { SCRUB_PLACEHOLDER as P, scrub } from "../../src/services/scrubber.js";
import { khmerEntryKey, khmerKey, latinPlaceKey } from "../../src/services/scrubber-keys.js";
import { isProvince, lexicon } from "../../src/services/scrubber-lexicon.js";
import { KeyTrie } from "../../src/services/scrubber-trie.js";

const placeKey = (name: string) => name.split(" ").map(latinPlaceKey).join("");

describe("scrubber word lists and keys", () => {
  it.each([
    ["Toul Kork", "Tuol Kouk"],
    ["Chak Angre", "Chak Angrae"],
    ["Sen Sok", "Saensokh"],
    ["Prek Pnov", "Preaek Phnov"],
    ["Boeung Trabek", "Boeng Trabaek"],
    ["Chamkar Mon", "Chamkar Morn"],
  ])("When '%s' is keyed, then it meets the gazetteer's '%s'", (written, gazetteer) => {
    expect(placeKey(written)).toBe(placeKey(gazetteer));
  });

  it("When Khmer text is keyed, then spelling variants meet and offsets lead back to the text", () => {
    expect(khmerEntryKey("ដារ៉ា")).toBe(khmerEntryKey("ដារា"));
    expect(khmerEntryKey("កណ្តាល")).toBe(khmerEntryKey("កណ្ដាល"));
    const { key, at } = khmerKey("ពូ\u200Bដារ៉ា");
    expect(key).toBe("ពូដារា");
    expect(at[2]).toBe(3);
  });

  it("When the trie searches Khmer, then a key matches only whole letter clusters", () => {
    const trie = new KeyTrie<string>();
    trie.add("ដារ", "a", (x) => x);
    trie.add("ដារា", "b", (x) => x);
    expect(trie.search("ដារាមក").map(([s, e, v]) => [s, e, v])).toEqual([[0, 4, "b"]]);
  });

  it("When the lists are loaded, then every gazetteer level and both name lists are there, once", () => {
    const lx = lexicon();
    expect(lexicon()).toBe(lx);
    expect(lx.khmer.size).toBeGreaterThan(9000);
    expect(lx.latinPlaces.size).toBeGreaterThan(8000);
    expect(isProvince("សៀមរាប")).toBe(true);
    expect(isProvince("Siem Reap")).toBe(true);
    expect(isProvince("Kampong Trach")).toBe(false);
  });
});

describe("scrubber: what rule-based scrubbers miss", () => {
  it.each([
    ["a commune with no place word", "នាងមកពីចាក់អង្រែ", `នាងមកពី${P}`],
    ["a district glued to 'lives in'", "គាត់រស់នៅទួលគោកជាមួយយាយ", `គាត់រស់នៅ${P}ជាមួយយាយ`],
    ["a Latin spelling inside Khmer", "នាងរស់នៅ Toul Kork", `នាងរស់នៅ ${P}`],
    ["a name that must not run on", "ស្រីនាងនិយាយថាខ្លាច", `${P}និយាយថាខ្លាច`],
    ["a ស្រី- name after a role word", "កូនស្រីរបស់គាត់ ស្រីពៅ មិននិយាយ", `កូនស្រីរបស់គាត់ ${P} មិននិយាយ`],
    ["a spelling variant", "កុមារ ដារ៉ា ខ្លាច", `កុមារ ${P} ខ្លាច`],
    ["ខួប", "នាងទើបតែ ១៣ ខួប", `នាងទើបតែ ${P}`],
    ["a full name with no title", "the mother is Chea Sopheap", `the mother is ${P}`],
    ["a rank", "Lt. Sokunthea did the recording", `Lt. ${P} did the recording`],
    ["'is 13'", "she is 13 and shy", `she is ${P} and shy`],
    ["'turned 11'", "he turned 11 in May", `he turned ${P} in May`],
    ["'7 yrs'", "her son is small, 7 yrs", `her son is small, ${P}`],
    ["'(13)'", "Child (13) was quiet", `Child (${P}) was quiet`],
    ["'F, 13'", "victim F, 13, shy", `victim F, ${P}, shy`],
    ["'aged 9 and 12'", "two boys aged 9 and 12 came", `two boys ${P} and ${P} came`],
    ["'ayu 12 chnam'", "ayu 12 chnam, from the village", `${P}, from the village`],
    ["a plate", "plate 2AB-4567 again", `plate ${P} again`],
    ["a handle without @", "his telegram is night_wolf99", `his telegram is ${P}`],
  ])("When a note has %s, then it is removed", (_what, input, expected) => {
    expect(scrub(input).text).toBe(expected);
  });

  it("When a plate is removed, then `removed` says so", () => {
    expect(scrub("plate 2AB-4567").removed).toEqual(["plate"]);
  });
});

describe("scrubber: what must stay", () => {
  it.each([
    "I work in Siem Reap province",
    "ខ្ញុំធ្វើការនៅខេត្តសៀមរាប",
    "ក្រុមយើងនៅបាត់ដំបង",
    "Since 2019 I have done 40 interviews",
    "ខ្ញុំបានចូលវគ្គបណ្តុះបណ្តាលឆ្នាំ២០២៣",
    "We were six officers and two interpreters",
    "ឆ្នាំមុនមានករណី ១២ មកការិយាល័យយើង",
    "កូនពៅរបស់គាត់ក៏មកជាមួយដែរ",
    "នាងនិយាយដោយសុភាព",
    "ក្មេងស្រីនាងខ្លាចនៅដំបូង",
    "ការសម្ភាសន៍ថ្មីនេះប្រសើរជាងមុន",
    "ក្រុមការងារសាមគ្គីគ្នាល្អ",
    "Don't touch the child, and use a pen and paper",
    "Guidance on Interviewing Child Witnesses (2003)",
  ])("When a note says '%s', then it comes back unchanged", (text) => {
    expect(scrub(text)).toEqual({ text, removed: [] });
  });
});

describe("scrubber: cost", () => {
  it("When the lists are loaded, then a typical sentence takes well under a millisecond of CPU", () => {
    scrub("warm up");
    const sentences = ["ក្មេងស្រី សុខា អាយុ ១២ ឆ្នាំ មកពីចាក់អង្រែ", "the girl Dara told me about the man from Prek Pnov"];
    const start = process.cpuUsage();
    for (let i = 0; i < 200; i++) for (const s of sentences) scrub(s);
    const used = process.cpuUsage(start);
    const perSentenceMs = (used.user + used.system) / 1000 / 400;
    expect(perSentenceMs).toBeLessThan(1);
  });
});
