// Fluent locale strings in the translation round trip: reading every message value and attribute of
// locales/{en,km}/*.ftl as text, and splicing a reviewer's Khmer correction back into its own span of the file,
// so comments, order and every other message stay byte-for-byte. Parsed with @fluent/syntax.
import {
  type Attribute,
  FluentParser,
  FluentSerializer,
  Identifier,
  Junk,
  lineOffset,
  Message,
  type Pattern,
  type Resource,
  type VariableReference,
  Visitor,
} from "@fluent/syntax";
import { type LocaleSources, type LocaleString, normalizeCell, type TranslationRow } from "./translation-rows.js";

export const LOCALE_FIELD = "text";
/** locale:<file>:<message-id>[.<attribute>], e.g. locale:tips:tip-btn-helpful */
const LOCALE_KEY = /^locale:([^:/\\]+):([a-zA-Z][\w-]*)(?:\.([a-zA-Z][\w-]*))?$/;
const ftlParser = new FluentParser({ withSpans: true });
const ftlSerializer = new FluentSerializer();

/** A pattern as the Fluent serializer writes it, without the indentation: what the reviewer sees and edits. */
export function patternText(pattern: Pattern): string {
  // serializeEntry gives "x = <content>\n" or "x =\n    <content>\n", with 4 spaces added after every line end.
  const entry = ftlSerializer.serializeEntry(new Message(new Identifier("x"), pattern));
  const body = entry.slice("x =".length, -1);
  return body
    .slice(body.startsWith("\n") ? 5 : 1)
    .split("\n    ")
    .join("\n");
}

class VariableNames extends Visitor {
  names = new Set<string>();
  visitVariableReference(node: VariableReference) {
    this.names.add(node.id.name);
    this.genericVisit(node);
  }
}

/** The names of the `$variables` a pattern uses (in placeables, selectors and function arguments), sorted. */
export function patternVariables(pattern: Pattern): string[] {
  const visitor = new VariableNames();
  visitor.visit(pattern);
  return [...visitor.names].sort();
}

type FtlValue = { node: Message | Attribute; pattern: Pattern };

/** The value (or attribute) of message `id` in a parsed .ftl file, or why there is none. */
function findValue(resource: Resource, id: string, attribute?: string): FtlValue | string {
  const message = resource.body.find((e): e is Message => e instanceof Message && e.id.name === id);
  if (!message) return `has no message "${id}"`;
  if (!attribute) return message.value ? { node: message, pattern: message.value } : `"${id}" has no value`;
  const attr = message.attributes.find((a) => a.id.name === attribute);
  return attr ? { node: attr, pattern: attr.value } : `"${id}" has no attribute "${attribute}"`;
}

const junkIn = (resource: Resource) => resource.body.filter((e): e is Junk => e instanceof Junk);

function parseFtl(source: string, name: string): Resource {
  const resource = ftlParser.parse(source);
  const [junk] = junkIn(resource);
  if (junk) {
    const line = junk.span ? ` (line ${lineOffset(source, junk.span.start) + 1})` : "";
    throw new Error(`${name}${line}: ${junk.annotations[0]?.message ?? "not valid Fluent"}`);
  }
  return resource;
}

/**
 * One LocaleString per message value and per attribute of every locales/en file, in file order, with the Khmer
 * text of the same message in the km file of the same name ("" if it has none). Terms (-name) are not included.
 * Throws if a file is not valid Fluent.
 */
export function localeStrings(sources: LocaleSources): LocaleString[] {
  const strings: LocaleString[] = [];
  for (const [name, enSource] of Object.entries(sources.en).sort(([a], [b]) => a.localeCompare(b))) {
    const file = name.replace(/\.ftl$/, "");
    const en = parseFtl(enSource, `locales/en/${name}`);
    const kmSource = sources.km[name];
    const km = kmSource === undefined ? undefined : parseFtl(kmSource, `locales/km/${name}`);
    for (const message of en.body) {
      if (!(message instanceof Message)) continue;
      const values: { attribute?: string; pattern: Pattern }[] = message.attributes.map((a) => ({
        attribute: a.id.name,
        pattern: a.value,
      }));
      if (message.value) values.unshift({ pattern: message.value });
      for (const { attribute, pattern } of values) {
        const kmValue = km ? findValue(km, message.id.name, attribute) : "";
        strings.push({
          file,
          id: message.id.name,
          ...(attribute ? { attribute } : {}),
          en: patternText(pattern),
          km: typeof kmValue === "string" ? "" : patternText(kmValue.pattern),
        });
      }
    }
  }
  return strings;
}

/** Whitespace-only lines stay empty (no trailing spaces); the others get `pad` in front. */
const indentLines = (lines: readonly string[], pad: string) =>
  lines.map((line) => (line.trim() ? `${pad}${line}` : "")).join("\n");

