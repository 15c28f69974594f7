// The weekly digest: on Monday 08:00 (local) staff and admins who opted in get last week's summary as one photo,
// the activity chart of the last four weeks with the headline figures as its caption. Queued through the delivery
// engine (one job per week, idempotent by key); the photo is built when each row goes out, in the recipient's
// language, and only if they are still staff or admin and still opted in.

import type { DigestRecipients } from "../../db/repositories/digest-recipients.js";
import type { Locale, MemberRepository } from "../../db/repositories/members.js";
import type { ClaimedRow, OutboxPayload } from "../../db/repositories/outbox.js";
import type { Delivery } from "../../delivery/delivery.js";
import { upload } from "../../delivery/uploads.js";
import { mondayOf } from "./periods.js";
import type { LocaleTranslate, SummaryService } from "./summary-service.js";
import { digestCaption } from "./summary-text.js";

export const DIGEST_RENDERER = "summary-digest";
export const DIGEST_JOB = "summary-digest";
/** node-cron in the programme's time zone: Mondays at 08:00. */
export const DIGEST_CRON = "0 8 * * 1";

export interface DigestDeps {
  summaries: SummaryService;
  recipients: DigestRecipients;
  members: Pick<MemberRepository, "find">;
  delivery: Pick<Delivery, "queue">;
  t: LocaleTranslate;
  timeZone: string;
  now: () => Date;
}

export function createSummaryDigest(d: DigestDeps) {
  // One digest a week is built once per language, whoever it goes to.
  const built = new Map<string, Promise<OutboxPayload["params"]>>();

  async function build(week: string, locale: Locale): Promise<OutboxPayload["params"]> {
    const t = (key: string, vars?: Record<string, string | number>) => d.t(locale, key, vars);
    const [lastWeek, fourWeeks] = [
      await d.summaries.compute("week", "none", "full"),
      await d.summaries.compute("4w", "none", "full"),
    ];
    if (!lastWeek || !fourWeeks) throw new Error("no digest period");
    const groupName = (key: string) => t(`summary-group-${key}`);
    // Loaded by the first digest, not at start-up (Chart.js and Skia, about 25 MB).
    const { summaryCharts } = await import("../../charts/summary-charts.js");
    const chart = summaryCharts(fourWeeks, { locale, t, topicName: (k) => k, groupName }).find(
      (c) => c.id === "activity",
    );
    if (!chart) throw new Error("no activity chart");
    return {
      photo: upload(`mitt-week-${week}.png`, chart.png),
      caption: digestCaption(lastWeek, { locale, t, groupName }),
    };
  }

  return {
    /** Scheduler job: queues this week's digest once (the job key is the week). */
    async queue(at: Date): Promise<number> {
      const recipients = await d.recipients.list();
      if (!recipients.length) return 0;
      const week = mondayOf(at, d.timeZone);
      const rows = recipients.map((recipient) => ({
        recipient,
        payload: {
          method: "sendPhoto" as const,
          params: {},
          render: DIGEST_RENDERER,
          meta: { week, sentEvent: "summary.digest_sent" },
        },
      }));
      return (await d.delivery.queue({ key: `summary-digest:${week}`, kind: "notification" }, rows)).queued;
    },

    /** Renderer for the delivery worker: null (skipped) when the recipient may no longer have it. */
    async render(row: ClaimedRow): Promise<OutboxPayload | null> {
      const member = await d.members.find(row.recipient);
      if (!member?.enrolled || !["staff", "admin"].includes(member.role) || !member.summaryDigest) return null;
      const week = String(row.payload.meta?.week ?? mondayOf(d.now(), d.timeZone));
      const key = `${week}:${member.locale}`;
      for (const k of built.keys()) if (!k.startsWith(`${week}:`)) built.delete(k);
      let params = built.get(key);
      if (!params) {
        params = build(week, member.locale);
        built.set(key, params);
        params.catch(() => built.delete(key));
      }
      return { method: "sendPhoto", params: await params, meta: { ...row.payload.meta } };
    },
  };
}

export type SummaryDigest = ReturnType<typeof createSummaryDigest>;
