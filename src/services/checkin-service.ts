// Check-in and wellbeing use cases: start, finish, cancel, skip; the weekly messages, idle reminders and
// retention (run by src/jobs/checkin-jobs.ts); the stress answer and its escalation. (Asking for a peer is
// peer-connect.ts.)
// Messages to other people go through the delivery engine, built in the recipient's language. No grammY here.
import { setImmediate } from "node:timers/promises";
import type { CheckinRepository, LastAction } from "../db/repositories/checkins.js";
import { CHUNK_ROWS, eachChunk } from "../db/repositories/chunked.js";
import type { MemberRepository } from "../db/repositories/members.js";
import type { WellbeingRepository } from "../db/repositories/wellbeing.js";
import type { Delivery } from "../delivery/delivery.js";
import type { EventSink } from "../domain/events.js";
import { checkinButton, wellbeingButton } from "./buttons.js";
import {
  ABANDON_AFTER_MS,
  type CheckInAnswers,
  type Escalation,
  escalationFor,
  FREE_TEXT_KINDS,
  feelingLevel,
  focusTopics,
  freeTextExpiry,
  type Item,
  isoDay,
  type Level,
  REMIND_AFTER_MS,
  type StartSource,
  stressLevel,
  weekStart,
} from "./checkins.js";
import { asLocale, outgoing } from "./peer-support.js";

export const CHECKIN_CONVERSATION = "checkin";
type Vars = Record<string, string | number>;

export interface CheckinServiceDeps {
  checkins: CheckinRepository;
  wellbeing: WellbeingRepository;
  members: Pick<MemberRepository, "find" | "update">;
  events: EventSink;
  delivery: Pick<Delivery, "queue" | "cancel">;
  /** Translates in a given language (the recipient's, for messages sent outside an update). */
  t: (locale: "km" | "en", key: string, vars?: Vars) => string;
  timeZone: string;
  retentionDays: number;
  now: () => Date;
}

export interface Followup {
  level: Level;
  escalation: Escalation;
}

const DAY_MS = 24 * 60 * 60_000;
/** The run of one check-in's buttons (the first 8 hex digits of its id), so an old check-in's buttons never count. */
export const checkinRun = (id: string) => id.replace(/-/g, "").slice(0, 8);

/** Builds one row per person in slices, giving the event loop back in between (thousands of opted-in officers). */
async function mapInChunks<T, R>(items: readonly T[], build: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  await eachChunk(items, CHUNK_ROWS, (chunk) => {
    for (const item of chunk) out.push(build(item));
  });
  return out;
}

