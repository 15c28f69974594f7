// The file side of the translation round trip (translations.ts): read the tip library and the .ftl files, write
// the CSV's corrections back, and check the library again.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { LOCALES_DIR } from "../bot/i18n.js";
import { type CheckOptions, checkTipLibrary, TIPS_DIR } from "./tips.js";
import type { LocaleSources } from "./translation-rows.js";
import { type ApplyResult, applyCorrections, buildRows, csvToRows, localeStrings, rowsToCsv } from "./translations.js";

async function readSources(dir: string, name: RegExp): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((n) => name.test(n)).sort();
  const entries = await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), "utf8")] as const));
  return Object.fromEntries(entries);
}

/** The .ftl files of `dir`/en and `dir`/km (default: the bot's locales folder). */
export async function readLocaleSources(dir: string = LOCALES_DIR): Promise<LocaleSources> {
  const [en, km] = await Promise.all([
    readSources(path.join(dir, "en"), /\.ftl$/),
    readSources(path.join(dir, "km"), /\.ftl$/),
  ]);
  return { en, km };
}

/** Where the locale strings are read from and written to (default: the bot's locales folder). */
export type LocaleOptions = { localesDir?: string };

/**
 * The CSV for the tip library in `dir` followed by the locale strings in `localesDir`; throws if the library is
 * invalid (fix it first: npm run content:check) or a .ftl file is not valid Fluent.
 */
export async function exportTranslations(
  dir: string = TIPS_DIR,
  { localesDir = LOCALES_DIR, ...options }: CheckOptions & LocaleOptions = {},
) {
  const { library, errors } = await checkTipLibrary(dir, options);
  if (errors.length || !library) throw new Error(`The tip library is invalid:\n${errors.join("\n")}`);
  const rows = buildRows(library, localeStrings(await readLocaleSources(localesDir)));
  return { csv: rowsToCsv(rows), rows };
}

export type ImportReport = Omit<ApplyResult, "files" | "localeFiles"> & { files: string[]; errors: string[] };

/**
 * Applies the corrections in `csvText` to the YAML files in `dir` and to `localesDir`/km/*.ftl, writes changed
 * files, then re-checks the tip library. `files` lists YAML file names and locales/km/<file>.ftl.
 */
export async function importTranslations(
  csvText: string,
  dir: string = TIPS_DIR,
  { localesDir = LOCALES_DIR, ...options }: CheckOptions & LocaleOptions = {},
): Promise<ImportReport> {
  const { localeFiles, ...result } = applyCorrections(
    csvToRows(csvText),
    await readSources(dir, /\.ya?ml$/),
    await readLocaleSources(localesDir),
  );
  for (const [file, text] of Object.entries(result.files)) await writeFile(path.join(dir, file), text);
  for (const [file, text] of Object.entries(localeFiles)) await writeFile(path.join(localesDir, "km", file), text);
  const { errors } = await checkTipLibrary(dir, options);
  const files = [...Object.keys(result.files), ...Object.keys(localeFiles).map((f) => `locales/km/${f}`)];
  return { ...result, files, errors };
}
