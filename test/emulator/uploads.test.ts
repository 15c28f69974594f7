import { createCanvas } from "@napi-rs/canvas";
import { Api, GrammyError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { TOKEN } from "./helpers.js";

let emu: Emulator;
let api: Api;
beforeEach(async () => {
  emu = await startEmulator({ globalRatePerSec: Infinity, perChatPerSec: Infinity });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
});
afterEach(async () => {
  await emu.close();
});

const png = (width: number, height: number) => createCanvas(width, height).toBuffer("image/png");

async function refusal(call: Promise<unknown>): Promise<string> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GrammyError);
  return (err as GrammyError).description;
}

describe("emulator: uploaded files (multipart, as grammY sends them)", () => {
  it("When the bot uploads a PNG with sendPhoto, then the message has the image's size and the bytes are kept", async () => {
    const bytes = png(1000, 560);
    const message = await api.sendPhoto(7, new InputFile(bytes, "chart.png"), { caption: "ក្រាហ្វិក" });
    expect(message.photo?.at(-1)).toMatchObject({ width: 1000, height: 560 });
    expect(message.caption).toBe("ក្រាហ្វិក");
    const fileId = message.photo?.at(-1)?.file_id ?? "";
    expect(emu.fileData(fileId)?.equals(bytes)).toBe(true);
  });

  it("When the bot uploads something that is not an image as a photo, then it gets 400 IMAGE_PROCESS_FAILED", async () => {
    const text = new InputFile(Buffer.from("a,b\n1,2\n"), "data.png");
    expect(await refusal(api.sendPhoto(7, text))).toBe("Bad Request: IMAGE_PROCESS_FAILED");
  });

  it("When a photo is far too long for its width, then it gets 400 PHOTO_INVALID_DIMENSIONS", async () => {
    expect(await refusal(api.sendPhoto(7, new InputFile(png(2000, 50), "strip.png")))).toBe(
      "Bad Request: PHOTO_INVALID_DIMENSIONS",
    );
  });

  it("When the bot uploads a CSV with sendDocument, then the document keeps its name, type and bytes", async () => {
    const csv = Buffer.from("\uFEFFmetric,value\nofficers,23\n");
    const message = await api.sendDocument(7, new InputFile(csv, "summary.csv"), { caption: "CSV" });
    expect(message.document).toMatchObject({ file_name: "summary.csv" });
    expect(emu.fileData(message.document?.file_id ?? "")?.toString()).toContain("officers,23");
  });

  it("When an uploaded file is empty, then it gets 400", async () => {
    expect(await refusal(api.sendDocument(7, new InputFile(Buffer.alloc(0), "empty.csv")))).toBe(
      "Bad Request: file must be non-empty",
    );
  });
});
