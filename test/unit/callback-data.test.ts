import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callbackData, flag, index, slug } from "../../src/bot/callback-data.js";

const tipQuiz = callbackData("tipa", { id: slug(), option: index(9) });
const toggle = callbackData("tog", { on: flag, kind: z.enum(["weekly", "stress"]) });

describe("callback data codec", () => {
  it("When values are packed and unpacked, then the same typed values come back", () => {
    const data = tipQuiz.pack({ id: "open-prompts-3", option: 2 });
    expect(data).toBe("tipa:open-prompts-3:2");
    expect(tipQuiz.unpack(data)).toEqual({ id: "open-prompts-3", option: 2 });
    expect(toggle.unpack(toggle.pack({ on: true, kind: "stress" }))).toEqual({ on: true, kind: "stress" });
  });

  it("When data is forged or stale, then unpack refuses it instead of guessing", () => {
    expect(tipQuiz.unpack("tipa:../../x:2")).toBeNull();
    expect(tipQuiz.unpack("tipa:x:99")).toBeNull();
    expect(tipQuiz.unpack("tipa:x")).toBeNull();
    expect(tipQuiz.unpack("tipa:x:1:extra")).toBeNull();
    expect(tipQuiz.unpack("tip:x:1")).toBeNull();
    expect(toggle.unpack("tog:2:weekly")).toBeNull();
    expect(tipQuiz.unpack(undefined)).toBeNull();
  });

  it("When the filter is used, then it matches its own namespace only", () => {
    expect(tipQuiz.filter.test("tipa:x:1")).toBe(true);
    expect(tipQuiz.filter.test("tipa:anything")).toBe(true);
    expect(tipQuiz.filter.test("tipab:x:1")).toBe(false);
  });

  it("When packed data would break Telegram's 64-byte limit or contain the separator, then pack throws", () => {
    const long = callbackData("long", { text: z.string() });
    expect(() => long.pack({ text: "x".repeat(64) })).toThrow(/64 bytes/);
    expect(() => long.pack({ text: "a:b" })).toThrow(/contains/);
  });

  it("When trailing fields are optional, then one namespace carries actions with fewer values, and a gap is refused", () => {
    const admin = callbackData("tadmx", {
      act: z.enum(["list", "t"]),
      id: slug().optional(),
      page: index(9).optional(),
    });
    expect(admin.pack({ act: "list" })).toBe("tadmx:list");
    expect(admin.pack({ act: "t", id: "planning" })).toBe("tadmx:t:planning");
    expect(admin.unpack("tadmx:list")).toEqual({ act: "list" });
    expect(admin.unpack("tadmx:t:planning:3")).toEqual({ act: "t", id: "planning", page: 3 });
    expect(admin.unpack("tadmx")).toBeNull();
    expect(admin.unpack("tadmx:t:planning:3:x")).toBeNull();
    expect(() => admin.pack({ act: "t", page: 3 })).toThrow(/missing/);
  });

  it("When two codecs claim one namespace, then the second is refused at start-up", () => {
    callbackData("onlyonce", {});
    expect(() => callbackData("onlyonce", {})).toThrow(/used twice/);
  });
});
