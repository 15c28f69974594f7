import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/content/csv.js";
import { buildPayload, keepFormatting, versionFor } from "../../src/services/broadcast-message.js";
import { countsOf, reportCsv } from "../../src/services/broadcast-report.js";
import { nextLocalTime, parseLocalDateTime } from "../../src/services/broadcast-time.js";

const TZ = "Asia/Phnom_Penh"; // UTC+7, no daylight saving
const NOW = new Date("2026-11-23T03:00:00Z"); // 10:00 in Phnom Penh

describe("broadcast scheduling times", () => {
  it("When a date and time are typed in Phnom Penh time, then they become the right instant", () => {
    expect(parseLocalDateTime("25/11/2026 08:00", TZ, NOW)?.toISOString()).toBe("2026-11-25T01:00:00.000Z");
    expect(parseLocalDateTime("2026-11-25 08:30", TZ, NOW)?.toISOString()).toBe("2026-11-25T01:30:00.000Z");
    expect(parseLocalDateTime("២៥/១១/២០២៦ ០៨:០០", TZ, NOW)?.toISOString()).toBe("2026-11-25T01:00:00.000Z");
  });

  it("When only a time or a day and month is typed, then the next such moment is meant", () => {
    expect(parseLocalDateTime("14:00", TZ, NOW)?.toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(parseLocalDateTime("08:00", TZ, NOW)?.toISOString()).toBe("2026-11-24T01:00:00.000Z");
    expect(parseLocalDateTime("01/01 09:00", TZ, NOW)?.toISOString()).toBe("2027-01-01T02:00:00.000Z");
  });

  it("When the input is not a real date and time, then it is refused", () => {
    for (const bad of ["31/02/2027 09:00", "tomorrow", "25/11/2026 25:00", "25/13/2026 08:00", ""]) {
      expect(parseLocalDateTime(bad, TZ, NOW), bad).toBeNull();
    }
  });

  it("When tomorrow 08:00 is asked for, then it is 08:00 local on the next day", () => {
    expect(nextLocalTime(NOW, TZ, 8, 0).toISOString()).toBe("2026-11-24T01:00:00.000Z");
  });
});

describe("broadcast payloads and reports", () => {
  const button = { text: "👍 Useful", data: "bcu:x" };

  it("When a version has a photo, then the text becomes the caption and formatting is kept", () => {
    const p = buildPayload(
      { text: "Hi", entities: [{ type: "bold", offset: 0, length: 2 }] },
      { kind: "photo", fileId: "F" },
      button,
    );
    expect(p).toEqual({
      method: "sendPhoto",
      params: {
        photo: "F",
        caption: "Hi",
        caption_entities: [{ type: "bold", offset: 0, length: 2 }],
        reply_markup: { inline_keyboard: [[{ text: "👍 Useful", callback_data: "bcu:x" }]] },
      },
    });
  });

  it("When a trainer's text mentions a person, then that mention (which carries a Telegram user) is dropped", () => {
    const kept = keepFormatting([
      { type: "text_mention", offset: 0, length: 3, user: { id: 42, first_name: "Dara" } } as never,
      { type: "text_link", offset: 4, length: 2, url: "https://example.org" },
    ]);
    expect(kept).toEqual([{ type: "text_link", offset: 4, length: 2, url: "https://example.org" }]);
  });

  it("When there is one version for everyone, then every language gets it", () => {
    const one = { km: { text: "Same", entities: [] }, en: null };
    expect(versionFor(one, "en").text).toBe("Same");
    expect(versionFor(one, "km").text).toBe("Same");
  });

  it("When outcomes are counted, then blocked, cancelled and other failures are apart", () => {
    const c = countsOf({
      id: "j",
      kind: "broadcast",
      status: "done",
      total: 10,
      queued: 0,
      sending: 0,
      sent: 5,
      failed: { blocked: 2, "Bad Request: chat not found": 1 },
      skipped: { cancelled: 1, unreachable: 1 },
      remaining: 0,
    });
    expect(c).toMatchObject({ total: 10, sent: 5, blocked: 2, failed: 2, cancelled: 1, remaining: 0 });
  });

  it("When the CSV is built, then it has only handle, language, province, state and reason", () => {
    const csv = reportCsv([
      { handle: "K7QM-2F", locale: "km", province: "kampot", state: "failed", reason: "blocked" },
    ]);
    expect(parseCsv(csv)).toEqual([
      ["handle", "language", "province", "state", "reason"],
      ["K7QM-2F", "km", "kampot", "failed", "blocked"],
    ]);
  });

  it("When a failure reason from Telegram starts like a formula, then the report holds it as text", () => {
    const csv = reportCsv([{ handle: "K7QM-2F", locale: "en", province: null, state: "failed", reason: "=1+1" }]);
    expect(csv).toContain("K7QM-2F,en,,failed,'=1+1");
    expect(parseCsv(csv)[1]?.[4]).toBe("=1+1");
  });
});
