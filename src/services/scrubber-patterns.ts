// The scrubber's regular-expression building blocks: character classes that work for Latin and Khmer script,
// helpers that turn word lists into patterns, and the shape of a rule. Shared by the word lists and rule tables.
import type { ScrubKind } from "./scrubber-kinds.js";

/** Internal placeholder while rules run: a private-use character, so no later rule sees it as a letter or digit. */
export const MARK = "\uE000";

/** A digit, Latin or Khmer. */
export const D = "[0-9\\u17E0-\\u17E9]";
export const NOT_DIGIT_BEFORE = "(?<![0-9\\u17E0-\\u17E9])";
export const NOT_DIGIT_AFTER = "(?![0-9\\u17E0-\\u17E9])";
/** Word boundaries that work for any script (JavaScript's \b only knows ASCII). */
export const WB = "(?<![\\p{L}\\p{M}\\p{N}_])";
export const WE = "(?![\\p{L}\\p{M}\\p{N}_])";
/** Khmer letters, vowels and signs: a Khmer "word run" (no digits, no Khmer punctuation ។ ៕ ៖). */
export const KH = "\\u1780-\\u17D3\\u17D7\\u17DD";
export const KH_RUN = `[${KH}]+`;
/** Space inside Khmer text: ordinary spaces and the zero-width space many Khmer keyboards insert. */
export const KSP = "[ \\u00A0\\u200B]";
/** A capitalised Latin word ("Sokha", "O'Neil", "Chbar-Ampov"). */
export const CAP = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
/** Any word (for "named x", where officers often skip capitals). */
export const ANYWORD = "\\p{L}[\\p{L}\\p{M}'’\\-]*";
/** An identifier token that contains at least one digit: "2024/117", "CPU-2024-117", "១២៣/២០២៤". */
export const ID_TOKEN = `[A-Za-z]{0,5}[\\-/]?${D}[A-Za-z0-9\\u17E0-\\u17E9]*(?:[/\\-.][A-Za-z0-9\\u17E0-\\u17E9]+)*`;

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A group of literal words, longest first so "លោកស្រី" wins over "លោក". */
export function alt(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})`;
}

/**
 * Like alt(), but a word never matches where a longer word of the list starts: "សាលា" is not found inside
 * "សាលារៀន", so a second pass over "សាលារៀន[•••]" does not take "រៀន" for a school's name.
 */
export function altWhole(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const rests = words.filter((o) => o !== w && o.startsWith(w)).map((o) => o.slice(w.length));
      return rests.length ? `${escapeRegExp(w)}(?!${alt(rests)})` : escapeRegExp(w);
    })
    .join("|")})`;
}

/** Case-insensitive spelling of Latin words without the `i` flag (which would make \p{Lu} match lower case too). */
export function ci(words: readonly string[]): string {
  return alt(words.map((w) => w.toLowerCase()))
    .split("")
    .map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c))
    .join("");
}

/** Word lists are written space-separated, so they stay readable. */
export function wordList(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** A Khmer trigger must end on a syllable boundary: the next character is not a vowel sign or subscript. */
export const KM_TRIGGER_END = "(?![\\u17B6-\\u17D3\\u17DD])";

/** The part of a rule's `hit` to remove, as [start, end); null keeps the match as it is. */
export type Span = [start: number, end: number] | null;

/**
 * One scrubber rule. Its pattern has a named group `hit` (removed) and may have a group `pre` just before it
 * (kept: the trigger word). `span` narrows what part of `hit` goes; returning null keeps the match as is.
 */
export type Rule = { kind: ScrubKind; why: string; re: RegExp; span?: (hit: string) => Span };

export const rx = (source: string, flags = "") => new RegExp(source, `gu${flags}`);
