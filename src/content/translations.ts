// The translation round trip: export every translatable field of the tip library and every Fluent locale string
// (locales/{en,km}/*.ftl) to one CSV that a Khmer reviewer edits in a spreadsheet (column km_corrected), then
// import the corrections back into the YAML files and locales/km/*.ftl.
// buildRows(), localeStrings() and applyCorrections() are pure; exportTranslations() / importTranslations() in
// translation-files.ts add the file I/O. Fluent files are parsed with @fluent/syntax; a corrected locale string is spliced into its own
// span of the .ftl file, so comments, order and every other message stay byte-for-byte as they were.
export { localeStrings, patternText, patternVariables } from "./ftl-strings.js";
export * from "./translation-rows.js";

import { type Document, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { parseCsvRecords, writeCsv } from "./csv.js";
import { correctLocale, LOCALE_FIELD } from "./ftl-strings.js";
import type { TipLibrary } from "./tips.js";
import {
  CSV_COLUMNS,
  type LocaleSources,
  type LocaleString,
  localeKey,
  normalizeCell,
  row,
  type TranslationRow,
} from "./translation-rows.js";

export type Change = { key: string; field: string; file: string; old: string; new: string };
export type Skipped = { key: string; field: string; reason: string };
export type ApplyResult = {
  /** New text of every tip YAML file that changed, by file name. Files without changes are absent. */
  files: Record<string, string>;
  /** New text of every locales/km file that changed, by file name (e.g. "tips.ftl"). */
  localeFiles: Record<string, string>;
  changes: Change[];
  /** Rows with no correction, a correction equal to km, or one that is already in the file. */
  unchanged: number;
  /** Rows whose key or field does not exist (reported, not fatal). */
  unknown: Skipped[];
  /** Rows whose km no longer matches the file (someone changed it after the export); not applied. */
  conflicts: Skipped[];
  /** Locale rows whose correction is not valid Fluent or does not keep the English variables; not applied. */
  rejected: Skipped[];
};

/** yaml stringify options that keep hand-written files as they are: no re-folding of long lines. */
export const YAML_OUTPUT = { lineWidth: 0, minContentWidth: 0 } as const;

export const topicKey = (id: string) => `topic:${id}`;
export const tipKey = (id: string) => `tip:${id}`;
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
  for (const s of locales) rows.push(row(localeKey(s), LOCALE_FIELD, s));
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

// ---- Tip library YAML ----

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
 * Applies every non-empty km_corrected that differs from km to the YAML sources (file name → text) and to the
 * locales/km sources, and returns the new text of changed files. YAML goes through the yaml Document API, so
 * comments, key order and scalar styles survive; a locale string is spliced into its own span of the .ftl file,
 * and only if it is valid Fluent with the same `$variables` as the English text.
 */
export function applyCorrections(
  rows: readonly TranslationRow[],
  sources: Record<string, string>,
  locales: LocaleSources = { en: {}, km: {} },
): ApplyResult {
  const docs = new Map<string, Document>();
  for (const [file, text] of Object.entries(sources)) docs.set(file, parseDocument(text));
  const index = indexFiles(docs);
  const result: ApplyResult = {
    files: {},
    localeFiles: {},
    changes: [],
    unchanged: 0,
    unknown: [],
    conflicts: [],
    rejected: [],
  };
  const touched = new Set<string>();
  const km = { ...locales.km }; // updated after each locale change, so several changes to one file add up

  for (const r of rows) {
    const corrected = normalizeCell(r.km_corrected);
    const exported = normalizeCell(r.km);
    if (!corrected || corrected === exported) {
      result.unchanged++;
      continue;
    }
    const skip = (list: Skipped[], reason: string) => list.push({ key: r.key, field: r.field, reason });
    if (r.key.startsWith("locale:")) {
      const outcome = correctLocale(r, corrected, exported, { en: locales.en, km });
      if (outcome.kind === "unchanged") result.unchanged++;
      else if (outcome.kind === "unknown") skip(result.unknown, outcome.reason);
      else if (outcome.kind === "conflict") skip(result.conflicts, outcome.reason);
      else if (outcome.kind === "rejected") skip(result.rejected, outcome.reason);
      else {
        km[outcome.name] = outcome.source;
        result.localeFiles[outcome.name] = outcome.source;
        const file = `locales/km/${outcome.name}`;
        result.changes.push({ key: r.key, field: r.field, file, old: outcome.old, new: outcome.new });
      }
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
