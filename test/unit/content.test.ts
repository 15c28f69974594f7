import { execFile } from "node:child_process";
import { copyFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { parseCsv, writeCsv } from "../../src/content/csv.js";
import { checkTipLibrary, loadTipLibrary, MAX_TIP_CHARS, TIPS_DIR, TOPIC_IDS } from "../../src/content/tips.js";
import { exportTranslations, importTranslations, readLocaleSources } from "../../src/content/translation-files.js";
import {
  applyCorrections,
  buildRows,
  csvToRows,
  rowsToCsv,
  type TranslationRow,
  YAML_OUTPUT,
} from "../../src/content/translations.js";

const run = promisify(execFile);
const tmpDirs: string[] = [];

async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "mitt-content-"));
  tmpDirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of tmpDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const KM = "សូមស្តាប់កុមារ។";
const tip = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  text: { en: "Listen to the child.", km: KM },
  source: "Test source",
  ...extra,
});
const quiz = (correct: number) => ({
  question: { en: "Which one?", km: "មួយណា?" },
  options: [
    { en: "This", km: "នេះ" },
    { en: "That", km: "នោះ" },
  ],
  correct,
  explanation: { en: "Because.", km: "ព្រោះ។" },
});
const topicFile = (id: string, tips: unknown[]) => ({ topic: { id, name: { en: "Name", km: "ឈ្មោះ" } }, tips });

async function writeTopic(dir: string, file: string, data: unknown) {
  await writeFile(path.join(dir, file), JSON.stringify(data, null, 2)); // JSON is valid YAML
}

describe("shipped tip library", () => {
  it("When content/tips is checked, then it has no errors, at least 45 tips and every curriculum topic", async () => {
    const { library, errors } = await checkTipLibrary();
    expect(errors).toEqual([]);
    expect(library?.tips.length).toBeGreaterThanOrEqual(45);
    expect(library?.topics.length).toBeGreaterThanOrEqual(15);
    expect(library?.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
  });

  it("When the library is loaded, then positions follow topic order, then tip order, starting at 1", async () => {
    const { topics, tips } = await loadTipLibrary();
    expect(topics.map((t) => t.position)).toEqual(topics.map((_, i) => i + 1));
    expect(tips.map((t) => t.position)).toEqual(tips.map((_, i) => i + 1));
    const topicOrder = tips.map((t) => TOPIC_IDS.indexOf(t.topicId as (typeof TOPIC_IDS)[number]));
    expect(topicOrder).toEqual([...topicOrder].sort((a, b) => a - b));
    expect(tips[0]?.id).toBe("planning-01");
  });

  it("When every tip file is parsed and written back, then it is byte-identical (imports touch only edited lines)", async () => {
    for (const file of await readdir(TIPS_DIR)) {
      const source = await readFile(path.join(TIPS_DIR, file), "utf8");
      expect(parseDocument(source).toString(YAML_OUTPUT), file).toBe(source);
    }
  });

  it("When content:check runs, then its last stdout line is the JSON summary and it exits 0", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "tools/content-check.ts"]);
    const summary = JSON.parse(stdout.trim().split("\n").at(-1) as string);
    expect(summary).toMatchObject({ topics: TOPIC_IDS.length, errors: 0 });
    expect(summary.tips).toBeGreaterThanOrEqual(45);
    expect(summary.quizzes).toBeGreaterThan(0);
  });
});

