// `npm run content:export [-- FILE] [--dir DIR] [--locales DIR]`: writes every translatable field of the tip library
// and every Fluent locale string (locales/en and locales/km, one row per message value and attribute, key
// locale:<file>:<message-id>[.<attribute>], field text) to one CSV (default content/translations.csv; UTF-8 with
// BOM, RFC 4180) with columns key,field,en,km,km_corrected.
// A Khmer reviewer fills in km_corrected; `npm run content:import -- FILE` applies the corrections. The reviewer
// also gets content/translation/glossary.tsv (one Khmer term per concept) and native-review.tsv (open questions).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_DIR, TIPS_DIR } from "../src/content/tips.js";
import { exportTranslations } from "../src/content/translation-files.js";

const { values, positionals } = parseArgs({
  options: { dir: { type: "string" }, locales: { type: "string" } },
  allowPositionals: true,
});
const cwd = process.env.INIT_CWD ?? process.cwd();
const file = positionals[0] ? path.resolve(cwd, positionals[0]) : path.join(CONTENT_DIR, "translations.csv");
const dir = values.dir ? path.resolve(cwd, values.dir) : TIPS_DIR;
const localesDir = values.locales ? path.resolve(cwd, values.locales) : undefined; // default: locales/

try {
  const { csv, rows } = await exportTranslations(dir, { localesDir });
  await writeFile(file, csv, "utf8");
  const locales = rows.filter((r) => r.key.startsWith("locale:")).length;
  console.log(`Wrote ${rows.length} rows (${locales} locale strings) to ${path.relative(cwd, file) || file}.`);
  const translation = path.relative(cwd, path.join(CONTENT_DIR, "translation"));
  console.log(`Give the reviewer ${translation}/glossary.tsv and ${translation}/native-review.tsv with it.`);
  console.log(JSON.stringify({ rows: rows.length, locales, file }));
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
