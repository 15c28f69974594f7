// What a broadcast's progress message and final report say: delivery outcomes counted by kind, and the
// per-recipient CSV a trainer can download.
import { writeCsv } from "../content/csv.js";
import type { JobProgress } from "../db/repositories/outbox.js";

export interface CsvRow {
  handle: string | null;
  locale: string | null;
  province: string | null;
  state: string;
  reason: string | null;
}

/** Per-recipient report: pseudonymous handles only, never a Telegram id or name. */
export function reportCsv(rows: readonly CsvRow[]): string {
  return writeCsv([
    ["handle", "language", "province", "state", "reason"],
    ...rows.map((r) => [r.handle ?? "deleted", r.locale ?? "", r.province ?? "", r.state, r.reason ?? ""]),
  ]);
}

export interface ProgressCounts {
  total: number;
  sent: number;
  blocked: number;
  /** Failed for another reason, or skipped because the person cannot be reached. */
  failed: number;
  cancelled: number;
  remaining: number;
  /** Reason → count, over failed and skipped rows. */
  reasons: Record<string, number>;
}

export function countsOf(p: JobProgress | null): ProgressCounts {
  const c: ProgressCounts = { total: 0, sent: 0, blocked: 0, failed: 0, cancelled: 0, remaining: 0, reasons: {} };
  if (!p) return c;
  c.total = p.total;
  c.sent = p.sent;
  c.remaining = p.remaining;
  for (const [reason, n] of [...Object.entries(p.failed), ...Object.entries(p.skipped)]) {
    c.reasons[reason] = (c.reasons[reason] ?? 0) + n;
    if (reason === "blocked") c.blocked += n;
    else if (reason === "cancelled") c.cancelled += n;
    else c.failed += n;
  }
  return c;
}
