// What to do with one claimed row right now, before it may use a sending slot. Pure, so the rules read (and
// test) in one place: a held job's rows go back; a recipient without identity or reachable chat is skipped;
// a non-urgent row waits out quiet hours; and one chat gets at most one bulk message a second.
import type { ClaimedRow } from "../db/repositories/outbox.js";
import { nextAllowedAt, type QuietHours } from "./quiet-hours.js";

export const PER_CHAT_GAP_MS = 1000;

export type GateDecision =
  | { action: "send"; chatId: number }
  | { action: "skip"; reason: "no_identity" | "unreachable" }
  | { action: "release"; until: Date };

export interface GateContext {
  now: Date;
  timeZone: string;
  defaultQuiet: QuietHours;
  held: boolean;
  /** When this worker last sent a bulk message to the row's chat (epoch ms), if ever. */
  lastSentToChat: (chatId: number) => number | undefined;
}

export function decide(row: ClaimedRow, c: GateContext): GateDecision {
  const { chatId, unreachable, quiet } = row.to;
  if (c.held) return { action: "release", until: c.now };
  if (chatId === null) return { action: "skip", reason: "no_identity" };
  if (unreachable) return { action: "skip", reason: "unreachable" };
  if (!row.urgent) {
    const resume = nextAllowedAt(c.now, c.timeZone, quiet ?? c.defaultQuiet);
    if (resume > c.now) return { action: "release", until: resume };
  }
  const last = c.lastSentToChat(chatId) ?? Number.NEGATIVE_INFINITY;
  if (c.now.getTime() - last < PER_CHAT_GAP_MS) return { action: "release", until: new Date(last + PER_CHAT_GAP_MS) };
  return { action: "send", chatId };
}
