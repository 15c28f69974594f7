// `npm run content:import -- FILE [--dir DIR] [--locales DIR]`: applies the km_corrected column of an exported
// translations CSV to the tip YAML files (keeping their comments and layout) and to locales/km/*.ftl (only the
// corrected message value or attribute is rewritten; the rest of the file stays byte-for-byte), re-runs the library
// check, and reports one line per change (key, field, old → new).
// Last stdout line: {"changed":N,"unchanged":N,"unknown":N,"errors":N}, counting tip and locale rows alike.
// Unknown keys are reported but not fatal. These are not applied and count as errors: rows whose km changed in
// the YAML or .ftl since the export, locale corrections that are not valid Fluent or do not keep exactly the
// `{ $variables }` of the English text, and problems found by the re-check. Exits 1 when errors > 0.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { TIPS_DIR } from "../src/content/tips.js";
import { type ImportReport, importTranslations } from "../src/content/translation-files.js";

const { values, positionals } = parseArgs({
  options: { dir: { type: "string" }, locales: { type: "string" } },
  allowPositionals: true,
});
const cwd = process.env.INIT_CWD ?? process.cwd();
if (!positionals[0]) {
  console.error("Usage: npm run content:import -- FILE.csv");
  process.exit(2);
}
const file = path.resolve(cwd, positionals[0]);
const dir = values.dir ? path.resolve(cwd, values.dir) : TIPS_DIR;
const localesDir = values.locales ? path.resolve(cwd, values.locales) : undefined; // default: locales/

let report: ImportReport;
try {
  report = await importTranslations(await readFile(file, "utf8"), dir, { localesDir });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ⏎ ");
for (const c of report.changes) console.log(`${c.key} ${c.field}: ${oneLine(c.old)} → ${oneLine(c.new)}`);
for (const u of report.unknown) console.log(`unknown: ${u.key} ${u.field}: ${u.reason}`);
for (const c of report.conflicts) console.error(`conflict, not applied: ${c.key} ${c.field}: ${oneLine(c.reason)}`);
for (const r of report.rejected) console.error(`error, not applied: ${r.key} ${r.field}: ${oneLine(r.reason)}`);
for (const e of report.errors) console.error(e);
if (report.files.length) console.log(`Updated ${report.files.join(", ")}.`);
const errors = report.conflicts.length + report.rejected.length + report.errors.length;
console.log(
  JSON.stringify({
    changed: report.changes.length,
    unchanged: report.unchanged,
    unknown: report.unknown.length,
    errors,
  }),
);
process.exitCode = errors > 0 ? 1 : 0;
