// Texts and keyboards of broadcasts that more than one place shows: the live progress message, the final
// report (progress loop and /broadcasts), the audience summary, and dates in Phnom Penh time.
import { InlineKeyboard } from "grammy";
import type { BroadcastRecord, BroadcastStatus } from "../db/repositories/broadcasts.js";
import { isQuiet, type QuietHours } from "../delivery/quiet-hours.js";
import type { ProgressCounts } from "../services/broadcast-report.js";
import type { Audience, Locale } from "../services/broadcasts.js";
import { broadcastControlButton } from "./buttons.js";
import type { Translate } from "./i18n.js";

export function formatWhen(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "km" ? "km-KH" : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(at);
}

/** The first words of a broadcast, on one line, so the trainer recognises it. */
export function snippet(b: Pick<BroadcastRecord, "km" | "en">, max = 40): string {
  const text = (b.km?.text ?? b.en?.text ?? "").replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function audienceSummary(tr: Translate, a: Audience): string {
  return tr("broadcast-audience-summary", {
    provinces: a.provinces.length ? a.provinces.map((p) => tr(`province-${p}`)).join(", ") : tr("broadcast-all"),
    units: a.unitTypes.length ? a.unitTypes.map((u) => tr(`unit-${u}`)).join(", ") : tr("broadcast-all"),
    language: a.locale ? tr(`language-name-${a.locale}`) : tr("broadcast-all"),
    inactive: a.inactiveDays ? tr("broadcast-inactive-days", { days: a.inactiveDays }) : tr("broadcast-inactive-any"),
    trainers: tr(a.includeTrainers ? "broadcast-yes" : "broadcast-no"),
  });
}

export function progressText(tr: Translate, b: Pick<BroadcastRecord, "km" | "en">, c: ProgressCounts, status: string) {
  return tr("broadcast-progress", {
    snippet: snippet(b),
    status: tr(`broadcast-status-${status}`),
    sent: c.sent,
    failed: c.failed,
    blocked: c.blocked,
    remaining: c.remaining,
  });
}

/** Pause or Resume, and Cancel; each press is re-checked on the server (features/broadcasts.ts). */
export function progressKeyboard(tr: Translate, id: string, status: BroadcastStatus): InlineKeyboard | undefined {
  if (status !== "sending" && status !== "paused") return undefined;
  const kb = new InlineKeyboard();
  if (status === "sending") kb.text(tr("broadcast-pause"), broadcastControlButton.pack({ act: "p", id }));
  else kb.text(tr("broadcast-resume"), broadcastControlButton.pack({ act: "r", id }));
  return kb.text(tr("broadcast-cancel"), broadcastControlButton.pack({ act: "c", id }));
}

const KNOWN_REASONS = new Set(["blocked", "cancelled", "unreachable", "no_identity", "deleted"]);

/** Counts and failure reasons; used for the final report and in /broadcasts. */
export function reportText(tr: Translate, b: Pick<BroadcastRecord, "km" | "en">, c: ProgressCounts, useful: number) {
  const reasons = Object.entries(c.reasons)
    .sort((x, y) => y[1] - x[1])
    .map(([reason, count]) =>
      tr("broadcast-reason-line", {
        reason: KNOWN_REASONS.has(reason) ? tr(`broadcast-reason-${reason}`) : reason,
        count,
      }),
    );
  const head = tr("broadcast-report", {
    snippet: snippet(b),
    total: c.total,
    sent: c.sent,
    blocked: c.blocked,
    failed: c.failed,
    cancelled: c.cancelled,
    remaining: c.remaining,
    useful,
  });
  return reasons.length ? `${head}\n${tr("broadcast-reasons")}\n${reasons.join("\n")}` : head;
}

/**
 * What a broadcast is doing now, as the trainer should read it: a non-urgent one that is `sending` during quiet
 * hours is held ("quiet"), not sending. The same rule as the progress message (the default quiet hours).
 */
export function shownStatus(
  b: Pick<BroadcastRecord, "status" | "urgent">,
  quiet: { now: Date; timeZone: string; hours: QuietHours },
): BroadcastStatus | "quiet" {
  return b.status === "sending" && !b.urgent && isQuiet(quiet.now, quiet.timeZone, quiet.hours) ? "quiet" : b.status;
}
