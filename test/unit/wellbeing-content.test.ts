import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCrisisWords } from "../../src/services/crisis.js";
import {
  loadWellbeingContent,
  mentionsCrisis,
  WELLBEING_DIR,
  type WellbeingContent,
} from "../../src/services/wellbeing-content.js";

let content: WellbeingContent;
let broken: string;

beforeAll(async () => {
  content = await loadWellbeingContent();
  broken = await mkdtemp(path.join(tmpdir(), "mitt-wellbeing-"));
});

afterAll(async () => {
  await rm(broken, { recursive: true, force: true });
});

const CRISIS = [
  "I want to die",
  "Sometimes I think about suicide after these cases",
  "I can't go on like this",
  "I cant go on anymore",
  "Honestly I feel hopeless",
  "I have thought about hurting myself, I might hurt myself",
  "I don’t want to live like this",
  "Everyone would be better off dead without me, maybe me too",
  "I thought about self harm last night",
  "ខ្ញុំចង់ស្លាប់",
  "ពេលខ្លះខ្ញុំគិតចង់សម្លាប់ខ្លួន",
  "ខ្ញុំគិតចង់សំលាប់ខ្លួន",
  "ខ្ញុំមិនចង់រស់ទៀតទេ",
  "ខ្ញុំ​អស់​សង្ឃឹម​ហើយ",
  "ខ្ញុំទ្រាំលែងបានទៀតហើយ",
  "ខ្ញុំមានអារម្មណ៍ថាជីវិតគ្មានន័យ",
];

// One sentence for every phrase added after the second Khmer reading (khmer-review.md), in both languages.
const CRISIS_ADDED = [
  "ពេលខ្លះខ្ញុំគិតខ្លី",
  "ខ្ញុំ​ធុញ​នឹង​ជីវិត​ណាស់",
  "ខ្ញុំធុញទ្រាន់នឹងជីវិតនេះ",
  "ខ្ញុំមិនចង់មានជីវិតទៀតទេ",
  "ខ្ញុំគ្មានហេតុផលរស់នៅទៀតទេ",
  "ខ្ញុំគ្មានហេតុផលនឹងរស់ទៀត",
  "ខ្ញុំគ្មានហេតុផលដើម្បីរស់",
  "ម្សិលមិញខ្ញុំបានកាត់ដៃខ្លួនឯង",
  "ខ្ញុំមិនចង់នៅលើលោកទៀតទេ",
  "Honestly I'm tired of life",
  "I am sick of life",
  "I'm tired of being alive",
  "I no longer want to live",
  "I don't want to be alive",
  "There is no point in living",
  "My life has no meaning",
  "Life is meaningless",
  "I don't want to be in this world",
  "I can't bear it anymore",
  "I can't take it any more",
  "Last night I wanted to cut my wrists",
  "I have lost all hope",
  "There is no hope left for me",
];

const ORDINARY = [
  "it was a hard day",
  "The interview was difficult and I felt tired.",
  "The child was hurt by her uncle.",
  "She said she wanted to go home.",
  "The die-hard colleague stayed late.",
  "I was worried the case would go nowhere.",
  "I used the hope chest story in rapport.",
  "ថ្ងៃនេះពិបាកណាស់",
  "ខ្ញុំនឿយហត់បន្តិច ប៉ុន្តែមិនអីទេ",
  "ក្មេងខ្លាច ហើយយំ",
  "ខ្ញុំសង្ឃឹមថាលើកក្រោយនឹងប្រសើរជាងនេះ",
  // Near misses of the added phrases: a Khmer phrase matches inside words, so these must stay quiet.
  "ខ្ញុំគិតអំពីខ្លួនឯងបន្តិច",
  "សូមសរសេរខ្លីៗ ហើយគិតឱ្យច្បាស់",
  "ក្មេងធុញនឹងការរង់ចាំយូរ",
  "ខ្ញុំកាត់សក់ខ្លួនឯង",
  "ខ្ញុំមានហេតុផលរស់នៅច្រើន",
  "ជីវិតរបស់កុមារមានន័យណាស់",
  "I'm tired of lifting boxes all day",
  "She was sick of lies",
  "The cut on my wrist has healed",
  "We have hope left for this case",
];