/** Parses a reviewer's text as one Fluent pattern, or says why it is not one. */
function parseCorrection(text: string): Pattern | string {
  const [first = "", ...rest] = text.split("\n");
  const forms = [`x =\n${indentLines([first, ...rest], "    ")}\n`, `x = ${first}\n${indentLines(rest, "    ")}\n`];
  let problem = "";
  for (const source of forms) {
    const resource = ftlParser.parse(source);
    const [entry, ...more] = resource.body;
    if (entry instanceof Message && entry.value && !entry.attributes.length && !more.length) return entry.value;
    problem ||=
      junkIn(resource)[0]?.annotations[0]?.message ??
      'a line starts with ".", "[" or "*", which Fluent reads as an attribute or a variant';
  }
  return problem;
}

/**
 * Replaces the pattern of `target` in `source` (from just after its "=" to the end of the pattern) with `next`,
 * keeping the layout (value on the "=" line, or on the lines below) when it can. Everything outside that range
 * stays byte-for-byte. Returns undefined when the result would not parse back to exactly `next`.
 */
function spliceValue(source: string, target: FtlValue, next: string, id: string, attribute?: string) {
  const idEnd = target.node.id.span?.end;
  const patternSpan = target.pattern.span;
  if (idEnd === undefined || !patternSpan) return undefined;
  const from = source.indexOf("=", idEnd) + 1;
  const lineStart = source.lastIndexOf("\n", from - 1) + 1;
  const pad = `${/^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? ""}    `;
  const [first = "", ...rest] = next.split("\n");
  const inline = ` ${first}${rest.length ? `\n${indentLines(rest, pad)}` : ""}`;
  const block = `\n${indentLines([first, ...rest], pad)}`;
  const wasInline = !source.slice(from, patternSpan.start).includes("\n");
  const junk = junkIn(ftlParser.parse(source)).length;
  for (const value of wasInline ? [inline, block] : [block, inline]) {
    const text = `${source.slice(0, from)}${value}${source.slice(patternSpan.end)}`;
    const resource = ftlParser.parse(text);
    const found = findValue(resource, id, attribute);
    if (junkIn(resource).length === junk && typeof found !== "string" && patternText(found.pattern) === next)
      return text;
  }
  return undefined;
}

const variableList = (names: readonly string[]) => names.map((n) => `{ $${n} }`).join(", ");

type LocaleOutcome =
  | { kind: "unknown"; reason: string }
  | { kind: "conflict"; reason: string }
  | { kind: "rejected"; reason: string }
  | { kind: "unchanged" }
  | { kind: "changed"; name: string; source: string; old: string; new: string };

/** One locale row whose km_corrected (`corrected`, normalised) differs from its exported km (`exported`). */
export function correctLocale(
  r: TranslationRow,
  corrected: string,
  exported: string,
  locales: LocaleSources,
): LocaleOutcome {
  const skip = (kind: "unknown" | "conflict" | "rejected", reason: string): LocaleOutcome => ({ kind, reason });
  const key = LOCALE_KEY.exec(r.key);
  if (!key) return skip("unknown", "locale keys look like locale:<file>:<message-id>[.<attribute>]");
  const [, file, id = "", attribute] = key;
  if (r.field !== LOCALE_FIELD) return skip("unknown", `locale strings have only the field "${LOCALE_FIELD}"`);
  const name = `${file}.ftl`;
  const source = locales.km[name];
  if (source === undefined) return skip("unknown", `there is no locales/km/${name}`);
  const target = findValue(ftlParser.parse(source), id, attribute);
  if (typeof target === "string") return skip("unknown", `locales/km/${name} ${target}`);
  const current = patternText(target.pattern);
  if (normalizeCell(current) === corrected) return { kind: "unchanged" };

  const parsed = parseCorrection(corrected);
  if (typeof parsed === "string") return skip("rejected", `the correction is not valid Fluent: ${parsed}`);
  const next = patternText(parsed);
  if (next === current) return { kind: "unchanged" }; // only the spacing of a placeable differs
  if (normalizeCell(current) !== exported)
    return skip("conflict", `locales/km/${name} changed since the export; the km there is now: ${current}`);

  const enSource = locales.en[name];
  const enTarget = enSource === undefined ? "is missing" : findValue(ftlParser.parse(enSource), id, attribute);
  if (typeof enTarget === "string")
    return skip("rejected", `cannot check its variables: locales/en/${name} ${enTarget}`);
  const want = patternVariables(enTarget.pattern);
  const got = patternVariables(parsed);
  const missing = want.filter((v) => !got.includes(v));
  const extra = got.filter((v) => !want.includes(v));
  if (missing.length || extra.length) {
    const problems = [
      missing.length ? `${variableList(missing)} is missing` : "",
      extra.length ? `${variableList(extra)} is not in the English text` : "",
    ].filter(Boolean);
    const expected = variableList(want) || "none";
    return skip("rejected", `the correction must keep the English variables (${expected}): ${problems.join("; ")}`);
  }
  const text = spliceValue(source, target, next, id, attribute);
  if (text === undefined) return skip("rejected", `the correction cannot be written back to locales/km/${name}`);
  return { kind: "changed", name, source: text, old: current, new: next };
}
