// The free-text scrubber: strips identifying details from what an officer types (reflection notes, peer tips)
// before it is stored or shared (domain.md §e rule 1: no child data, automatic pattern-stripping).
//
// Why mostly hand-written: no npm PII library knows Khmer script, Khmer digits (០-៩), Khmer kinship titles or
// Cambodian phone formats, and Khmer puts no spaces between words, so off-the-shelf name recognisers do not apply.
// The scrubber is a list of small rules, applied in order; each rule says what it removes and why.
//
// Placeholder scheme: every removed span becomes the same language-neutral token "[•••]" (SCRUB_PLACEHOLDER), so the
// officer reads the same thing in Khmer or English and the token does not even say what kind of detail was there.
// Neighbouring placeholders merge into one. What kinds were removed comes back separately in `removed` (SCRUB_KINDS
// order, no repeats), so the bot can say in the officer's own language what it took out.
// Trigger words stay ("uncle [•••]", "ភូមិ[•••]"): they keep the sentence readable and identify no one.
// When in doubt the scrubber removes: a lost word costs less than a leaked name. It is a safety net, not a guarantee;
// free-text fields still carry a warning and flagged text is held for review (domain.md §e).
//
// No I/O at import: the regular expressions are built when the scrubber-rules-*.ts modules load, and the gazetteer
// and name lists (content/gazetteer/, content/names/) are read and compiled on the first scrub() (scrubber-lexicon.ts,
// about half a second; then a typical sentence takes tens of microseconds). Word lists: scrubber-words-*.ts; how much
// of a match goes: scrubber-spans.ts; the dictionary pass: scrubber-lexicon-pass.ts.
import { lexiconPass } from "./scrubber-lexicon-pass.js";
import { MARK, type Rule, type Span } from "./scrubber-patterns.js";
import { ACCOUNT_RULES } from "./scrubber-rules-accounts.js";
import { AGE_RULES } from "./scrubber-rules-ages.js";
import { CONTACT_RULES, DATE_RULES, ID_NUMBER_RULES, LEFTOVER_DIGIT_RULES } from "./scrubber-rules-numbers.js";
import { NAME_RULES, PLACE_RULES } from "./scrubber-rules-people.js";

export { SCRUB_KINDS, type ScrubKind } from "./scrubber-kinds.js";

import { SCRUB_KINDS, type ScrubKind } from "./scrubber-kinds.js";

/** What every removed span is replaced with, in every language. */
export const SCRUB_PLACEHOLDER = "[•••]";

export type ScrubResult = { text: string; removed: ScrubKind[] };

/** Replaces identifying spans with SCRUB_PLACEHOLDER; `removed` lists the kinds found (SCRUB_KINDS order). */
export function scrub(text: string): ScrubResult {
  const found = new Set<ScrubKind>();
  let out = text.normalize("NFC").replaceAll(MARK, "");
  for (const step of STEPS) out = "pass" in step ? step.pass(out, found) : applyRule(out, step, found);
  out = out.replace(MERGE, MARK).replaceAll(MARK, SCRUB_PLACEHOLDER);
  return { text: out, removed: SCRUB_KINDS.filter((k) => found.has(k)) };
}

/** True when scrub() would remove something: lets the bot warn before it stores anything. */
export function containsIdentifiers(text: string): boolean {
  return scrub(text).removed.length > 0;
}

/** Neighbouring placeholders (with only spaces between them) become one. */
const MERGE = new RegExp(`${MARK}(?:[ \\t\\u00A0\\u200B]*${MARK})+`, "gu");

/** A step that is not one regular expression: the dictionary pass (gazetteer and name lists). */
type Pass = { why: string; pass: (text: string, found: Set<ScrubKind>) => string };

/** The rules, applied in this order: each list says why it comes where it does. */
const STEPS: (Rule | Pass)[] = [
  ...CONTACT_RULES,
  ...ACCOUNT_RULES,
  ...ID_NUMBER_RULES,
  ...DATE_RULES,
  {
    why: "listed places and names, found with or without a cue word (after numbers, so digits are already gone)",
    pass: lexiconPass,
  },
  ...PLACE_RULES,
  ...LEFTOVER_DIGIT_RULES,
  ...NAME_RULES,
  ...AGE_RULES,
];

/**
 * Applies one rule until nothing more changes (at most a few passes): a match that was only partly removed may have
 * swallowed the start of the next one ("មីង ធីតា និងតា សុខ": the first match also covers "និងតា").
 */
function applyRule(text: string, rule: Rule, found: Set<ScrubKind>): string {
  let out = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = applyOnce(out, rule, found);
    if (next === out) break;
    out = next;
  }
  return out;
}

function applyOnce(text: string, rule: Rule, found: Set<ScrubKind>): string {
  return text.replace(rule.re, (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args.at(-1) as Record<string, string | undefined>;
    const pre = groups.pre ?? "";
    const hit = groups.hit ?? "";
    if (!hit.replaceAll(MARK, "").trim()) return match;
    const span = rule.span ? rule.span(hit) : ([0, hit.length] as Span);
    if (!span || span[1] <= span[0]) return match;
    found.add(rule.kind);
    return pre + hit.slice(0, span[0]) + MARK + hit.slice(span[1]) + match.slice(pre.length + hit.length);
  });
}