describe("wellbeing content", () => {
  it("When the wellbeing files are loaded, then crisis words, contacts and self-care cards are all there", () => {
    expect(content.crisisWords.km.length).toBeGreaterThanOrEqual(15);
    expect(content.crisisWords.en.length).toBeGreaterThanOrEqual(15);
    expect(content.contacts.map((c) => c.id)).toEqual(
      expect.arrayContaining(["focal-point", "tpo-cambodia", "emergency"]),
    );
    expect(content.contacts.some((c) => c.kind === "crisis")).toBe(true);
    expect(content.selfCare.length).toBeGreaterThanOrEqual(4);
    expect(content.selfCare.length).toBeLessThanOrEqual(6);
  });

  it("When the contacts are read, then Child Helpline 1280 is not offered to officers", () => {
    const texts = content.contacts.flatMap((c) => [c.name.km, c.name.en, c.detail.km, c.detail.en]);
    expect(texts.join(" ")).not.toMatch(/1280|១២៨០/);
  });

  it("When the crisis words are loaded on their own, then they match the full loader", async () => {
    expect(await loadCrisisWords()).toEqual(content.crisisWords);
  });

  it.each([...CRISIS, ...CRISIS_ADDED])("When an officer writes %j, then it is a crisis", (text) => {
    expect(mentionsCrisis(text, content.crisisWords)).toBe(true);
  });

  it.each(ORDINARY)("When an officer writes %j, then it is not a crisis", (text) => {
    expect(mentionsCrisis(text, content.crisisWords)).toBe(false);
  });

  it("When the self-care cards and contacts are read, then none of them trips the crisis detector", () => {
    const texts = [
      ...content.selfCare.flatMap((c) => [c.text.km, c.text.en]),
      ...content.contacts.flatMap((c) => [c.detail.km, c.detail.en]),
    ];
    expect(texts.filter((t) => mentionsCrisis(t, content.crisisWords))).toEqual([]);
  });

  it("When the crisis words are loaded, then every idea has phrases in both languages and the review's additions are there", async () => {
    const source = await readFile(path.join(WELLBEING_DIR, "crisis-words.yaml"), "utf8");
    const ideas = (parse(source) as { ideas: { id: string; en: string[]; km: string[] }[] }).ideas;
    expect(ideas.length).toBeGreaterThanOrEqual(14);
    expect(ideas.filter((i) => !i.en.length || !i.km.length)).toEqual([]);
    expect(content.crisisWords.km).toEqual(
      expect.arrayContaining(["គិតខ្លី", "ធុញនឹងជីវិត", "ធុញទ្រាន់នឹងជីវិត", "មិនចង់មានជីវិត", "គ្មានហេតុផលរស់", "កាត់ដៃខ្លួនឯង"]),
    );
  });

  it("When an idea has no Khmer phrase, then loading fails and names it", async () => {
    const file = path.join(broken, "crisis-only.yaml");
    await writeFile(file, ["ideas:", "  - id: hopeless", "    en: [hopeless]", "    km: []"].join("\n"));
    const error = await loadCrisisWords(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe("crisis-only.yaml: ideas.0.km: needs a Khmer phrase");
  });

  it("When a file has a duplicate id and a missing Khmer text, then loading fails and names both problems", async () => {
    for (const f of ["crisis-words.yaml", "contacts.yaml"]) {
      await writeFile(path.join(broken, f), await readFile(path.join(WELLBEING_DIR, f), "utf8"));
    }
    await writeFile(
      path.join(broken, "self-care.yaml"),
      [
        "cards:",
        "  - id: pace",
        "    text: { km: សម្រាក, en: Rest }",
        "  - id: pace",
        "    text: { km: Rest, en: Rest }",
      ].join("\n"),
    );
    const error = await loadWellbeingContent(broken).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('duplicate id "pace"');
    expect(message).toContain("cards.1.text.km: must be written in Khmer script");
  });
});
