// Where the scrubber's lists (scrubber-lexicon.ts) occur in a text: Khmer through the consonant-key trie (no spaces
// needed between words), Latin as runs of up to five words compared by their spelling keys. What each hit is
// taken for is decided in scrubber-lexicon-pass.ts.
import { khmerKey, latinNameKey, latinPlaceKey } from "./scrubber-keys.js";
import { type Entry, lexicon } from "./scrubber-lexicon.js";

/** A list word found in the text: [start, end) in the text, what it may be, and the verdict. */
export type Hit = { start: number; end: number; entries: Entry[]; latin: boolean; verdict?: "name" | "place" | "keep" };

const KHMER = /[\u1780-\u17FF]/;
const LATIN_WORD = /[\p{Script=Latin}][\p{Script=Latin}\p{M}'’]*/gu;
const MAX_TOKENS = 5;

export function khmerHits(text: string): Hit[] {
  if (!KHMER.test(text)) return [];
  const { key, at } = khmerKey(text);
  return lexicon()
    .khmer.search(key)
    .map(([s, e, entries]) => {
      let end = (at[e - 1] ?? 0) + 1;
      while (text[end] === "\u17C9" || text[end] === "\u17CA") end++;
      return { start: at[s] ?? 0, end, entries, latin: false };
    });
}

/** Word keys, kept across calls: officers reuse the same words, and a key takes a dozen regular expressions. */
const keyCache = new Map<string, [name: string, place: string]>();
function wordKeys(word: string): [string, string] {
  let keys = keyCache.get(word);
  if (!keys) {
    if (keyCache.size > 20000) keyCache.clear();
    keys = [latinNameKey(word), latinPlaceKey(word)];
    keyCache.set(word, keys);
  }
  return keys;
}

/** Runs of Latin words (one space or hyphen between them); every 1..5-word stretch is looked up. */
export function latinHits(text: string): Hit[] {
  if (!/[A-Za-z]/.test(text)) return [];
  const { latinNames, latinPlaces } = lexicon();
  // "Dara's mum": the possessive is not part of the name, and stays.
  const words = [...text.matchAll(LATIN_WORD)].map((m) => {
    const word = m[0].replace(/['’]s$/, "");
    return { start: m.index, end: m.index + word.length, keys: wordKeys(word) };
  });
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    let nameKey = "";
    let placeKey = "";
    for (let j = i; j < Math.min(words.length, i + MAX_TOKENS); j++) {
      const word = words[j];
      if (!word) break;
      if (j > i && !/^[ -]$/.test(text.slice(words[j - 1]?.end, word.start))) break;
      nameKey += word.keys[0];
      placeKey += word.keys[1];
      const names = latinNames.get(nameKey);
      const places = latinPlaces.get(placeKey);
      if (!names && !places) continue;
      const entries = names && places ? [...names, ...places] : (names ?? places ?? []);
      hits.push({ start: words[i]?.start ?? 0, end: word.end, entries, latin: true });
    }
  }
  return hits;
}
