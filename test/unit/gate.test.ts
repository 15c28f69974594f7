import { describe, expect, it } from "vitest";
import type { ClaimedRow } from "../../src/db/repositories/outbox.js";
import { decide, type GateContext } from "../../src/delivery/gate.js";

const row = (over: Partial<ClaimedRow> = {}, to: Partial<ClaimedRow["to"]> = {}): ClaimedRow => ({
  id: 1n,
  jobId: "job",
  kind: "tip",
  urgent: false,
  recipient: "p",
  payload: { method: "sendMessage", params: { text: "hi" } },
  attempts: 1,
  ...over,
  to: { chatId: 42, unreachable: false, quiet: null, ...to },
});
// 10:00 in Phnom Penh.
const ctx = (over: Partial<GateContext> = {}): GateContext => ({
  now: new Date("2026-11-23T03:00:00Z"),
  timeZone: "Asia/Phnom_Penh",
  defaultQuiet: { start: "21:00", end: "07:00" },
  held: false,
  lastSentToChat: () => undefined,
  ...over,
});

describe("delivery gate", () => {
  it("When nothing stands in the way, then the row is sent to its chat", () => {
    expect(decide(row(), ctx())).toEqual({ action: "send", chatId: 42 });
  });

  it("When the recipient has no identity or blocked the bot, then the row is skipped with that reason", () => {
    expect(decide(row({}, { chatId: null }), ctx())).toEqual({ action: "skip", reason: "no_identity" });
    expect(decide(row({}, { unreachable: true }), ctx())).toEqual({ action: "skip", reason: "unreachable" });
  });

  it("When it is 22:00 for the recipient, then a tip waits until 07:00 and an urgent row goes now", () => {
    const late = ctx({ now: new Date("2026-11-23T15:00:00Z") });
    expect(decide(row(), late)).toEqual({ action: "release", until: new Date("2026-11-24T00:00:00Z") });
    expect(decide(row({ urgent: true }), late)).toEqual({ action: "send", chatId: 42 });
  });

  it("When the officer set their own quiet hours, then those apply instead of the default", () => {
    const own = row({}, { quiet: { start: "09:00", end: "11:00" } });
    expect(decide(own, ctx())).toEqual({ action: "release", until: new Date("2026-11-23T04:00:00Z") });
  });

  it("When the same chat got a bulk message half a second ago, then this one waits for the rest of the second", () => {
    const now = ctx().now.getTime();
    const d = decide(row(), ctx({ lastSentToChat: () => now - 500 }));
    expect(d).toEqual({ action: "release", until: new Date(now + 500) });
  });

  it("When the job is held (paused or being cancelled), then the row goes straight back", () => {
    expect(decide(row(), ctx({ held: true }))).toEqual({ action: "release", until: ctx().now });
  });
});
