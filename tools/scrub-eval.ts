// `npm run scrub:eval`: measures the scrubber on the hand-written set in test/fixtures/scrub/ (see its README).
// Recall: the share of marked identifiers ([[...]]) whose every letter and digit is gone. Keep rate: the share of
// ordinary practice sentences that come back unchanged. Both per language (a sentence with Khmer script is Khmer)
// and per part (dev: used for tuning; held-out: never looked at while tuning). Prints the misses, then the timing,
// then as the last line {"eval":"scrub","sentences":…,"recall":…,"keep":…,"recall_km":…,…}.
// The same evaluate() backs test/unit/scrubber-eval.test.ts, which fails when a figure falls below its target.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SCRUB_PLACEHOLDER, scrub } from "../src/services/scrubber.js";

export const EVAL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "scrub");
const PARTS = ["dev", "holdout"] as const;
type Part = (typeof PARTS)[number];
type Lang = "km" | "en";

export type Miss = { part: Part; lang: Lang; input: string; output: string; leaked: string[] };
export type Tally = { hit: number; total: number };
export type EvalReport = {
  sentences: number;
  recall: Record<"all" | Lang | Part, Tally>;
  keep: Record<"all" | Lang | Part, Tally>;
  recallMisses: Miss[];
  keepMisses: Miss[];
};

const isKhmer = (s: string) => /[\u1780-\u17FF]/.test(s);
const SIGNIFICANT = /[\p{L}\p{M}\p{N}]/u;

function lines(file: string): string[] {
  return readFileSync(path.join(EVAL_DIR, file), "utf8")
    .split("\n")
    .map((l) => l.trim().normalize("NFC"))
    .filter((l) => l && !l.startsWith("#"));
}

/** "[[Dara]] is 12" → plain text "Dara is 12" and the marked ranges in it. */
export function parseMarked(line: string): { text: string; spans: [number, number][] } {
  let text = "";
  const spans: [number, number][] = [];
  for (const part of line.split(/(\[\[.*?\]\])/)) {
    if (part.startsWith("[[") && part.endsWith("]]")) {
      spans.push([text.length, text.length + part.length - 4]);
      text += part.slice(2, -2);
    } else text += part;
  }
  return { text, spans };
}

/**
 * Which characters of `input` scrub() removed: the output is the input with some stretches replaced by the
 * placeholder, so the kept pieces are found in order and everything between them was removed.
 */
export function removedMask(input: string, output: string): boolean[] {
  const removed = Array<boolean>(input.length).fill(true);
  const pieces = output.split(SCRUB_PLACEHOLDER);
  let at = 0;
  pieces.forEach((piece, i) => {
    if (!piece) return;
    const last = i === pieces.length - 1;
    const found = last ? input.lastIndexOf(piece) : input.indexOf(piece, at);
    if (found < at) return; // not found in order: count the piece as removed (cannot happen for scrub's output)
    for (let k = found; k < found + piece.length; k++) removed[k] = false;
    at = found + piece.length;
  });
  return removed;
}

const tally = (): Tally => ({ hit: 0, total: 0 });
const add = (t: Tally, ok: boolean) => {
  t.total++;
  if (ok) t.hit++;
};

export function evaluate(): EvalReport {
  const recall = { all: tally(), km: tally(), en: tally(), dev: tally(), holdout: tally() };
  const keep = { all: tally(), km: tally(), en: tally(), dev: tally(), holdout: tally() };
  const recallMisses: Miss[] = [];
  const keepMisses: Miss[] = [];
  let sentences = 0;
  for (const part of PARTS) {
    for (const line of lines(`identifiers-${part}.txt`)) {
      sentences++;
      const { text, spans } = parseMarked(line);
      const lang: Lang = isKhmer(text) ? "km" : "en";
      const output = scrub(text).text;
      const mask = removedMask(text, output);
      const leaked: string[] = [];
      for (const [s, e] of spans) {
        let ok = true;
        for (let k = s; k < e; k++) if (SIGNIFICANT.test(text[k] ?? "") && !mask[k]) ok = false;
        for (const t of [recall.all, recall[lang], recall[part]]) add(t, ok);
        if (!ok) leaked.push(text.slice(s, e));
      }
      if (leaked.length) recallMisses.push({ part, lang, input: text, output, leaked });
    }
    for (const text of lines(`keep-${part}.txt`)) {
      sentences++;
      const lang: Lang = isKhmer(text) ? "km" : "en";
      const output = scrub(text).text;
      const ok = output === text;
      for (const t of [keep.all, keep[lang], keep[part]]) add(t, ok);
      if (!ok) keepMisses.push({ part, lang, input: text, output, leaked: [] });
    }
  }
  return { sentences, recall, keep, recallMisses, keepMisses };
}

export const rate = (t: Tally) => (t.total ? Math.round((t.hit / t.total) * 10000) / 10000 : 1);

function main(): void {
  const loadStart = process.cpuUsage();
  scrub("warm-up: ក្មេងស្រី Dara"); // loads the gazetteer and the name lists
  const load = process.cpuUsage(loadStart);
  const loadMs = (load.user + load.system) / 1000;
  const report = evaluate();
  // `--dev`: list only the misses of the dev part (while tuning, the held-out part must stay unseen).
  const devOnly = process.argv.includes("--dev");
  const show = (label: string, all: Miss[], withLeaks: boolean) => {
    const misses = devOnly ? all.filter((m) => m.part === "dev") : all;
    if (misses.length) console.log(`\n${label} (${misses.length}${devOnly ? ", dev part only" : ""}):`);
    for (const m of misses) {
      console.log(`  [${m.part} ${m.lang}] ${m.input}`);
      console.log(`      → ${m.output}${withLeaks ? `   leaked: ${m.leaked.join(" | ")}` : ""}`);
    }
  };
  show("Identifiers not removed", report.recallMisses, true);
  show("Ordinary sentences changed", report.keepMisses, false);
  const all = [...lines("identifiers-dev.txt"), ...lines("identifiers-holdout.txt")].map((l) => parseMarked(l).text);
  const everything = [...all, ...lines("keep-dev.txt"), ...lines("keep-holdout.txt")];
  // CPU time of this process, not wall time: the machine may be shared.
  const rounds = 20;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const s of everything) scrub(s);
  const cpu = process.cpuUsage(cpu0);
  const perSentenceMs = (cpu.user + cpu.system) / 1000 / (rounds * everything.length);
  const { recall, keep } = report;
  console.log("");
  for (const key of ["km", "en", "dev", "holdout", "all"] as const) {
    console.log(
      `${key.padEnd(8)} recall ${rate(recall[key]).toFixed(4)} (${recall[key].hit}/${recall[key].total})` +
        `   keep ${rate(keep[key]).toFixed(4)} (${keep[key].hit}/${keep[key].total})`,
    );
  }
  console.log(
    `first call (reads and compiles the lists) ${loadMs.toFixed(0)} ms CPU; then ${(perSentenceMs * 1000).toFixed(0)} µs CPU a sentence`,
  );
  console.log(
    JSON.stringify({
      eval: "scrub",
      sentences: report.sentences,
      recall: rate(recall.all),
      keep: rate(keep.all),
      recall_km: rate(recall.km),
      recall_en: rate(recall.en),
      keep_km: rate(keep.km),
      keep_en: rate(keep.en),
      recall_holdout: rate(recall.holdout),
      keep_holdout: rate(keep.holdout),
      spans: recall.all.total,
      load_ms: Math.round(loadMs),
      us_per_sentence: Math.round(perSentenceMs * 1000),
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
