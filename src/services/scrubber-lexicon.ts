// The scrubber's word lists, loaded once on first use: Cambodia's gazetteer (content/gazetteer/places.tsv, ODbL) and
// the name lists (content/names/). Khmer entries go into a trie over Khmer keys (scrubber-trie.ts), which finds every
// entry in text written without spaces, on whole Khmer letter clusters; Latin entries are looked up per run of words
// in hash maps (a word boundary is always there in Latin script).
//
// Which gazetteer names may be removed with no place word before them ("free"): not provinces (the officer's own
// posting; too coarse to point to a child), and not names that are everyday words ("ថ្មី" new, "សាមគ្គី" solidarity,
// "Kandal" middle). A Khmer commune or village name is free when it has at least three syllables and ICU's Khmer
// dictionary does not see it as one everyday word (unless it starts with a place word such as ទួល, ព្រែក, បឹង);
// a district needs two syllables. Latin names need enough consonants to be unlike English words.
import { readFileSync } from "node:fs";
import path from "node:path";
import { consonants, khmerEntryKey, khmerKey, khmerSyllables, latinNameKey, latinPlaceKey } from "./scrubber-keys.js";
import { KeyTrie } from "./scrubber-trie.js";

export type Level = "p" | "d" | "c" | "v";
/**
 * When a place name is taken with no place word (ភូមិ, "village") right before it: "free" anywhere; "locative" after
 * "from", "in", មកពី, នៅ…; "placeword" only after a place word (names that are everyday words).
 */
export type PlaceMatch = "free" | "locative" | "placeword";
export type PlaceEntry = { kind: "place"; level: Level; match: PlaceMatch };
/** `word`: also an everyday word (Khmer) or English word (Latin): removed only after a cue. */
export type NameEntry = { kind: "name"; role: "given" | "family" | "foreign"; word: boolean };
export type Entry = PlaceEntry | NameEntry;

export type Lexicon = {
  khmer: KeyTrie<Entry[]>;
  latinPlaces: Map<string, Entry[]>;
  latinNames: Map<string, Entry[]>;
  /** Everyday Khmer words (content/gazetteer/everyday-km.txt), as keys (khmerEntryKey). */
  everyday: Set<string>;
  /** Every Khmer key of the gazetteer and the name lists. */
  listed: Set<string>;
  /** Khmer keys of the provinces and the capital. */
  provinces: string[];
};

const CONTENT = path.resolve(import.meta.dirname, "../../content");
/** Suffixes that split one place into parts ("ចាក់អង្រែលើ" upper, "…ក្រោម" lower, "…ទី១" no. 1): the base is a name too. */
const KM_SUFFIX = /(?:លើ|ក្រោម|កើត|លិច|ជើង|ត្បូង|កណ្ដាល|កណ្តាល|ធំ|តូច|ចាស់|ថ្មី|ទី[០-៩0-9]+|[០-៩0-9]+)$/u;
const LATIN_SUFFIX =
  /\s+(?:leu|lueu|kraom|krom|kaeut|keut|lech|lich|cheung|tboung|kandal|thum|thom|touch|tauch|chas|thmei|thmey|ti\s+\S+|muoy|pir|bei|\d+)$/i;
/** Khmer place words that names often start with: such a name is a place even when ICU knows it as one word. */
const KM_PLACE_START =
  /^(?:ភូមិ|ព្រែក|ទួល|អូរ|ត្រពាំង|កំពង់|ស្វាយ|ព្រៃ|បឹង|ស្ទឹង|ក្បាល|ជ្រោយ|កោះ|ភ្នំ|ពោធិ៍|ស្រែ|គោក|ក្រាំង|ចំការ|ថ្នល់|ស្រះ|បន្ទាយ|ប្រាសាទ|ឫស្សី|ពាម|ល្វា|អន្លង់|ស្នួល|វាល|ដូន|តា)(?=.)/u;

let cached: Lexicon | undefined;

/** The word lists, read and compiled on first use (about half a second), then kept. */
export function lexicon(): Lexicon {
  cached ??= build();
  return cached;
}

function tsv(file: string): string[][] {
  return readFileSync(path.join(CONTENT, file), "utf8")
    .normalize("NFC")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t"));
}

function add(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.some((e) => JSON.stringify(e) === JSON.stringify(entry))) list.push(entry);
}

