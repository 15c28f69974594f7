// The translation round trip: export every translatable field of the tip library to one CSV that a Khmer
// reviewer edits in a spreadsheet (column km_corrected), then import the corrections back into the YAML files.
// buildRows() and applyCorrections() are pure; exportTranslations() / importTranslations() add the file I/O.
//
// Fluent locale strings (locales/*/*.ftl) are not included: doing that robustly needs @fluent/syntax (to parse
// and re-serialise .ftl without losing comments or layout), which is not installed. buildRows() already accepts
// LocaleString rows so they can be added once that package is available; until then, import reports locale
// keys as unknown.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Document, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { parseCsvRecords, writeCsv } from "./csv.js";
import { type CheckOptions, checkTipLibrary, type Localized, TIPS_DIR, type TipLibrary } from "./tips.js";

export const CSV_COLUMNS = ["key", "field", "en", "km", "km_corrected"] as const;
export type TranslationRow = { key: string; field: string; en: string; km: string; km_corrected: string };

/** A Fluent message value or attribute in both languages (key locale:<file>:<id>[.<attribute>], field "value"). */
export type LocaleString = { file: string; id: string; attribute?: string; en: string; km: string };

export type Change = { key: string; field: string; file: string; old: string; new: string };
export type Skipped = { key: string; field: string; reason: string };
export type ApplyResult = {
  /** New text of every file that changed, by file name. Files without changes are absent. */
  files: Record<string, string>;
  changes: Change[];
  /** Rows with no correction, a correction equal to km, or one that is already in the file. */
  unchanged: number;
  /** Rows whose key or field does not exist (reported, not fatal). */
  unknown: Skipped[];
  /** Rows whose km no longer matches the file (someone changed it after the export); not applied. */
  conflicts: Skipped[];
};

/** yaml stringify options that keep hand-written files as they are: no re-folding of long lines. */
export const YAML_OUTPUT = { lineWidth: 0, minContentWidth: 0 } as const;

const row = (key: string, field: string, text: Localized): TranslationRow => ({
  key,
  field,
  en: text.en,
  km: text.km,
  km_corrected: "",
});

export const topicKey = (id: string) => `topic:${id}`;
export const tipKey = (id: string) => `tip:${id}`;
export const localeKey = (s: Pick<LocaleString, "file" | "id" | "attribute">) =>
  `locale:${s.file}:${s.id}${s.attribute ? `.${s.attribute}` : ""}`;

/** One row per translatable field: topic names, tip texts, quiz questions, options and explanations, then locales. */
export function buildRows(library: TipLibrary, locales: readonly LocaleString[] = []): TranslationRow[] {
  const rows: TranslationRow[] = [];
  for (const topic of library.topics) {
    rows.push(row(topicKey(topic.id), "name", topic.name));
    for (const tip of library.tips.filter((t) => t.topicId === topic.id)) {
      rows.push(row(tipKey(tip.id), "text", tip.text));
      if (!tip.quiz) continue;
      rows.push(row(tipKey(tip.id), "quiz.question", tip.quiz.question));
      tip.quiz.options.forEach((option, i) => {
        rows.push(row(tipKey(tip.id), `quiz.options.${i}`, option));
      });
      rows.push(row(tipKey(tip.id), "quiz.explanation", tip.quiz.explanation));
    }
  }
  for (const s of locales) rows.push(row(localeKey(s), "value", s));
  return rows;
}

export function rowsToCsv(rows: readonly TranslationRow[]): string {
  return writeCsv([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]))]);
}

/** Parses an exported (and edited) CSV. Columns are found by header name, so reordering them is fine. */
export function csvToRows(text: string): TranslationRow[] {
  const records = parseCsvRecords(text);
  const first = records[0];
  if (first) {
    const missing = ["key", "field", "km", "km_corrected"].filter((c) => !(c in first));
    if (missing.length)
      throw new Error(
        `The CSV has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}; expected ${CSV_COLUMNS.join(",")}`,
      );
  }
  return records.map((r) => ({
    key: r.key ?? "",
    field: r.field ?? "",
    en: r.en ?? "",
    km: r.km ?? "",
    km_corrected: r.km_corrected ?? "",
  }));
}

/** Spreadsheets turn line ends into CRLF and add stray spaces; compare and store text without them. */
export const normalizeCell = (s: string) => s.replace(/\r\n?/g, "\n").trim();

type Location = { file: string; doc: Document; base: (string | number)[]; kind: "topic" | "tip" };

