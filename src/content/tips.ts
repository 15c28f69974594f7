// The refresher-tip library: one YAML file per topic in content/tips/, named NN-<topic-id>.yaml where NN is
// the curriculum order. checkTipLibrary() validates everything and reports every problem at once (file +
// path + message); loadTipLibrary() is the strict version that throws. What one file may hold is in
// tip-file-schema.ts. No side effects at import.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, parseDocument } from "yaml";
import {
  MAX_EXPLANATION_CHARS,
  MAX_NAME_CHARS,
  MAX_OPTION_CHARS,
  MAX_QUESTION_CHARS,
  MAX_TIP_CHARS,
  type TopicFile,
  topicFileSchema,
} from "./tip-file-schema.js";

export {
  KHMER_SCRIPT,
  MAX_EXPLANATION_CHARS,
  MAX_NAME_CHARS,
  MAX_OPTION_CHARS,
  MAX_QUESTION_CHARS,
  MAX_TIP_CHARS,
} from "./tip-file-schema.js";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");
export const TIPS_DIR = path.join(CONTENT_DIR, "tips");

export const MIN_TIPS_PER_TOPIC = 3;

/** The curriculum: every one of these topics must be present, in this order (domain.md §a, plus §c self-care). */
export const TOPIC_IDS = [
  "planning",
  "ground-rules",
  "rapport",
  "practice-narrative",
  "transition",
  "free-narrative",
  "open-prompts",
  "questioning-ladder",
  "breaks",
  "closure",
  "room",
  "recording",
  "interpreters",
  "ocsea-dynamics",
  "images-evidence",
  "self-care",
] as const;

export type Localized = { km: string; en: string };
export type TipTopic = { id: string; position: number; name: Localized };
export type TipQuiz = { question: Localized; options: Localized[]; correct: number; explanation: Localized };
export type ContentTip = {
  id: string;
  topicId: string;
  /** Global curriculum order, 1-based: topic order, then tip order within the topic's file. */
  position: number;
  text: Localized;
  /** The document(s) the tip draws on, in English, without the topic: the tip message adds the topic's name. */
  source: string;
  quiz?: TipQuiz;
};
export type TipLibrary = { topics: TipTopic[]; tips: ContentTip[] };

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

function formatPath(segments: readonly PropertyKey[]): string {
  return segments.length ? segments.map(String).join(".") : "(file)";
}

export type CheckOptions = {
  /** Topics that must be present with at least MIN_TIPS_PER_TOPIC tips; TOPIC_IDS unless given (tests pass []). */
  requiredTopics?: readonly string[];
};

/** Reads and validates every NN-<topic-id>.yaml in `dir`. `library` holds whatever parsed (it may be partial when
 * `errors` is not empty); it is undefined only when the directory cannot be read. */