describe("tip library check", () => {
  it("When a tip has no km text, then the error names the file and the path", async () => {
    const dir = await tmp();
    await writeTopic(
      dir,
      "01-planning.yaml",
      topicFile("planning", [tip("a-1", { text: { en: "Hi." } }), tip("a-2"), tip("a-3")]),
    );
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toEqual(["01-planning.yaml: tips.0.text.km: is missing"]);
  });

  it("When a tip text is longer than 700 characters, then the check reports it", async () => {
    const dir = await tmp();
    const long = tip("a-1", { text: { en: "x".repeat(MAX_TIP_CHARS + 1), km: KM } });
    await writeTopic(dir, "01-planning.yaml", topicFile("planning", [long, tip("a-2"), tip("a-3")]));
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toEqual(["01-planning.yaml: tips.0.text.en: is longer than 700 characters"]);
  });

  it("When two files use the same tip id, then the check reports the duplicate", async () => {
    const dir = await tmp();
    await writeTopic(dir, "01-planning.yaml", topicFile("planning", [tip("a-1"), tip("a-2"), tip("a-3")]));
    await writeTopic(dir, "02-rapport.yaml", topicFile("rapport", [tip("b-1"), tip("a-2"), tip("b-3")]));
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toEqual(['02-rapport.yaml: tips.1.id: "a-2" is also used in 01-planning.yaml']);
  });

  it("When a quiz's correct index is out of range, then the check reports it", async () => {
    const dir = await tmp();
    await writeTopic(
      dir,
      "01-planning.yaml",
      topicFile("planning", [tip("a-1", { quiz: quiz(2) }), tip("a-2"), tip("a-3")]),
    );
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toEqual([
      "01-planning.yaml: tips.0.quiz.correct: is 2 but there are only 2 options (0-based index)",
    ]);
  });

  it("When a quiz option has no km and correct is out of range, then both problems are reported", async () => {
    const dir = await tmp();
    const bad = { ...quiz(3), options: [{ en: "This" }, { en: "That", km: "នោះ" }] };
    await writeTopic(
      dir,
      "01-planning.yaml",
      topicFile("planning", [tip("a-1", { quiz: bad }), tip("a-2"), tip("a-3")]),
    );
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toEqual([
      "01-planning.yaml: tips.0.quiz.options.0.km: is missing",
      "01-planning.yaml: tips.0.quiz.correct: is 3 but there are only 2 options (0-based index)",
    ]);
  });

  it("When a km field is Latin-only and an en field holds Khmer, then the check reports both", async () => {
    const dir = await tmp();
    const swapped = tip("a-1", { text: { en: KM, km: "Listen to the child." } });
    await writeTopic(dir, "01-planning.yaml", topicFile("planning", [swapped, tip("a-2"), tip("a-3")]));
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toContain("01-planning.yaml: tips.0.text.km: contains no Khmer script (U+1780–U+17FF)");
    expect(errors).toContain("01-planning.yaml: tips.0.text.en: contains Khmer script; English text must not");
  });

  it("When a quiz has one option and a long button label, then the check reports both", async () => {
    const dir = await tmp();
    const bad = { ...quiz(0), options: [{ en: "y".repeat(61), km: "នេះ" }] };
    await writeTopic(
      dir,
      "01-planning.yaml",
      topicFile("planning", [tip("a-1", { quiz: bad }), tip("a-2"), tip("a-3")]),
    );
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toContain("01-planning.yaml: tips.0.quiz.options: needs 2–4 options");
    expect(errors).toContain("01-planning.yaml: tips.0.quiz.options.0.en: is longer than 60 characters");
  });

  it("When a topic is missing or has fewer than 3 tips, then the check reports it", async () => {
    const dir = await tmp();
    await writeTopic(dir, "01-planning.yaml", topicFile("planning", [tip("a-1"), tip("a-2")]));
    const { errors } = await checkTipLibrary(dir);
    expect(errors).toContain("01-planning.yaml: tips: has 2 tips; every topic needs at least 3");
    expect(errors).toContain(`${path.basename(dir)}: (library): topic "rapport" is missing`);
    expect(errors.filter((e) => e.endsWith("is missing"))).toHaveLength(TOPIC_IDS.length - 1);
  });

  it("When the file name and topic id disagree or the YAML is broken, then the check says so", async () => {
    const dir = await tmp();
    await writeTopic(dir, "01-planning.yaml", topicFile("rapport", [tip("a-1"), tip("a-2"), tip("a-3")]));
    await writeFile(path.join(dir, "02-breaks.yaml"), "topic: [unclosed\n");
    await writeFile(path.join(dir, "notes.yaml"), "x: 1\n");
    const { errors } = await checkTipLibrary(dir, { requiredTopics: [] });
    expect(errors).toContain('01-planning.yaml: topic.id: is "rapport" but the file name says "planning"');
    expect(errors.some((e) => e.startsWith("02-breaks.yaml: (yaml): "))).toBe(true);
    expect(errors).toContain("notes.yaml: (file name): must look like NN-<topic-id>.yaml, e.g. 03-rapport.yaml");
  });

  it("When the library is invalid, then loadTipLibrary throws an error listing every problem", async () => {
    const dir = await tmp();
    await writeTopic(dir, "01-planning.yaml", topicFile("planning", [tip("a-1", { source: "" }), tip("a-2")]));
    const error = await loadTipLibrary(dir, { requiredTopics: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("01-planning.yaml: tips.0.source: is empty");
    expect((error as Error).message).toContain("01-planning.yaml: tips: has 2 tips");
  });
});

describe("translation round trip", () => {
  it("When cells hold commas, quotes, newlines and Khmer, then the CSV writer and parser round-trip them", () => {
    const rows = [
      ["key", "text"],
      ["a", 'He said "stop", then left.\nNew line'],
      ["b", "សូមស្តាប់, កុមារ"],
      ["c", ""],
    ];
    const csv = writeCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"He said ""stop"", then left.\nNew line"');
    expect(parseCsv(csv)).toEqual(rows);
  });

  it("When cells start like a spreadsheet formula, then they are written as text and read back unchanged", () => {
    const rows = [
      ["key", "text"],
      ["a", '=HYPERLINK("http://x","click")'],
      ["b", "+855 12 345 678"],
      ["c", "-1"],
      ["d", "@SUM(A1)"],
      ["e", "'=already quoted"],
      ["f", "\tTabbed"],
      ["g", "សួស្តី = hello"],
    ];
    const csv = writeCsv(rows);
    for (const line of csv.replace("\uFEFF", "").split("\r\n").slice(1, -1)) {
      const cell = line.slice(2).replace(/^"/, "");
      expect(cell, line).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("b,'+855 12 345 678");
    expect(csv).toContain("g,សួស្តី = hello");
    expect(parseCsv(csv)).toEqual(rows);
  });

  it("When rows are built, then every topic name, text, question, option and explanation gets exactly one row", async () => {
    const library = await loadTipLibrary();
    const rows = buildRows(library);
    const quizFields = library.tips.reduce((n, t) => n + (t.quiz ? 2 + t.quiz.options.length : 0), 0);
    expect(rows).toHaveLength(library.topics.length + library.tips.length + quizFields);
    expect(new Set(rows.map((r) => `${r.key} ${r.field}`)).size).toBe(rows.length);
    expect(rows).toContainEqual(expect.objectContaining({ key: "topic:rapport", field: "name", km_corrected: "" }));
    expect(rows.some((r) => r.key === "tip:planning-01" && r.field === "quiz.options.2")).toBe(true);
  });

  it("When one km_corrected cell is edited and imported, then exactly that field changes and is reported", async () => {
    const dir = await tmp();
    for (const file of ["03-rapport.yaml", "10-closure.yaml"])
      await copyFile(path.join(TIPS_DIR, file), path.join(dir, file));
    const before = {
      rapport: await readFile(path.join(dir, "03-rapport.yaml"), "utf8"),
      closure: await readFile(path.join(dir, "10-closure.yaml"), "utf8"),
    };
    const options = { requiredTopics: [] };

    const { csv } = await exportTranslations(dir, options);
    const rows = csvToRows(csv);
    const target = rows.find((r) => r.key === "tip:closure-02" && r.field === "quiz.options.1");
    if (!target) throw new Error("closure-02 option 1 is not in the export");
    const corrected = "«ល្អណាស់ នេះហើយជាអ្វីដែលខ្ញុំចង់បាន»";
    target.km_corrected = corrected;
    const untouched = rows.find((r) => r.key === "topic:rapport");
    if (untouched) untouched.km_corrected = untouched.km; // same as km: not a change

    const report = await importTranslations(rowsToCsv(rows), dir, options);
    expect(report.changes).toEqual([
      { key: "tip:closure-02", field: "quiz.options.1", file: "10-closure.yaml", old: target.km, new: corrected },
    ]);
    expect(report).toMatchObject({ unknown: [], conflicts: [], errors: [], files: ["10-closure.yaml"] });
    expect(report.unchanged).toBe(rows.length - 1);

    expect(await readFile(path.join(dir, "03-rapport.yaml"), "utf8")).toBe(before.rapport);
    const after = await readFile(path.join(dir, "10-closure.yaml"), "utf8");
    const changedLines = after.split("\n").filter((line, i) => line !== before.closure.split("\n")[i]);
    expect(changedLines).toEqual([`          km: ${corrected}`]);
    const expected = parse(before.closure);
    expected.tips[1].quiz.options[1].km = corrected;
    expect(parse(after)).toEqual(expected);

    const again = await importTranslations(rowsToCsv(rows), dir, options);
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(rows.length);
  });

  it("When a row's key is unknown or its km changed since the export, then it is reported and not applied", async () => {
    const source = await readFile(path.join(TIPS_DIR, "03-rapport.yaml"), "utf8");
    const library = await loadTipLibrary();
    const [name, text] = buildRows(library).filter((r) => r.key === "topic:rapport" || r.key === "tip:rapport-01");
    if (!name || !text) throw new Error("rapport rows are missing");
    const result = applyCorrections(
      [
        { key: "tip:no-such-tip", field: "text", en: "", km: "ក", km_corrected: "ខ" },
        { key: "tip:rapport-01", field: "quiz.options.9", en: "", km: "ក", km_corrected: "ខ" },
        { key: "locale:menu.ftl:menu-help", field: "value", en: "Help", km: "ជំនួយ", km_corrected: "ជំនួយការ" },
        { ...name, km: "ចាស់", km_corrected: "ថ្មី" },
        { ...text, km_corrected: `${text.km} ` }, // only whitespace differs: unchanged
      ],
      { "03-rapport.yaml": source },
    );
    expect(result.changes).toEqual([]);
    expect(result.files).toEqual({});
    expect(result.unchanged).toBe(1);
    expect(result.unknown.map((u) => `${u.key} ${u.field}`)).toEqual([
      "tip:no-such-tip text",
      "tip:rapport-01 quiz.options.9",
      "locale:menu.ftl:menu-help value",
    ]);
    expect(result.conflicts.map((c) => c.key)).toEqual(["topic:rapport"]);
  });
});

describe("translation round trip: Fluent locale strings", () => {
  const LOCALES = path.resolve("locales");
  const HELPFUL_KM = "👍 មានប្រយោជន៍";

  /** Temp copies of one tip file and of the whole locales folder, so imports never touch the real files. */
  async function copies() {
    const root = await tmp();
    const dir = path.join(root, "tips");
    const localesDir = path.join(root, "locales");
    await cp(path.join(TIPS_DIR, "03-rapport.yaml"), path.join(dir, "03-rapport.yaml"));
    await cp(LOCALES, localesDir, { recursive: true });
    return { dir, localesDir, options: { requiredTopics: [], localesDir } };
  }

  const find = (rows: TranslationRow[], key: string) => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`${key} is not in the export`);
    return found;
  };

  const changedLines = (before: string, after: string) => {
    const old = before.split("\n");
    return after.split("\n").filter((line, i) => line !== old[i]);
  };

  it("When the translations are exported, then every Fluent message has one text row with both languages", async () => {
    const { csv, rows } = await exportTranslations(TIPS_DIR, { localesDir: LOCALES });
    const locale = csvToRows(csv).filter((r) => r.key.startsWith("locale:"));
    const enSources = Object.values((await readLocaleSources(LOCALES)).en).join("\n");
    expect(locale).toHaveLength(enSources.match(/^[a-zA-Z][\w-]* =/gm)?.length ?? 0);
    expect(locale.every((r) => r.field === "text" && r.en && r.km && r.km_corrected === "")).toBe(true);
    expect(rows.filter((r) => r.key.startsWith("locale:"))).toEqual(locale);

    expect(find(locale, "locale:tips:tip-btn-helpful")).toEqual({
      key: "locale:tips:tip-btn-helpful",
      field: "text",
      en: "👍 Helpful",
      km: HELPFUL_KM,
      km_corrected: "",
    });
    expect(find(locale, "locale:tips:tip-message")).toMatchObject({
      en: "📘 { $topic }\n\n{ $text }\n\n— Source: { $source }",
      km: "📘 { $topic }\n\n{ $text }\n\n— ប្រភព៖ { $source }",
    });
  });

  it("When one Khmer locale string is corrected and imported into a copy, then exactly that line changes", async () => {
    const { dir, localesDir, options } = await copies();
    const realTips = await readFile(path.join(LOCALES, "km", "tips.ftl"), "utf8");
    const before = await readLocaleSources(localesDir);

    const rows = csvToRows((await exportTranslations(dir, options)).csv);
    const corrected = "👍 មានប្រយោជន៍ណាស់";
    find(rows, "locale:tips:tip-btn-helpful").km_corrected = corrected;
    const same = find(rows, "locale:menu:menu-help");
    same.km_corrected = `${same.km} `; // only whitespace differs: unchanged

    const report = await importTranslations(rowsToCsv(rows), dir, options);
    expect(report.changes).toEqual([
      {
        key: "locale:tips:tip-btn-helpful",
        field: "text",
        file: "locales/km/tips.ftl",
        old: HELPFUL_KM,
        new: corrected,
      },
    ]);
    expect(report).toMatchObject({
      unknown: [],
      conflicts: [],
      rejected: [],
      errors: [],
      files: ["locales/km/tips.ftl"],
    });
    expect(report.unchanged).toBe(rows.length - 1);

    const after = await readLocaleSources(localesDir);
    expect(changedLines(before.km["tips.ftl"] as string, after.km["tips.ftl"] as string)).toEqual([
      `tip-btn-helpful = ${corrected}`,
    ]);
    expect(after.km["tips.ftl"]?.split("\n")).toHaveLength(before.km["tips.ftl"]?.split("\n").length ?? 0);
    expect({ ...after.km, "tips.ftl": "" }).toEqual({ ...before.km, "tips.ftl": "" });
    expect(after.en).toEqual(before.en);
    expect(await readFile(path.join(LOCALES, "km", "tips.ftl"), "utf8")).toBe(realTips);

    const again = await importTranslations(rowsToCsv(rows), dir, options);
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(rows.length);
  });

  it("When a multi-line Khmer string is corrected with CRLF line ends, then it keeps its layout and re-exports the same", async () => {
    const { dir, localesDir, options } = await copies();
    const before = await readFile(path.join(localesDir, "km", "tips.ftl"), "utf8");
    const rows = csvToRows((await exportTranslations(dir, options)).csv);
    const row = find(rows, "locale:tips:tip-quiz-wrong");
    expect(row.km.split("\n")).toHaveLength(3);
    const lines = ["មិនទាន់ត្រឹមត្រូវទេ។ ចម្លើយត្រឹមត្រូវគឺ៖ { $answer }", "{ $explanation }", "", "យើងនឹងរំលឹកគន្លឹះនេះម្តងទៀត។"];
    row.km_corrected = `${lines.join("\r\n")}\r\n`; // as a spreadsheet saves a cell with line breaks

    const report = await importTranslations(rowsToCsv(rows), dir, options);
    expect(report.changes.map((c) => c.new)).toEqual([lines.join("\n")]);
    const after = await readFile(path.join(localesDir, "km", "tips.ftl"), "utf8");
    expect(after.replace(`tip-quiz-wrong =\n${lines.map((l) => (l ? `    ${l}` : "")).join("\n")}\n`, "")).toBe(
      before.replace(`tip-quiz-wrong =\n${row.km.replace(/^/gm, "    ")}\n`, ""),
    );
    const exported = csvToRows((await exportTranslations(dir, options)).csv);
    expect(find(exported, "locale:tips:tip-quiz-wrong").km).toBe(lines.join("\n"));
  });

  it("When a Khmer correction drops a { $variable } or breaks a placeable, then it is refused and not applied", async () => {
    const { dir, localesDir, options } = await copies();
    const before = await readLocaleSources(localesDir);
    const rows = csvToRows((await exportTranslations(dir, options)).csv);
    const resumed = find(rows, "locale:tips:tip-resumed");
    expect(resumed.km).toContain("{ $time }");
    resumed.km_corrected = "▶️ គន្លឹះបានបើកវិញ៖ { $frequency }។";
    find(rows, "locale:tips:tip-btn-helpful").km_corrected = "👍 { មានប្រយោជន៍";

    const report = await importTranslations(rowsToCsv(rows), dir, options);
    expect(report.changes).toEqual([]);
    expect(report.files).toEqual([]);
    expect(report.rejected.map((r) => r.key)).toEqual(["locale:tips:tip-btn-helpful", "locale:tips:tip-resumed"]);
    expect(report.rejected[0]?.reason).toContain("not valid Fluent");
    expect(report.rejected[1]?.reason).toContain("{ $time } is missing");
    expect(await readLocaleSources(localesDir)).toEqual(before);
  });

  it("When content:import applies a locale correction to copies, then its JSON line counts the locale rows", async () => {
    const { dir, localesDir, options } = await copies();
    await cp(TIPS_DIR, dir, { recursive: true }); // the CLI re-checks a complete library
    const rows = csvToRows((await exportTranslations(dir, options)).csv);
    find(rows, "locale:tips:tip-btn-helpful").km_corrected = "👍 មានប្រយោជន៍ណាស់";
    find(rows, "locale:tips:tip-resumed").km_corrected = "▶️ គន្លឹះបានបើកវិញ។"; // drops both variables: an error
    const csvFile = path.join(dir, "..", "review.csv");
    await writeFile(csvFile, rowsToCsv(rows));

    const args = ["--import", "tsx", "tools/content-import.ts", csvFile, "--dir", dir, "--locales", localesDir];
    const failure = await run(process.execPath, args).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect("code" in failure && failure.code).toBe(1);
    expect(failure.stdout).toContain("locale:tips:tip-btn-helpful text: 👍 មានប្រយោជន៍ → 👍 មានប្រយោជន៍ណាស់");
    expect(failure.stderr).toContain("error, not applied: locale:tips:tip-resumed text:");
    const summary = JSON.parse(failure.stdout.trim().split("\n").at(-1) as string);
    expect(summary).toEqual({ changed: 1, unchanged: rows.length - 2, unknown: 0, errors: 1 });
  });
});
