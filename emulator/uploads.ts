// Telegram's rules for uploaded files (https://core.telegram.org/bots/api#sending-files): a photo must be an image
// of at most 10 MB whose width and height add up to at most 10000, with a ratio of at most 20; any other file
// at most 50 MB; an upload must not be empty. Also reads a PNG's or JPEG's size for the Message's PhotoSize.
import type { UploadedFile } from "./body.js";
import { ApiError, badRequest, type Params } from "./types.js";

const MB = 1024 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface ImageSize {
  width: number;
  height: number;
}

/** Width and height of a PNG or baseline/progressive JPEG; null for anything else. */
export function imageSize(data: Buffer): ImageSize | null {
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG)) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < data.length && data[pos] === 0xff) {
      const marker = data[pos + 1] as number;
      const length = data.readUInt16BE(pos + 2);
      if (marker >= 0xc0 && marker <= 0xc3)
        return { height: data.readUInt16BE(pos + 5), width: data.readUInt16BE(pos + 7) };
      pos += 2 + length;
    }
  }
  return null;
}

function uploaded(params: Params, files: Map<string, UploadedFile>, field: string): UploadedFile | undefined {
  const value = params[field];
  return typeof value === "string" && value.startsWith("attach://") ? files.get(value.slice(9)) : undefined;
}

/** Checks the files a send* call uploads; returns the photo's size for the Message. */
export function checkUploads(method: string, params: Params, files: Map<string, UploadedFile>): ImageSize | undefined {
  for (const file of files.values()) if (file.data.length === 0) throw badRequest("file must be non-empty");
  if (method === "sendPhoto") {
    const photo = uploaded(params, files, "photo");
    if (!photo) return undefined;
    if (photo.data.length > 10 * MB) throw new ApiError(400, "Bad Request: PHOTO_TOO_BIG");
    const size = imageSize(photo.data);
    if (!size) throw badRequest("IMAGE_PROCESS_FAILED");
    const { width, height } = size;
    if (width + height > 10_000 || Math.max(width, height) / Math.max(1, Math.min(width, height)) > 20) {
      throw badRequest("PHOTO_INVALID_DIMENSIONS");
    }
    return size;
  }
  for (const file of files.values()) {
    if (file.data.length > 50 * MB) throw new ApiError(413, "Request Entity Too Large");
  }
  return undefined;
}