export async function checkTipLibrary(
  dir: string = TIPS_DIR,
  { requiredTopics = TOPIC_IDS }: CheckOptions = {},
): Promise<{ library?: TipLibrary; errors: string[] }> {
  const errors: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    return { errors: [`${dir}: cannot read the directory (${(err as Error).message})`] };
  }

  // Every file that parses as YAML takes part in the cross-file checks (duplicate ids, tips per topic, missing
  // topics), even when its schema check failed; only fully valid files go into the library.
  const files: { name: string; order: number; topicId?: string; tipIds?: unknown[]; data?: TopicFile }[] = [];
  const orders = new Map<number, string>();
  for (const name of names) {
    const problem = (where: string, message: string) => errors.push(`${name}: ${where}: ${message}`);
    const match = FILE_NAME.exec(name);
    if (!match) {
      problem("(file name)", "must look like NN-<topic-id>.yaml, e.g. 03-rapport.yaml");
      continue;
    }
    const order = Number(match[1]);
    const earlier = orders.get(order);
    if (earlier) problem("(file name)", `uses the same number ${match[1]} as ${earlier}`);
    orders.set(order, name);

    const doc = parseDocument(await readFile(path.join(dir, name), "utf8"), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) problem("(yaml)", e.message.replace(/\s+/g, " ").trim());
      continue;
    }
    if (!isMap(doc.contents)) {
      problem("(file)", "must be a mapping with `topic` and `tips`");
      continue;
    }
    const raw = doc.toJS() as { topic?: { id?: unknown }; tips?: unknown };
    const topicId = typeof raw.topic?.id === "string" ? raw.topic.id : undefined;
    const tipIds = Array.isArray(raw.tips) ? raw.tips.map((t) => (t as { id?: unknown } | null)?.id) : undefined;
    if (topicId !== undefined && topicId !== match[2]) {
      problem("topic.id", `is "${topicId}" but the file name says "${match[2]}"`);
    }
    const parsed = topicFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(formatPath(issue.path), issue.message);
    }
    files.push({ name, order, topicId, tipIds, data: parsed.success ? parsed.data : undefined });
  }

  files.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const topics: TipTopic[] = [];
  const tips: ContentTip[] = [];
  const topicFiles = new Map<string, string>();
  const tipFiles = new Map<string, string>();
  for (const { name, topicId, tipIds, data } of files) {
    if (topicId !== undefined) {
      const previousTopic = topicFiles.get(topicId);
      if (previousTopic) errors.push(`${name}: topic.id: "${topicId}" is also used by ${previousTopic}`);
      topicFiles.set(topicId, name);
    }
    tipIds?.forEach((id, i) => {
      if (typeof id !== "string") return;
      const previousTip = tipFiles.get(id);
      if (previousTip) errors.push(`${name}: tips.${i}.id: "${id}" is also used in ${previousTip}`);
      tipFiles.set(id, name);
    });
    if (tipIds && tipIds.length < MIN_TIPS_PER_TOPIC) {
      errors.push(`${name}: tips: has ${tipIds.length} tips; every topic needs at least ${MIN_TIPS_PER_TOPIC}`);
    }
    if (!data) continue;
    topics.push({ id: data.topic.id, position: topics.length + 1, name: data.topic.name });
    for (const tip of data.tips) {
      tips.push({
        id: tip.id,
        topicId: data.topic.id,
        position: tips.length + 1,
        text: tip.text,
        source: tip.source,
        ...(tip.quiz ? { quiz: tip.quiz } : {}),
      });
    }
  }
  for (const id of requiredTopics) {
    if (!topicFiles.has(id)) errors.push(`${path.basename(dir)}: (library): topic "${id}" is missing`);
  }
  return { library: { topics, tips }, errors };
}

/**
 * Bumped when the checks below change what they accept: the digest then differs, and the next start-up checks and
 * syncs files it had already synced.
 */
const CHECKS_REVISION = 1;

/**
 * A digest of the tip files as they are (names and bytes) and of the rules that check them. Start-up skips parsing,
 * checking and syncing files whose digest is the one last synced (a tenth of a second of every start).
 */
export async function tipFilesDigest(dir: string = TIPS_DIR): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ CHECKS_REVISION, TOPIC_IDS, MAX_TIP_CHARS, MAX_NAME_CHARS, MAX_QUESTION_CHARS }));
  hash.update(JSON.stringify({ MAX_OPTION_CHARS, MAX_EXPLANATION_CHARS, MIN_TIPS_PER_TOPIC }));
  for (const name of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    hash.update(`\0${name}\0`);
    hash.update(await readFile(path.join(dir, name)));
  }
  return hash.digest("hex");
}

/** The validated library; throws an Error listing every problem when anything is wrong. */
export async function loadTipLibrary(dir: string = TIPS_DIR, options: CheckOptions = {}): Promise<TipLibrary> {
  const { library, errors } = await checkTipLibrary(dir, options);
  if (errors.length || !library) {
    throw new Error(
      `The tip library in ${dir} is invalid (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n${errors.join("\n")}`,
    );
  }
  return library;
}