function indexFiles(docs: Map<string, Document>): Map<string, Location> {
  const index = new Map<string, Location>();
  for (const [file, doc] of docs) {
    const topicId = doc.getIn(["topic", "id"]);
    if (typeof topicId === "string") index.set(topicKey(topicId), { file, doc, base: ["topic"], kind: "topic" });
    const tips = doc.get("tips", true);
    if (!isSeq(tips)) continue;
    tips.items.forEach((item, i) => {
      const id = isMap(item) ? item.get("id") : undefined;
      if (typeof id === "string") index.set(tipKey(id), { file, doc, base: ["tips", i], kind: "tip" });
    });
  }
  return index;
}

function fieldPath(kind: Location["kind"], field: string): (string | number)[] | undefined {
  if (kind === "topic") return field === "name" ? ["name", "km"] : undefined;
  if (field === "text") return ["text", "km"];
  if (field === "quiz.question") return ["quiz", "question", "km"];
  if (field === "quiz.explanation") return ["quiz", "explanation", "km"];
  const option = /^quiz\.options\.(\d+)$/.exec(field);
  return option ? ["quiz", "options", Number(option[1]), "km"] : undefined;
}

/**
 * Applies every non-empty km_corrected that differs from km to the YAML sources (file name → text) and returns
 * the new text of changed files. Uses the yaml Document API, so comments, key order and scalar styles survive.
 */
export function applyCorrections(rows: readonly TranslationRow[], sources: Record<string, string>): ApplyResult {
  const docs = new Map<string, Document>();
  for (const [file, text] of Object.entries(sources)) docs.set(file, parseDocument(text));
  const index = indexFiles(docs);
  const result: ApplyResult = { files: {}, changes: [], unchanged: 0, unknown: [], conflicts: [] };
  const touched = new Set<string>();

  for (const r of rows) {
    const corrected = normalizeCell(r.km_corrected);
    const exported = normalizeCell(r.km);
    if (!corrected || corrected === exported) {
      result.unchanged++;
      continue;
    }
    const skip = (list: Skipped[], reason: string) => list.push({ key: r.key, field: r.field, reason });
    if (r.key.startsWith("locale:")) {
      skip(result.unknown, "Fluent locale strings cannot be imported yet (@fluent/syntax is not installed)");
      continue;
    }
    const at = index.get(r.key);
    if (!at) {
      skip(result.unknown, "no topic or tip has this key");
      continue;
    }
    const rel = fieldPath(at.kind, r.field);
    const full = rel && [...at.base, ...rel];
    const node = full && at.doc.getIn(full, true);
    if (!full || !isScalar(node) || typeof node.value !== "string") {
      skip(result.unknown, `${at.kind} has no field "${r.field}"`);
      continue;
    }
    const current = node.value;
    if (normalizeCell(current) === corrected) {
      result.unchanged++;
      continue;
    }
    if (normalizeCell(current) !== exported) {
      skip(result.conflicts, `${at.file} changed since the export; the km there is now: ${current}`);
      continue;
    }
    node.value = corrected; // keeps the scalar's style (block, quoted, plain) and its comments
    touched.add(at.file);
    result.changes.push({ key: r.key, field: r.field, file: at.file, old: current, new: corrected });
  }
  for (const file of touched) result.files[file] = (docs.get(file) as Document).toString(YAML_OUTPUT);
  return result;
}

async function readTipSources(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const entries = await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), "utf8")] as const));
  return Object.fromEntries(entries);
}

/** The CSV for the tip library in `dir`; throws if the library is invalid (fix it first: npm run content:check). */
export async function exportTranslations(
  dir: string = TIPS_DIR,
  { locales = [], ...options }: CheckOptions & { locales?: readonly LocaleString[] } = {},
) {
  const { library, errors } = await checkTipLibrary(dir, options);
  if (errors.length || !library) throw new Error(`The tip library is invalid:\n${errors.join("\n")}`);
  const rows = buildRows(library, locales);
  return { csv: rowsToCsv(rows), rows };
}

export type ImportReport = Omit<ApplyResult, "files"> & { files: string[]; errors: string[] };

/** Applies the corrections in `csvText` to the YAML files in `dir`, writes changed files, then re-checks. */
export async function importTranslations(
  csvText: string,
  dir: string = TIPS_DIR,
  options: CheckOptions = {},
): Promise<ImportReport> {
  const result = applyCorrections(csvToRows(csvText), await readTipSources(dir));
  for (const [file, text] of Object.entries(result.files)) await writeFile(path.join(dir, file), text);
  const { errors } = await checkTipLibrary(dir, options);
  return { ...result, files: Object.keys(result.files), errors };
}
