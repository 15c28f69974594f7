// CSV for the translation round trip (content:export / content:import) and the broadcast report, through
// csv-stringify and csv-parse (RFC 4180: fields quoted when they hold a comma, quote, CR or LF or start or end with a
// space; quotes doubled; CRLF between records; UTF-8 with a BOM so spreadsheet apps open Khmer text correctly).
//
// Formula injection: a cell that starts with = + - @ (or a tab or CR) is a formula to Excel, LibreOffice and
// Google Sheets, and a text a person typed could run one on the reviewer's machine. Every such cell is written with
// a leading apostrophe (shown as text, the OWASP advice), and reading takes exactly one apostrophe off again, so a
// round trip gives back what was written (a cell that itself starts with apostrophes and a trigger keeps them).
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** The cell as a spreadsheet must see it: text, never a formula. */
export const guardCell = (value: string): string => (FORMULA.test(value) ? `'${value}` : value);
/** The cell as it was before `guardCell`. */
export const unguardCell = (value: string): string => (GUARDED.test(value) ? value.slice(1) : value);

/** Serialises rows (the first is usually the header) as CSV with a UTF-8 byte-order mark, formulas guarded. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(guardCell)),
    { bom: true, record_delimiter: "\r\n", quoted_match: /^\s|\s$/ },
  );
}

/** Parses CSV (a leading BOM is ignored; LF-only line ends are accepted too). Throws on a broken quote. */
export function parseCsv(text: string): string[][] {
  const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
  return rows.map((row) => row.map(unguardCell));
}

/** Parses CSV whose first row is a header into objects keyed by column name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows
    .filter((r) => r.some((cell) => cell !== ""))
    .map((r) => Object.fromEntries(names.map((name, i) => [name, r[i] ?? ""])));
}
