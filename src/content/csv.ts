// A minimal RFC 4180 CSV writer and parser for the translation round trip (content:export / content:import).
// Written here because no CSV package is installed and we may not add dependencies; the format we need is small:
// fields quoted when they hold a comma, quote, CR or LF; quotes doubled; CRLF between records; UTF-8 with a BOM
// so spreadsheet apps (Excel, LibreOffice, Google Sheets) open Khmer text correctly.

const BOM = "\uFEFF";

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Serialises rows (the first is usually the header) as RFC 4180 CSV, with a UTF-8 byte-order mark. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((row) => `${row.map(quote).join(",")}\r\n`);
  return `${BOM}${lines.join("")}`;
}

/** Parses RFC 4180 CSV (a leading BOM is ignored; LF-only line ends are accepted too). Throws on a broken quote. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ",") {
      endField();
      i++;
    } else if (c === "\r" && src[i + 1] === "\n") {
      endRow();
      i += 2;
    } else if (c === "\n" || c === "\r") {
      endRow();
      i++;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error("CSV ends inside a quoted field (a closing quote is missing)");
  if (fieldStarted || field !== "" || row.length) endRow();
  return rows;
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
