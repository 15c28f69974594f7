import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { createErrorSerializer } from "../../src/logger.js";

const serialize = createErrorSerializer((s) => s.replaceAll("SECRET", "[redacted]"));

describe("the log's error serializer", () => {
  it("When a class was renamed by the bundler but sets its own name, then the log names it by that name", () => {
    // What esbuild makes of grammY's class when two modules of the bundle declare one of that name.
    const GrammyError4 = class extends Error {
      constructor() {
        super("Call to 'sendMessage' failed!");
        this.name = "GrammyError";
      }
    };
    expect(serialize(new GrammyError4())).toMatchObject({ type: "GrammyError" });
  });

  it("When an error class sets no name of its own, then its constructor's name is used", () => {
    class DraftGone extends Error {}
    expect(serialize(new DraftGone("gone"))).toMatchObject({ type: "DraftGone", message: "gone" });
    expect(serialize(new Error("plain"))).toMatchObject({ type: "Error" });
  });

  it("When a Telegram error is logged, then its kind, code and description are kept and secrets blanked", () => {
    const err = new GrammyError(
      "Call failed SECRET",
      { ok: false, error_code: 400, description: "Bad Request" },
      "sendMessage",
      {},
    );
    expect(serialize(err)).toMatchObject({
      type: "GrammyError",
      message: "Call failed [redacted] (400: Bad Request)",
      error_code: 400,
      description: "Bad Request",
      method: "sendMessage",
    });
  });
});
