// Turns text with parse_mode into the text the user sees, failing like Telegram does on broken markup
// ("can't parse entities"). HTML is checked closely; MarkdownV2 checks the reserved characters people forget.
import { badRequest } from "./types.js";

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
  "tg-time",
]);

export function visibleText(text: string, parseMode: unknown): string {
  if (typeof parseMode !== "string" || parseMode === "") return text;
  switch (parseMode.toLowerCase()) {
    case "html":
      return parseHtml(text);
    case "markdownv2":
      return parseMarkdownV2(text);
    case "markdown":
      return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]/g, "");
    default:
      throw badRequest(`unsupported parse_mode "${parseMode}"`);
  }
}

const byteOffset = (s: string, i: number) => Buffer.byteLength(s.slice(0, i), "utf8");
const cantParse = (why: string) => badRequest(`can't parse entities: ${why}`);

function parseHtml(text: string): string {
  const open: string[] = [];
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "<") {
      const m = /^<(\/?)([a-zA-Z][\w-]*)?((?:\s+[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/.exec(
        text.slice(i),
      );
      const name = m?.[2]?.toLowerCase();
      if (!m || !name) throw cantParse(`Unsupported start tag "" at byte offset ${byteOffset(text, i)}`);
      if (!HTML_TAGS.has(name)) {
        throw cantParse(`Unsupported ${m[1] ? "end" : "start"} tag "${name}" at byte offset ${byteOffset(text, i)}`);
      }
      if (m[1]) {
        const expected = open.pop();
        if (expected !== name) {
          throw cantParse(
            expected
              ? `Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${expected}>", found "</${name}>"`
              : `Unexpected end tag at byte offset ${byteOffset(text, i)}`,
          );
        }
      } else if (!m[4]) {
        open.push(name);
      }
      i += m[0].length;
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/.exec(text.slice(i, i + 12));
      if (m?.[1]) {
        out += decodeEntity(m[1]);
        i += m[0].length;
      } else {
        out += ch;
        i += 1;
      }
    } else {
      out += ch;
      i += 1;
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return out;
}

function decodeEntity(e: string): string {
  if (e === "lt") return "<";
  if (e === "gt") return ">";
  if (e === "amp") return "&";
  if (e === "quot") return '"';
  const code = e.startsWith("#x") ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
  return String.fromCodePoint(code);
}

const MD2_ALWAYS_ESCAPED = new Set([".", "!", "-", "=", "+", "#", "{", "}"]);

function parseMarkdownV2(text: string): string {
  let out = "";
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\\") {
      out += text[i + 1] ?? "";
      i += 1;
    } else if (ch === "`") {
      inCode = !inCode;
    } else if (inCode) {
      out += ch;
    } else if (MD2_ALWAYS_ESCAPED.has(ch)) {
      throw cantParse(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    } else if (ch === "]" && text[i + 1] === "(") {
      const close = text.indexOf(")", i);
      i = close < 0 ? text.length : close;
    } else if (!"*_~|[]>".includes(ch)) {
      out += ch;
    }
  }
  return out;
}
