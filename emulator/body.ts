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

export function parseBody(contentType: string | undefined, body: Buffer, query: URLSearchParams): ParsedBody {
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
    for (const part of parseMultipart(body, b)) {
      if (part.filename === undefined) {
        params[part.name] = part.data.toString("utf8");
      } else {
        files.set(part.name, { filename: part.filename, contentType: part.contentType, data: part.data });
        // Telegram also accepts a file uploaded directly under the field's own name.
        if (params[part.name] === undefined) params[part.name] = `attach://${part.name}`;
      }
    }
  }
  return { params, files };
}

interface Part {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** A small multipart/form-data parser; tolerant of grammY's compact headers (`content-disposition:form-data;name="x"`). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(first);
  if (pos < 0) throw new ApiError(400, "Bad Request: malformed multipart body");
  pos += first.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--": closing delimiter
    if (body.subarray(pos, pos + 2).equals(CRLF)) pos += 2;
    const end = body.indexOf(delimiter, pos);
    if (end < 0) throw new ApiError(400, "Bad Request: malformed multipart body");
    parts.push(parsePart(body.subarray(pos, end)));
    pos = end + delimiter.length;
  }
  return parts;
}

function parsePart(raw: Buffer): Part {
  const split = raw.indexOf(HEADER_END);
  const head = split < 0 ? raw.toString("utf8") : raw.subarray(0, split).toString("utf8");
  const data = split < 0 ? Buffer.alloc(0) : raw.subarray(split + HEADER_END.length);
  let name = "";
  let filename: string | undefined;
  let contentType = "text/plain";
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-type") contentType = value;
    if (key !== "content-disposition") continue;
    name = attr(value, "name") ?? "";
    filename = attr(value, "filename");
  }
  if (!name) throw new ApiError(400, "Bad Request: multipart part without a name");
  return { name, filename, contentType, data };
}

function attr(header: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}=(?:"([^"]*)"|([^;]*))`, "i").exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? "").trim();
}