export function createCheckinService(d: CheckinServiceDeps) {
  const message = outgoing;

  async function cancelReminder(checkInId: string): Promise<void> {
    const jobId = await d.checkins.reminderJobId(checkInId);
    if (jobId) await d.delivery.cancel(jobId);
  }

  async function followupFor(pseudonym: string, source: "sisq" | "checkin", level: Level): Promise<Followup> {
    await d.events.record(pseudonym, "wellbeing.level", { level, source });
    const lastWeek = new Date(weekStart(d.now(), d.timeZone).getTime() - 7 * DAY_MS);
    const previousWeekHigh = level === "high" && (await d.wellbeing.wasHighWeek(pseudonym, lastWeek));
    const escalation = escalationFor({ source, level, previousWeekHigh });
    if (escalation.selfCare) await d.events.record(pseudonym, "escalation.offered", { step: "self_care" });
    if (escalation.strong) await d.events.record(pseudonym, "escalation.offered", { step: "strong" });
    if (escalation.offerPeer) await d.events.record(pseudonym, "escalation.offered", { step: "peer" });
    return { level, escalation };
  }

  return {
    async start(pseudonym: string, source: StartSource): Promise<{ id: string; last: LastAction | null }> {
      const now = d.now();
      const last = await d.checkins.lastAction(pseudonym);
      const { id } = await d.checkins.create(pseudonym, weekStart(now, d.timeZone), now);
      await d.events.record(pseudonym, "checkin.started", { source });
      return { id, last };
    },

    /** Marks activity on an open check-in; false once it is closed (then the conversation ends). */
    touch: (id: string) => d.checkins.touch(id, d.now()),

    skipped: (pseudonym: string, item: Item) => d.events.record(pseudonym, "checkin.item_skipped", { item }),

    /**
     * Stores a finished check-in (answers, free text, focus topics: one transaction); false if it was closed
     * meanwhile. What follows a save is `afterFinish`, apart, so that a failure there is never reported to the
     * officer as a failed save.
     */
    async finish(id: string, pseudonym: string, a: CheckInAnswers): Promise<boolean> {
      const now = d.now();
      const freeTexts = [
        ...(a.reflection ? [{ kind: FREE_TEXT_KINDS.reflection, text: a.reflection }] : []),
        ...(a.actionText ? [{ kind: FREE_TEXT_KINDS.action, text: a.actionText }] : []),
      ];
      return d.checkins.complete(id, pseudonym, {
        answers: a,
        week: weekStart(now, d.timeZone),
        freeTexts,
        expiresAt: freeTextExpiry(now, d.timeZone, d.retentionDays),
        focus: focusTopics(a),
      });
    },

    /** After a saved check-in: the reminder is withdrawn, events; returns the wellbeing follow-up for Q4 (or null). */
    async afterFinish(id: string, pseudonym: string, a: CheckInAnswers): Promise<Followup | null> {
      await cancelReminder(id);
      const optional = a.setting !== null || a.shareWanted !== null;
      await d.events.record(pseudonym, "checkin.completed", { skipped: a.skipped.length, optional });
      return a.feeling === null ? null : followupFor(pseudonym, "checkin", feelingLevel(a.feeling));
    },

    async cancel(id: string, pseudonym: string): Promise<void> {
      await d.checkins.cancel(id);
      await cancelReminder(id);
      await d.events.record(pseudonym, "checkin.cancelled", {});
    },

    async recordStress(pseudonym: string, score: number): Promise<Followup> {
      await d.wellbeing.saveStress(pseudonym, weekStart(d.now(), d.timeZone), score);
      return followupFor(pseudonym, "sisq", stressLevel(score));
    },

    async setPreferences(pseudonym: string, prefs: { weeklyPrompt?: boolean; stressCheck?: boolean }) {
      const m = await d.members.update(pseudonym, prefs);
      await d.events.record(pseudonym, "checkin.settings_changed", {
        weeklyPrompt: m.weeklyPrompt,
        stressCheck: m.stressCheck,
      });
      return m;
    },

    progress: (pseudonym: string) => d.checkins.progress(pseudonym),

    // -------------------------------------------------------------------------------------------------------
    // Scheduled work (src/jobs/checkin-jobs.ts)

    /** One reminder after ~2 hours idle; after 24 hours the check-in closes as abandoned, without a message. */
    async handleIdle(now: Date): Promise<{ reminded: number; abandoned: number }> {
      const abandoned = await d.checkins.abandonIdle(new Date(now.getTime() - ABANDON_AFTER_MS));
      for (const [i, c] of abandoned.entries()) {
        if (i > 0 && i % CHUNK_ROWS === 0) await setImmediate();
        await cancelReminder(c.id);
        await d.checkins.dropConversation(c.pseudonym, CHECKIN_CONVERSATION);
        await d.events.record(c.pseudonym, "checkin.abandoned", { reminded: c.reminded });
      }
      let reminded = 0;
      for (const [i, c] of (await d.checkins.dueForReminder(new Date(now.getTime() - REMIND_AFTER_MS))).entries()) {
        if (i > 0 && i % CHUNK_ROWS === 0) await setImmediate(); // updates never wait for the whole job
        if (!(await d.checkins.markReminded(c.id, now))) continue;
        const locale = asLocale(c.locale);
        const keyboard = [
          [
            {
              text: d.t(locale, "checkin-continue"),
              callback_data: checkinButton.pack({ run: checkinRun(c.id), item: "resume" }),
            },
          ],
        ];
        await d.delivery.queue({ key: `checkin-reminder:${c.id}`, kind: "reminder" }, [
          message(c.pseudonym, d.t(locale, "checkin-reminder"), keyboard),
        ]);
        reminded++;
      }
      return { reminded, abandoned: abandoned.length };
    },

    /** Friday afternoon: "Did you interview any children this week?" to those who opted in (once a week). */
    async sendWeeklyPrompt(now: Date): Promise<number> {
      const people = await d.wellbeing.optedIn("weeklyPrompt");
      if (!people.length) return 0;
      const rows = await mapInChunks(people, (p) => {
        const locale = asLocale(p.locale);
        const buttons = [0, 1, 2, 3].map((n) => ({
          text: d.t(locale, `checkin-weekly-${n}`),
          callback_data: checkinButton.pack({ run: "wk", item: n }),
        }));
        return message(p.pseudonym, d.t(locale, "checkin-weekly"), [buttons]);
      });
      const week = isoDay(weekStart(now, d.timeZone));
      return (await d.delivery.queue({ key: `checkin-weekly:${week}`, kind: "reminder" }, rows)).queued;
    },

    /** The weekly single-item stress question (SISQ), to those who opted in. */
    async sendStressCheck(now: Date): Promise<number> {
      const people = await d.wellbeing.optedIn("stressCheck");
      if (!people.length) return 0;
      const rows = await mapInChunks(people, (p) => {
        const locale = asLocale(p.locale);
        const buttons = [1, 2, 3, 4, 5].map((n) => ({
          text: d.t(locale, `wellbeing-sisq-${n}`),
          callback_data: wellbeingButton.pack({ act: "sisq", score: n }),
        }));
        const row = message(p.pseudonym, d.t(locale, "wellbeing-sisq"), [buttons]);
        // Counted when delivered (the response rate's denominator): see src/services/metrics/sent-events.ts.
        return { ...row, payload: { ...row.payload, meta: { sentEvent: "wellbeing.prompted" } } };
      });
      const week = isoDay(weekStart(now, d.timeZone));
      return (await d.delivery.queue({ key: `wellbeing-sisq:${week}`, kind: "reminder" }, rows)).queued;
    },

    /** Daily: deletes expired free text. */
    async applyRetention(now: Date): Promise<{ freeTexts: number }> {
      return { freeTexts: await d.checkins.deleteExpiredFreeText(now) };
    },
  };
}

export type CheckinService = ReturnType<typeof createCheckinService>;
