// Scheduled practice-sharing work (run by src/jobs/practice-jobs.ts), each idempotent and timed by the `now` it is
// given: the weekly digest (only with ≥ 3 approved notes, so its timing points to no author), the once-only flag to
// trainers after 7 days, expiry after 14 days, and the daily "colleagues found it useful" count for authors.
// Each job changes the notes inside the transaction that creates its delivery job, so a crash cannot publish a
// note without sending it, or flag a note without telling anyone.
import type { Locale } from "../db/repositories/members.js";
import type { OutboxPayload, OutboxRowInput } from "../db/repositories/outbox.js";
import { localParts } from "../domain/local-time.js";
import {
  DAY_MS,
  DIGEST_MAX_CHARS,
  DIGEST_MAX_NOTES,
  DIGEST_MIN_NOTES,
  dayOf,
  EXPIRE_AFTER_DAYS,
  FLAG_AFTER_DAYS,
  monthLabel,
  monthOf,
  type NoteParts,
} from "../domain/practice-notes.js";
import { asLocale, outgoing } from "./peer-support.js";
import { type PracticeService, type PracticeServiceDeps, UNLINKED } from "./practices.js";

type Note = { id: string; author: string | null; topicId: string; parts: NoteParts };
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function createPracticeSchedule(d: PracticeServiceDeps, service: Pick<PracticeService, "render">) {
  const tr = (locale: Locale) => (k: string, v?: Record<string, string | number>) => d.t(locale, k, v);

  async function digestPayload(notes: Note[], month: Date, locale: Locale): Promise<OutboxPayload> {
    const t = tr(locale);
    const items = [];
    for (const [i, n] of notes.entries()) {
      items.push(
        t("practices-digest-item", { n: i + 1, note: await service.render({ ...n, publishedMonth: month }, locale) }),
      );
    }
    const text = [t("practices-digest-title", { count: notes.length }), ...items, t("practices-digest-footer")].join(
      "\n\n",
    );
    const inline_keyboard = notes.map((n, i) => [
      { text: t("practices-digest-btn-useful", { n: i + 1 }), callback_data: d.buttons.react(n.id, "useful") },
      { text: t("practices-digest-btn-try", { n: i + 1 }), callback_data: d.buttons.react(n.id, "try") },
      { text: t("practices-digest-btn-report", { n: i + 1 }), callback_data: d.buttons.react(n.id, "report") },
    ]);
    return { method: "sendMessage", params: { text, reply_markup: { inline_keyboard } } };
  }

  return {
    /** Publishes the oldest approved notes (3 to 5, as many as fit one message) to every reader who did not opt out. */
    async publishDigest(now: Date): Promise<{ published: number; recipients: number }> {
      const waiting = await d.repo.approved(DIGEST_MAX_NOTES);
      if (waiting.length < DIGEST_MIN_NOTES) return { published: 0, recipients: 0 };
      const month = monthOf(now, d.timeZone);
      let notes = waiting;
      let payloads = { km: await digestPayload(notes, month, "km"), en: await digestPayload(notes, month, "en") };
      const tooLong = () =>
        Math.max(...[payloads.km, payloads.en].map((p) => String(p.params.text).length)) > DIGEST_MAX_CHARS;
      while (tooLong() && notes.length > DIGEST_MIN_NOTES) {
        notes = notes.slice(0, -1);
        payloads = { km: await digestPayload(notes, month, "km"), en: await digestPayload(notes, month, "en") };
      }
      const ids = notes.map((n) => n.id);
      // One digest per scheduled run: the key is the run's local minute, the same on every instance.
      const p = localParts(now, d.timeZone);
      const minute = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
      const job = await d.delivery.queue(
        { key: `practice-digest:${p.date}T${minute}`, kind: "notification" },
        (tx, jobId) => d.repo.publishDigest(tx, jobId, { ids, month, at: now, payloads }),
      );
      if (!job.created) return { published: 0, recipients: 0 };
      for (const n of notes) await d.events.record(n.author ?? UNLINKED, "practice.published", { topic: n.topicId });
      return { published: notes.length, recipients: job.queued };
    },

    /** Tells every trainer, once per note, that new notes have waited more than 7 days. */
    async flagWaiting(now: Date): Promise<number> {
      const before = new Date(now.getTime() - FLAG_AFTER_DAYS * DAY_MS);
      const count = await d.repo.countToFlag(before);
      if (!count) return 0;
      const rows = (await d.repo.moderators()).map((m) =>
        outgoing(m.pseudonym, d.t(asLocale(m.locale), "practices-stale-for-trainers", { count })),
      );
      await d.delivery.queue(
        { key: `practice-stale:${now.toISOString()}`, kind: "notification" },
        async (tx, jobId) => {
          await d.repo.flagWaiting(tx, before);
          return d.repo.insertRows(tx, jobId, rows);
        },
      );
      return count;
    },

    /** Notes left 14 days without a decision (by a trainer, or by the author on an edit) expire; the author is told. */
    async expireWaiting(now: Date): Promise<number> {
      const before = new Date(now.getTime() - EXPIRE_AFTER_DAYS * DAY_MS);
      let expired = 0;
      for (const n of await d.repo.dueToExpire(before)) {
        const author = n.author ? await d.members.find(n.author) : null;
        let done = false;
        if (author) {
          const topic = (await d.repo.topicNames()).get(n.topicId)?.[author.locale] ?? n.topicId;
          const row = outgoing(author.pseudonym, d.t(author.locale, "practices-expired-for-author", { topic }));
          // The note expires in the transaction that queues the author's message: both happen, or neither.
          await d.delivery.queue({ key: `practice-expired:${n.id}`, kind: "notification" }, async (tx, jobId) => {
            done = await d.repo.expire(n.id, before, tx);
            return done ? d.repo.insertRows(tx, jobId, [row]) : 0;
          });
        } else done = await d.repo.expire(n.id, before);
        if (!done) continue;
        expired++;
        await d.events.record(n.author ?? UNLINKED, "practice.expired", { topic: n.topicId });
      }
      return expired;
    },

    /** Once a day: each author hears how many colleagues found their notes useful so far (a count, never who). */
    async tellUseful(now: Date): Promise<number> {
      const news = await d.repo.usefulNews();
      if (!news.length) return 0;
      const names = await d.repo.topicNames();
      const byAuthor = new Map<string, typeof news>();
      for (const n of news) byAuthor.set(n.author, [...(byAuthor.get(n.author) ?? []), n]);
      const rows: OutboxRowInput[] = [...byAuthor].map(([author, notes]) => {
        const locale = asLocale(notes[0]?.locale);
        const lines = notes.map((n) =>
          d.t(locale, "practices-useful-line", {
            topic: names.get(n.topicId)?.[locale] ?? n.topicId,
            month: monthLabel(n.publishedMonth, locale),
            count: n.useful,
          }),
        );
        return outgoing(author, d.t(locale, "practices-useful-for-author", { lines: lines.join("\n") }));
      });
      const job = await d.delivery.queue(
        { key: `practice-useful:${isoDay(dayOf(now, d.timeZone))}`, kind: "notification" },
        async (tx, jobId) => {
          await d.repo.markUsefulTold(tx, news);
          return d.repo.insertRows(tx, jobId, rows);
        },
      );
      return job.created ? rows.length : 0;
    },
  };
}

export type PracticeSchedule = ReturnType<typeof createPracticeSchedule>;
