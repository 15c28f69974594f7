import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";

const LOCALES = path.resolve("locales");
const KHMER = /[\u1780-\u17FF]/;
// Values that are the same in every language and need no Khmer script.
const NO_KHMER_NEEDED = new Set(["language-name-en"]);

async function load(lang: string): Promise<Map<string, string>> {
  const dir = path.join(LOCALES, lang);
  const out = new Map<string, string>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".ftl")).sort()) {
    const source = await readFile(path.join(dir, file), "utf8");
    const resource = new FluentResource(source);
    const bundle = new FluentBundle(lang, { useIsolating: false });
    expect(bundle.addResource(resource), `${lang}/${file} has Fluent errors`).toEqual([]);
    for (const entry of resource.body) {
      if (!entry.id || entry.id.startsWith("-")) continue;
      expect(out.has(entry.id), `duplicate key ${entry.id} in ${lang}`).toBe(false);
      const message = bundle.getMessage(entry.id);
      const text = message?.value ? bundle.formatPattern(message.value, new Proxy({}, { get: () => "1" }), []) : "";
      out.set(entry.id, text);
    }
  }
  return out;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("locales", () => {
  it("When the km and en files are compared, then they have exactly the same keys", async () => {
    const [km, en] = await Promise.all([load("km"), load("en")]);
    expect([...km.keys()].sort()).toEqual([...en.keys()].sort());
    expect(km.size).toBeGreaterThan(50);
  });

  it("When a Khmer string is read, then it is written in Khmer script", async () => {
    const km = await load("km");
    // A value with no letters at all (a number button such as "1": static Khmer text uses Latin digits, see
    // content/translation/glossary.csv) is the same in every language.
    const hasWords = (text: string) => /\p{L}/u.test(text);
    const latinOnly = [...km]
      .filter(([key, text]) => !NO_KHMER_NEEDED.has(key) && hasWords(text) && !KHMER.test(text))
      .map(([k]) => k);
    expect(latinOnly).toEqual([]);
  });

  it("When src/ is scanned, then no user-facing text is written as a string literal", async () => {
    const offenders: string[] = [];
    const patterns = [
      /\.reply\(\s*["'`][^"'`$]*[A-Za-z\u1780-\u17FF]/,
      /answerCallbackQuery\(\{\s*text:\s*["'`]/,
      /\.text\(\s*["'`][^"'`$]*[A-Za-z\u1780-\u17FF]/,
      /[\u1780-\u17FF]/, // Khmer belongs in locales/ and content/, never in code
    ];
    for (const file of await sourceFiles(path.resolve("src/bot"))) {
      const lines = (await readFile(file, "utf8")).split("\n");
      lines.forEach((line, i) => {
        if (line.trim().startsWith("//")) return;
        if (patterns.some((p) => p.test(line))) offenders.push(`${path.relative(".", file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