function build(): Lexicon {
  const everyday = new Set(tsv("gazetteer/everyday-km.txt").map((r) => khmerEntryKey(r[0] ?? "")));
  const words = new Intl.Segmenter("km", { granularity: "word" });
  const isEveryday = (raw: string) => {
    const name = raw.replace(/[\s\u200B-\u200D]+/g, "");
    if (everyday.has(khmerEntryKey(name))) return true;
    const parts = [...words.segment(name)].map((s) => khmerEntryKey(s.segment));
    return parts.length === 1 ? !KM_PLACE_START.test(name) : parts.every((p) => everyday.has(p));
  };
  const khmer = new Map<string, Entry[]>();
  const latinPlaces = new Map<string, Entry[]>();
  const latinNames = new Map<string, Entry[]>();

  for (const [lv, km = "", latin = ""] of tsv("gazetteer/places.tsv")) {
    const level = lv as Level;
    const kmNames = km ? [km, km.replace(KM_SUFFIX, "")] : [];
    for (const name of new Set(kmNames)) {
      const key = khmerEntryKey(name);
      const ordinary = level === "d" ? everyday.has(key) : isEveryday(name);
      const long = level === "d" ? key.length >= 5 : khmerSyllables(key) >= 3 && key.length >= 5;
      const match = ordinary ? "placeword" : long ? "free" : key.length >= 3 ? "locative" : "placeword";
      add(khmer, key, { kind: "place", level, match });
    }
    // Provinces are looked up by their exact spellings (province-spellings.txt): a phonetic key would make "Piseth"
    // the province "Pursat".
    if (level === "p") continue;
    const latinVariants = latin ? [latin, latin.replace(LATIN_SUFFIX, "")] : [];
    for (const name of new Set(latinVariants)) {
      const tokens = name.split(/[\s-]+/).filter(Boolean);
      const key = tokens.map(latinPlaceKey).join("");
      const free = consonants(key) >= (tokens.length > 1 ? 3 : 4) && key.length >= 5;
      add(latinPlaces, key, { kind: "place", level, match: free ? "free" : "locative" });
    }
  }
  for (const [line = ""] of tsv("gazetteer/province-spellings.txt")) {
    for (const spelling of line.split("|"))
      add(latinNames, latinNameKey(spelling), { kind: "place", level: "p", match: "free" });
  }
  for (const [file, role] of [
    ["names/given.tsv", "given"],
    ["names/family.tsv", "family"],
  ] as const) {
    for (const [km = "", latin = "", flags = ""] of tsv(file)) {
      for (const name of km.split("|").filter(Boolean)) {
        const entry: Entry = { kind: "name", role, word: flags.includes("w") };
        add(khmer, khmerEntryKey(name), entry);
        // "ស្រីពៅ" is often written "ស្រី ពៅ".
        if (name.startsWith("ស្រី") && name.length > 4) add(khmer, khmerKey(`ស្រី ${name.slice(4)}`).key, entry);
      }
      for (const spelling of latin.split("|").filter(Boolean)) addLatinName(latinNames, spelling, role);
    }
  }
  for (const [line = ""] of tsv("names/foreign.tsv")) {
    for (const spelling of line.split("|").filter(Boolean)) addLatinName(latinNames, spelling, "foreign");
  }
  const provinces = [...khmer]
    .filter(([, es]) => es.some((e) => e.kind === "place" && e.level === "p"))
    .map(([k]) => k);
  const trie = new KeyTrie<Entry[]>();
  // One-letter keys (a village called "ក") would only ever match inside other words.
  for (const [key, entries] of khmer) if (key.length >= 2) trie.add(key, entries, (a, b) => [...a, ...b]);
  return {
    khmer: trie,
    listed: new Set(khmer.keys()),
    latinPlaces,
    latinNames,
    everyday,
    provinces,
  };
}

/** True when `text` starts with a province's name (Khmer, or a listed Latin spelling) and nothing else follows. */
export function isProvince(text: string): boolean {
  const lx = lexicon();
  const trimmed = text.trim();
  if (/[\u1780-\u17FF]/.test(trimmed)) {
    const key = khmerEntryKey(trimmed);
    return lx.provinces.some((p) => key.startsWith(p));
  }
  return !!lx.latinNames.get(latinNameKey(trimmed))?.some((e) => e.kind === "place" && e.level === "p");
}

function addLatinName(map: Map<string, Entry[]>, spelling: string, role: NameEntry["role"]): void {
  const word = spelling.startsWith("~");
  add(map, latinNameKey(spelling), { kind: "name", role, word });
}
