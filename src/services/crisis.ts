// The crisis-word detector (domain.md §c, escalation step 3): does an officer's free text mention self-harm, suicide
// or hopelessness? If so the bot shows the crisis contacts at once. The word lists live in
// content/wellbeing/crisis-words.yaml so the programme can review them without touching code.
// No side effects at import; the loader reads the file only when called.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";

export const WELLBEING_DIR = path.resolve(import.meta.dirname, "../../content/wellbeing");
export const CRISIS_WORDS_FILE = path.join(WELLBEING_DIR, "crisis-words.yaml");

const KHMER = /[\u1780-\u17FF]/;
const phrase = z.string().trim().min(1, "is empty");

/** One idea (e.g. "no reason to live") with its phrases in both languages, so neither list can fall behind. */
const ideaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and dashes"),
  en: z.array(phrase.refine((s) => !KHMER.test(s), "must not contain Khmer script")).min(1, "needs an English phrase"),
  km: z.array(phrase.refine((s) => KHMER.test(s), "must be written in Khmer script")).min(1, "needs a Khmer phrase"),
});

export const crisisWordsSchema = z
  .strictObject({
    ideas: z
      .array(ideaSchema)
      .min(1, "needs at least one")
      .superRefine((ideas, ctx) => {
        const seen = new Set<string>();
        ideas.forEach((idea, i) => {
          if (seen.has(idea.id))
            ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id "${idea.id}"` });
          seen.add(idea.id);
        });
      }),
  })
  .transform(({ ideas }) => ({ km: ideas.flatMap((i) => i.km), en: ideas.flatMap((i) => i.en) }));
/** The phrases of every idea, by language: what the matcher needs. */
export type CrisisWords = z.output<typeof crisisWordsSchema>;

/** Reads a YAML file and validates it; throws one Error listing every problem as "file: path: message". */
export async function readValidatedYaml<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const name = path.basename(file);
  const doc = parseDocument(await readFile(file, "utf8"), { uniqueKeys: true });
  if (doc.errors.length) {
    throw new Error(doc.errors.map((e) => `${name}: ${e.message.replace(/\s+/g, " ").trim()}`).join("\n"));
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `${name}: ${i.path.join(".") || "(top level)"}: ${i.message}`).join("\n"),
    );
  }
  return parsed.data;
}

export function loadCrisisWords(file: string = CRISIS_WORDS_FILE): Promise<CrisisWords> {
  return readValidatedYaml(file, crisisWordsSchema);
}

/**
 * True when `text` contains one of the crisis words. Case-insensitive. English phrases match as whole words, with
 * apostrophes and hyphens ignored ("cant go on", "self harm"); Khmer phrases match anywhere (Khmer writes no spaces
 * between words), ignoring spaces, zero-width spaces and common spelling variants.
 */
export function mentionsCrisis(text: string, words: CrisisWords): boolean {
  const m = matcherFor(words);
  if (m.latin.test(normaliseLatin(text))) return true;
  const khmer = normaliseKhmer(text);
  return m.khmer.some((w) => khmer.includes(w));
}

type Matcher = { latin: RegExp; khmer: string[] };
const matchers = new WeakMap<CrisisWords, Matcher>();

function matcherFor(words: CrisisWords): Matcher {
  let m = matchers.get(words);
  if (!m) {
    const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const phrases = words.en.map((p) => normaliseLatin(p).split(" ").map(escapeRegExp).join("\\s+"));
    m = {
      // No `g` flag: test() must not remember where it stopped.
      latin: new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join("|")})(?![\\p{L}\\p{N}])`, "iu"),
      khmer: words.km.map(normaliseKhmer),
    };
    matchers.set(words, m);
  }
  return m;
}

function normaliseLatin(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’ʼ`]/g, "")
    .replace(/[-‐‑–]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Drops spaces and zero-width characters and folds common Khmer spelling variants together. */
function normaliseKhmer(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\s\u200B\u200C\u200D]/g, "")
    .replace(/ឱ្យ|អោយ/g, "ឲ្យ")
    .replace(/្ដ/g, "្ត")
    .replace(/សំលាប់/g, "សម្លាប់");
}
