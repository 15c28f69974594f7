// A file to upload with a bulk message (a chart built by a renderer at send time). Renderers put one in a
// payload's params; the Telegram sender turns it into a multipart upload. Never stored: a payload that carries
// an upload exists only between the renderer and the send.
export interface Upload {
  kind: "upload";
  filename: string;
  data: Uint8Array;
}

export function upload(filename: string, data: Uint8Array): Upload {
  return { kind: "upload", filename, data };
}

export function isUpload(value: unknown): value is Upload {
  const v = value as Partial<Upload> | null;
  return !!v && typeof v === "object" && v.kind === "upload" && v.data instanceof Uint8Array;
}
