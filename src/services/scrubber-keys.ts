// Matching keys for the scrubber's word lists (gazetteer, names): the same spelling variation folded the same way in
// the lists and in the text, so "ដារ៉ា" finds "ដារា", "កណ្តាល" finds "កណ្ដាល", and "Toul Kork" finds the gazetteer's
// "Tuol Kouk". Pure functions, no data.

/**
 * A Khmer matching key and, for each key character, where it came from in the original text (`at[key.length]` is
 * the original length). Dropped: zero-width spaces and joiners (keyboards put them anywhere), the consonant-shifter
 * signs ៉ ៊ (written or not in names: ដារ៉ា / ដារា). Unified: subscript ដ / ត (្ដ / ្ត, both in use), ៈ / ះ.
 */
export type Keyed = { key: string; at: number[] };

const DROP = new Set(["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u17C9", "\u17CA"]);

const NEEDS_KEYING = /[\u200B-\u200D\u2060\uFEFF\u00AD\u17C8-\u17CA]|\u17D2\u178A/;

export function khmerKey(text: string): Keyed {
  if (!NEEDS_KEYING.test(text)) return { key: text, at: Array.from({ length: text.length + 1 }, (_, i) => i) };
  let key = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (DROP.has(c)) continue;
    at.push(i);
    if (c === "\u178A" && text[i - 1] === "\u17D2") key += "\u178F";
    else if (c === "\u17C8") key += "\u17C7";
    else key += c;
  }
  at.push(text.length);
  return { key, at };
}

/** The key of a list entry: as khmerKey(), without spaces ("ទួលទំពូងទី ១" is written "ទួលទំពូងទី១" too). */
export function khmerEntryKey(name: string): string {
  return khmerKey(name.normalize("NFC").replace(/[\s\u200B]+/g, "")).key;
}

/** Khmer syllables, roughly: base letters not written under another (not after the subscript sign ្). */
export function khmerSyllables(key: string): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x1780 && c <= 0x17b3 && key.charCodeAt(i - 1) !== 0x17d2) n++;
  }
  return n;
}

/** A Latin name key: lower case, no accents or apostrophes ("Sreypov", "srey-pov" and "Srey Pov" meet). */
export function latinNameKey(word: string): string {
  return word
    .normalize("NFD")
    .replace(/[^\p{L}]/gu, "")
    .toLowerCase();
}

const VOWEL = /[aeiou]/;
const DIGRAPHS: [RegExp, string][] = [
  [/chh|ch|j/g, "C"],
  [/kh|q|c/g, "k"],
  [/ph|f/g, "p"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/bh/g, "b"],
  [/gh/g, "g"],
  [/sh|x|z/g, "s"],
  [/nh|ny|gn/g, "n"],
  [/ng/g, "N"],
  [/w/g, "v"],
];

/**
 * A phonetic key for a Latin spelling of a Khmer place name. Romanisations differ mostly in vowels ("Tuol"/"Toul",
 * "Boeng"/"Boeung", "Preaek"/"Prek"), aspiration ("Phnom"/"Pnom", "Chh"/"Ch") and silent finals ("Kaev"/"Keo",
 * "Chamkar Morn"/"Mon"), so: digraphs become one letter (ch → C, ng → N), every vowel group becomes "a", a final v, r or h after a
 * vowel goes, a final b becomes p, doubled letters become one. "Kg"/"Kpg" is the usual short form of Kampong.
 */
export function latinPlaceKey(word: string): string {
  let w = latinNameKey(word);
  if (w === "kg" || w === "kpg" || w === "kompong") w = "kampong";
  if (w === "k") return w;
  // Order matters: "ch" becomes C before a lone c (sounded k) becomes k.
  for (const [re, to] of DIGRAPHS) w = w.replace(re, to);
  let out = "";
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] ?? "";
    const prev = w[i - 1] ?? "";
    const next = w[i + 1] ?? "";
    const prevVowel = VOWEL.test(prev) || (prev === "y" && out.endsWith("a"));
    const nextIsVowel = VOWEL.test(next) || (next === "y" && !VOWEL.test(w[i + 2] ?? ""));
    let isVowel = VOWEL.test(ch);
    if (ch === "y") isVowel = !(nextIsVowel && (i === 0 || !prevVowel));
    if (!isVowel && "vrh".includes(ch) && prevVowel && !nextIsVowel) continue;
    const c = isVowel ? "a" : ch === "b" && prevVowel && !next ? "p" : ch;
    if (out.endsWith(c)) continue;
    out += c;
  }
  return out;
}

/** Consonants in a place key: short keys ("Ta", "Kok") collide with ordinary words and are only matched after a cue. */
export function consonants(key: string): number {
  return key.replace(/a/g, "").length;
}
