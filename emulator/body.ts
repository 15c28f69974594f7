// Request bodies the Bot API accepts: query string, JSON, application/x-www-form-urlencoded and multipart/form-data.
import type { IncomingMessage } from "node:http";
import { ApiError, type Params } from "./types.js";

export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}
export interface ParsedBody {
  params: Params;
  files: Map<string, UploadedFile>;
}

const MAX_BODY_BYTES = 60 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "Request Entity Too Large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function parseBody(
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): Promise<ParsedBody> {
  const params: Params = Object.fromEntries(query.entries());
  const files = new Map<string, UploadedFile>();
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return { params, files };
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new ApiError(400, "Bad Request: can't parse JSON request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new ApiError(400, "Bad Request: request body must be a JSON object");
    }
    Object.assign(params, parsed);
  } else if (type === "application/x-www-form-urlencoded") {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8")).entries()));
  } else if (type === "multipart/form-data") {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw new ApiError(400, "Bad Request: multipart boundary is missing");
    for (const [name, value] of await parseMultipart(spacedHeaders(body, b), contentType ?? "")) {
      if (typeof value === "string") {
        params[name] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.set(name, { filename: value.name, contentType: value.type || "application/octet-stream", data });
        // Telegram also accepts a file uploaded directly under the field's own name.
        if (params[name] === undefined) params[name] = `attach://${name}`;
      }
    }
  }
  return { params, files };
}

/**
 * multipart/form-data through Node's own WHATWG parser (undici, behind `Request.formData()`), rather than one of our
 * own. A body it cannot read is answered 400, as Telegram does.
 */
export async function parseMultipart(body: Buffer, contentType: string): Promise<[string, string | File][]> {
  try {
    const form = await new Request("http://emulator.local/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }).formData();
    const entries = [...form.entries()] as [string, string | File][];
    if (entries.some(([name]) => !name)) throw new Error("a part without a name");
    return entries;
  } catch {
    throw new ApiError(400, "Bad Request: malformed multipart body");
  }
}

const HEADER_END = Buffer.from("\r\n\r\n");

/**
 * grammY writes part headers compactly (`content-disposition:form-data;name="x";filename=y`), which Telegram
 * accepts but Node's parser does not (it wants "; " between parameters and quoted values). Only the header block
 * of each part is touched (between a boundary line and the blank line after it), never a part's data.
 */
function spacedHeaders(body: Buffer, boundary: string): Buffer {
  const start = Buffer.from(`--${boundary}\r\n`);
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const at = body.indexOf(start, pos);
    if (at < 0) break;
    const headers = at + start.length;
    const end = body.indexOf(HEADER_END, headers);
    if (end < 0) break;
    out.push(body.subarray(pos, headers));
    const text = body
      .subarray(headers, end)
      .toString("utf8")
      .replace(/;(?=\S)/g, "; ")
      .replace(/; (\w+)=([^";\r\n]+)/g, (_, key: string, value: string) => `; ${key}="${value.trim()}"`);
    out.push(Buffer.from(text, "utf8"));
    pos = end;
  }
  out.push(body.subarray(pos));
  return Buffer.concat(out);
}
