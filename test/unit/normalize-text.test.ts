import { describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS, normalizeText, remapEntities } from "../../src/bot/middlewares/normalize-text.js";

describe("incoming text normalisation", () => {
  it("When text holds NUL and other control characters, then they go and newlines and tabs stay", () => {
    expect(normalizeText("a\u0000b\u0007c\u001Bd\u007Fe\u0085f")).toBe("abcdef");
    expect(normalizeText("one\r\ntwo\rthree\n\tfour")).toBe("one\ntwo\nthree\n\tfour");
    expect(normalizeText("ខ្ញុំ\u0000បាន")).toBe("ខ្ញុំបាន");
  });

  it("When text holds a lone surrogate, then it becomes U+FFFD and whole emoji are untouched", () => {
    expect(normalizeText("a\uD83Db")).toBe("a\uFFFDb");
    expect(normalizeText("a\uDE00b")).toBe("a\uFFFDb");
    expect(normalizeText("😀\uD83D")).toBe("😀\uFFFD");
    const family = "👨‍👩‍👧‍👦 👍🏽 🇰🇭";
    expect(normalizeText(family)).toBe(family);
  });

  it("When text holds zero-width characters and direction marks, then spaces, joiners and marks stay and overrides go", () => {
    expect(normalizeText("ខ្ញុំ\u200Bបាន\u200Cធ្វើ\u200D")).toBe("ខ្ញុំ\u200Bបាន\u200Cធ្វើ\u200D");
    expect(normalizeText("a\u200Eb\u200Fc")).toBe("a\u200Eb\u200Fc");
    expect(normalizeText("note \u202Etxt.exe\u202C and \u2067isolate\u2069")).toBe("note txt.exe and isolate");
  });

  it("When the same letters come decomposed, then they are stored composed (NFC)", () => {
    expect(normalizeText("Cafe\u0301")).toBe("Café");
    expect(normalizeText("Cafe\u0301")).toBe("Caf\u00E9");
  });

  it("When a text is far longer than Telegram allows, then it is cut (at twice 4,096) without splitting an emoji", () => {
    expect(normalizeText("x".repeat(4096))).toHaveLength(4096);
    expect(normalizeText("x".repeat(20_000))).toHaveLength(MAX_TEXT_CHARS);
    const atEdge = `${"x".repeat(MAX_TEXT_CHARS - 1)}😀`;
    expect(normalizeText(atEdge)).toBe("x".repeat(MAX_TEXT_CHARS - 1));
    const exact = "ក".repeat(MAX_TEXT_CHARS);
    expect(normalizeText(exact)).toBe(exact);
  });

  it("When characters before formatting are removed, then the formatting still covers the same words", () => {
    const text = "a\u0000\u0000 bold";
    const [entity] = remapEntities(text, [{ type: "bold", offset: 4, length: 4 }]);
    expect(entity).toEqual({ type: "bold", offset: 2, length: 4 });
    expect(normalizeText(text).slice(entity?.offset, (entity?.offset ?? 0) + (entity?.length ?? 0))).toBe("bold");
    expect(remapEntities("\u0000", [{ type: "bold", offset: 0, length: 1 }])).toEqual([]);
  });
});
