// `npx tsx tools/derive-gazetteer.ts <source> [provinces.json] > content/gazetteer/places.tsv`
//
// Derives the scrubber's compact place list (names only: level, Khmer, Latin) from Cambodia's gazetteer as published
// by Open Development Cambodia from the NCDD gazetteer (ODbL), in the form the public repository
// Manethpak/cambo-gazetteer carries it (public/data/). <source> is either
//   - gazetteer-normalized.json (a flat list of {code, name_km, name_en, type}), or
//   - 2024.10.14.xlsx, the spreadsheet that JSON is made from (one sheet per province: Type, Code, Name (Khmer),
//     Name (Latin), ...), with provinces.json beside it or given as the second argument.
// Both give the same names. The output keeps no codes, notes or hierarchy: one line per distinct (level, Khmer,
// Latin) name, sorted, so a new gazetteer release shows up as a readable diff. The output stays under the ODbL
// (see NOTICE). Nothing of the source repository's code is used here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";

type Level = "p" | "d" | "c" | "v";
type Unit = { level: Level; km: string; latin: string };

const LEVEL_BY_TYPE: Record<string, Level> = {
  province: "p",
  municipality: "p",
  district: "d",
  commune: "c",
  village: "v",
};
/** The spreadsheet's Type column: ស្រុក/ក្រុង/ខណ្ឌ are districts, ឃុំ/សង្កាត់ communes, ភូមិ villages. */
const LEVEL_BY_KHMER_TYPE: Record<string, Level> = { ស្រុក: "d", ក្រុង: "d", ខណ្ឌ: "d", ឃុំ: "c", សង្កាត់: "c", ភូមិ: "v" };

function fromNormalizedJson(file: string): Unit[] {
  const rows = JSON.parse(readFileSync(file, "utf8")) as { name_km?: string; name_en?: string; type?: string }[];
  return rows.flatMap((r) => {
    const level = LEVEL_BY_TYPE[r.type ?? ""];
    return level ? [{ level, km: r.name_km ?? "", latin: r.name_en ?? "" }] : [];
  });
}

/**
 * The files of a .xlsx (a zip archive), read from its central directory. Hand-written because this one-off tool is
 * the only place Mitt reads a zip: node:zlib inflates, and the directory format is a few fixed offsets.
 */
function unzip(buf: Buffer): Map<string, string> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  const entries = buf.readUInt16LE(eocd + 10);
  const files = new Map<string, string>();
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Rows of one worksheet as {column letter: text}. */
function sheetRows(xml: string, shared: string[]): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: Record<string, string> = {};
    for (const c of (row[1] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = /r="([A-Z]+)\d+"/.exec(c[1] ?? "")?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? "")?.[1];
      const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[2] ?? "")?.[1];
      if (!col) continue;
      const text = /t="s"/.test(c[1] ?? "") ? (shared[Number(v)] ?? "") : unescapeXml(v ?? inline ?? "");
      cells[col] = text.trim();
    }
    rows.push(cells);
  }
  return rows;
}

function fromXlsx(file: string, provincesFile: string): Unit[] {
  const files = unzip(readFileSync(file));
  const shared = [...(files.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    unescapeXml([...(si[1] ?? "").matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1] ?? "").join("")),
  );
  const provinces = JSON.parse(readFileSync(provincesFile, "utf8")) as { name_km: string; name_en: string }[];
  const units: Unit[] = provinces.map((p) => ({ level: "p", km: p.name_km, latin: p.name_en }));
  for (const [name, xml] of files) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    // Columns: A Type, B Code, C Name (Khmer), D Name (Latin); the first rows are a title and the header.
    for (const row of sheetRows(xml, shared)) {
      const level = LEVEL_BY_KHMER_TYPE[row.A ?? ""];
      if (level && row.B && (row.C || row.D)) units.push({ level, km: row.C ?? "", latin: row.D ?? "" });
    }
  }
  return units;
}

const tidy = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

const [source, provincesArg] = process.argv.slice(2);
if (!source) {
  console.error("usage: tsx tools/derive-gazetteer.ts <gazetteer-normalized.json | 2024.10.14.xlsx> [provinces.json]");
  process.exit(2);
}
const units = source.endsWith(".json")
  ? fromNormalizedJson(source)
  : fromXlsx(source, provincesArg ?? path.join(path.dirname(source), "provinces.json"));

const ORDER: Level[] = ["p", "d", "c", "v"];
const lines = [
  ...new Set(
    units.filter((u) => tidy(u.km) || tidy(u.latin)).map((u) => `${u.level}\t${tidy(u.km)}\t${tidy(u.latin)}`),
  ),
].sort((a, b) => ORDER.indexOf(a[0] as Level) - ORDER.indexOf(b[0] as Level) || (a < b ? -1 : a > b ? 1 : 0));
const counts = Object.fromEntries(ORDER.map((l) => [l, units.filter((u) => u.level === l).length]));
process.stdout.write(
  [
    "# Cambodia's administrative units, names only: level (p province, d district, c commune, v village), Khmer, Latin.",
    "# Source: Open Development Cambodia, Cambodia Gazetteer (from the NCDD gazetteer database), as carried by",
    "# github.com/Manethpak/cambo-gazetteer public/data. Licence: Open Database License (ODbL) 1.0; this derived",
    "# database is also ODbL. Made with tools/derive-gazetteer.ts; see NOTICE.",
    `# units in the source: ${ORDER.map((l) => `${l} ${counts[l]}`).join(", ")}; distinct lines below: ${lines.length}`,
    ...lines,
    "",
  ].join("\n"),
);
