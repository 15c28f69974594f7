// The Khmer glossary (content/translation/glossary.tsv) is kept, not just written down: every adopted term's
// "avoid" variants must be absent from the Khmer a user can see (locales/km, content/tips, contacts and self-care
// cards). The crisis-word list is left out on purpose: it lists what officers may type, spelling variants included.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIR, loadTipLibrary } from "../../src/content/tips.js";
import { readLocaleSources } from "../../src/content/translation-files.js";
import { localeStrings } from "../../src/content/translations.js";
import { loadWellbeingContent } from "../../src/services/wellbeing-content.js";

const GLOSSARY = path.join(CONTENT_DIR, "translation", "glossary.tsv");
const COLUMNS = ["concept_en", "km", "avoid", "note", "status"] as const;
const STATUSES = ["adopted", "adopted, to confirm", "proposed"];

type Row = { [column in (typeof COLUMNS)[number]]: string };
let rows: Row[];
/** Every Khmer text a user can see, named by where it lives. */
let texts: { where: string; km: string }[];

beforeAll(async () => {
  const [header, ...lines] = (await readFile(GLOSSARY, "utf8")).trimEnd().split("\n");
  expect(header?.split("\t")).toEqual(COLUMNS);
  rows = lines.map((line) => {
    const cells = line.split("\t");
    expect(cells, line).toHaveLength(COLUMNS.length);
    return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i] ?? ""])) as Row;
  });

  const library = await loadTipLibrary();
  const wellbeing = await loadWellbeingContent();
  texts = [
    ...localeStrings(await readLocaleSources()).map((s) => ({ where: `locales/km/${s.file}.ftl ${s.id}`, km: s.km })),
    ...library.topics.map((t) => ({ where: `topic ${t.id} name`, km: t.name.km })),
    ...library.tips.flatMap((t) => [
      { where: `tip ${t.id} text`, km: t.text.km },
      ...(t.quiz
        ? [t.quiz.question, ...t.quiz.options, t.quiz.explanation].map((q) => ({ where: `tip ${t.id} quiz`, km: q.km }))
        : []),
    ]),
    ...wellbeing.contacts.flatMap((c) => [c.name, c.detail].map((l) => ({ where: `contact ${c.id}`, km: l.km }))),
    ...wellbeing.selfCare.map((c) => ({ where: `self-care ${c.id}`, km: c.text.km })),
  ];
});

const terms = (cell: string) =>
  cell
    .split(" / ")
    .map((s) => s.trim())
    .filter(Boolean);

function spans(text: string, term: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) found.push([i, i + term.length]);
  return found;
}

/** Where the glossary itself makes an exception (its note column says why). */
const EXEMPT: Record<string, (where: string) => boolean> = {
  "numbers in static Khmer text": (where) => where.startsWith("locales/km/summary.ftl"),
};

describe("the Khmer glossary", () => {
  it("When the glossary is read, then every row names a concept, a Khmer term and a known status", () => {
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(row.concept_en, JSON.stringify(row)).not.toBe("");
      expect(row.km, row.concept_en).toMatch(/[\u1780-\u17FF]|\d/);
      expect(STATUSES, row.concept_en).toContain(row.status);
    }
    const concepts = rows.map((r) => r.concept_en);
    expect(concepts).toEqual(
      expect.arrayContaining(["peer supporter", "trainer", "interview (noun / verb / interviewer)"]),
    );
  });

  it("When the Khmer a user sees is searched, then no adopted term's avoided variant is used", () => {
    expect(texts.length).toBeGreaterThan(600);
    const offenders: string[] = [];
    for (const row of rows.filter((r) => r.status.startsWith("adopted") && r.avoid)) {
      for (const { where, km } of texts) {
        // An avoided variant is fine where it is part of the adopted term (ការសម្ភាស inside ការសម្ភាសន៍).
        const allowed = terms(row.km).flatMap((term) => spans(km, term));
        if (EXEMPT[row.concept_en]?.(where)) continue;
        for (const avoid of terms(row.avoid)) {
          const bad = spans(km, avoid).filter(([s, e]) => !allowed.some(([as, ae]) => as <= s && e <= ae));
          if (bad.length) offenders.push(`${where}: "${avoid}" (glossary: ${row.concept_en} = ${row.km})`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
