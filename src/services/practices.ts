// Practice sharing use cases (domain.md §e rule 5): submitting a note, moderating it (approve, edit with the
// author's agreement, reject with a reason), reacting to published notes. Scheduled work (digest, flags, expiry,
// "found useful" notices) is in practice-jobs.ts. Messages to other people go through the outbox in the
// recipient's language and never name the moderator. Decision events are keyed by the note's author, so the
// programme can count "officers with at least one approved note". No grammY here.
import type { Locale, MemberRepository } from "../db/repositories/members.js";
import type { OutboxRowInput } from "../db/repositories/outbox.js";
import type { NoteRecord, PracticeRepository } from "../db/repositories/practices.js";
import type { Delivery } from "../delivery/delivery.js";
import type { EventSink } from "../domain/events.js";
import {
  cleanParts,
  dayOf,
  HIDE_AT_REPORTS,
  MAX_PART_CHARS,
  MAX_REPORTS_PER_DAY,
  monthLabel,
  type NoteParts,
  PARTS,
  partCount,
  type Reaction,
  type RejectReason,
  renderNote,
} from "../domain/practice-notes.js";
import { outgoing } from "./peer-support.js";
import { scrub } from "./scrubber.js";

export type EditChoice = "agree" | "requeue" | "withdraw";
export type StartSource = "command" | "menu" | "checkin";
/** Events of a note whose author deleted their data are keyed by this, never by anyone else. */
export const UNLINKED = "unlinked";

/** Callback data for buttons in queued messages; built by the bot layer's typed codecs (src/bot/practice-buttons.ts). */
export interface PracticeButtons {
  authorAnswer(id: string, choice: EditChoice): string;
  react(id: string, kind: Reaction): string;
}

export interface PracticeServiceDeps {
  repo: PracticeRepository;
  members: Pick<MemberRepository, "find">;
  events: EventSink;
  delivery: Pick<Delivery, "queue">;
  t: (locale: Locale, key: string, vars?: Record<string, string | number>) => string;
  buttons: PracticeButtons;
  timeZone: string;
  now: () => Date;
}

export type ReactResult = "ok" | "already" | "own" | "gone" | "limit";

export function createPracticeService(d: PracticeServiceDeps) {
  const topicName = async (topicId: string, locale: Locale) => {
    const names = (await d.repo.topicNames()).get(topicId);
    return names ? names[locale] : topicId;
  };
  const authorOf = (n: { author: string | null }) => n.author ?? UNLINKED;

  /** The note as text in one language (month only once published). */
  async function render(note: { topicId: string; parts: NoteParts; publishedMonth?: Date | null }, locale: Locale) {
    const t = (k: string, v?: Record<string, string | number>) => d.t(locale, k, v);
    const month = note.publishedMonth ? monthLabel(note.publishedMonth, locale) : null;
    return renderNote(t, { topic: await topicName(note.topicId, locale), month, parts: note.parts });
  }

  /** Queues one message to a note's author, in their language; nothing when the author is gone. */
  async function tellAuthor(
    note: { author: string | null },
    key: string,
    build: (locale: Locale) => Promise<{ text: string; keyboard?: { text: string; callback_data: string }[][] }>,
  ): Promise<void> {
    const author = note.author ? await d.members.find(note.author) : null;
    if (!author) return;
    const m = await build(author.locale);
    const row: OutboxRowInput = outgoing(author.pseudonym, m.text, m.keyboard);
    await d.delivery.queue({ key, kind: "notification" }, [row]);
  }

  return {
    render,

    started: (pseudonym: string, source: StartSource) => d.events.record(pseudonym, "practice.started", { source }),

    /** Stores a new note for moderation. The parts are scrubbed again here: the service never trusts its caller. */
    async submit(author: string, topicId: string, raw: NoteParts): Promise<string | null> {
      if (!(await d.repo.topicNames()).has(topicId)) return null;
      const parts = cleanParts({
        situation: raw.situation && scrub(raw.situation).text,
        action: scrub(raw.action).text,
        outcome: raw.outcome && scrub(raw.outcome).text,
      });
      if (!parts.action || PARTS.some((k) => (parts[k]?.length ?? 0) > MAX_PART_CHARS)) return null;
      const id = await d.repo.create(author, topicId, parts, d.now());
      await d.events.record(author, "practice.submitted", { topic: topicId, parts: partCount(parts) });
      return id;
    },

    queueAt: (index: number) => d.repo.queueAt(index),
    get: (id: string) => d.repo.get(id),

    async approve(id: string): Promise<boolean> {
      const n = await d.repo.get(id);
      if (!n || !(await d.repo.approve(id, d.now()))) return false;
      await d.events.record(authorOf(n), "practice.approved", { topic: n.topicId, edited: false });
      return true;
    },

    /** A trainer's edited version goes to the author, who must agree before it can be published. */
    async proposeEdit(id: string, raw: NoteParts): Promise<boolean> {
      const n = await d.repo.get(id);
      const parts = cleanParts({
        situation: raw.situation && scrub(raw.situation).text,
        action: scrub(raw.action).text,
        outcome: raw.outcome && scrub(raw.outcome).text,
      });
      if (!n || !parts.action || !(await d.repo.propose(id, parts, d.now()))) return false;
      await d.events.record(authorOf(n), "practice.edited", { topic: n.topicId });
      await tellAuthor(n, `practice-edit:${id}:${d.now().getTime()}`, async (locale) => ({
        text: d.t(locale, "practices-edit-for-author", { note: await render({ topicId: n.topicId, parts }, locale) }),
        keyboard: [
          [{ text: d.t(locale, "practices-edit-agree"), callback_data: d.buttons.authorAnswer(id, "agree") }],
          [{ text: d.t(locale, "practices-edit-requeue"), callback_data: d.buttons.authorAnswer(id, "requeue") }],
          [{ text: d.t(locale, "practices-edit-withdraw"), callback_data: d.buttons.authorAnswer(id, "withdraw") }],
        ],
      }));
      return true;
    },

    /** The author's answer to an edit; only the note's own author, and only while the edit waits. */
    async answerEdit(id: string, author: string, choice: EditChoice): Promise<boolean> {
      const n = await d.repo.get(id);
      if (!n || n.author !== author || n.state !== "edited_pending_author") return false;
      const ok =
        choice === "agree"
          ? await d.repo.acceptEdit(id, author, d.now())
          : choice === "requeue"
            ? await d.repo.requeue(id, author, d.now())
            : await d.repo.withdraw(id, author);
      if (!ok) return false;
      await d.events.record(author, "practice.edit_answered", { choice });
      if (choice === "agree") await d.events.record(author, "practice.approved", { topic: n.topicId, edited: true });
      return true;
    },

    /** Not published (new note) or taken down (reported note); the author hears why, in their language. */
    async reject(id: string, reason: RejectReason, note: string | null): Promise<boolean> {
      const n = await d.repo.get(id);
      if (!n) return false;
      const stage = n.state === "pending" ? "pending" : "reported";
      const from = stage === "pending" ? (["pending"] as const) : (["published", "hidden"] as const);
      if (stage === "reported" && !n.reportedSince) return false;
      if (!(await d.repo.reject(id, [...from]))) return false;
      const kept = note ? scrub(note).text : null;
      await d.events.record(authorOf(n), "practice.rejected", { topic: n.topicId, reason, stage, note: !!kept });
      await tellAuthor(n, `practice-rejected:${id}`, async (locale) => {
        const vars = {
          note: await render(n, locale),
          reason: d.t(locale, `practices-reason-${reason}`),
          comment: kept ?? d.t(locale, "practices-rejected-no-comment"),
        };
        return { text: d.t(locale, `practices-rejected-for-author-${stage}`, vars) };
      });
      return true;
    },

    /** A trainer kept a reported note: it is shown again and its reports are cleared. */
    async restore(id: string): Promise<boolean> {
      const n = await d.repo.get(id);
      if (!n || !(await d.repo.restore(id))) return false;
      await d.events.record(authorOf(n), "practice.restored", { topic: n.topicId });
      return true;
    },

    topics: () => d.repo.publishedTopics(),
    publishedAt: (topicId: string | null, index: number) => d.repo.publishedAt(topicId, index),

    /** 👍, 🧪 or ⚠️ on a published note: once per officer; reports are rate-limited and can hide the note. */
    async react(pseudonym: string, id: string, kind: Reaction): Promise<ReactResult> {
      const n: NoteRecord | null = await d.repo.get(id);
      if (n?.state !== "published") return "gone";
      if (n.author === pseudonym) return "own";
      const day = dayOf(d.now(), d.timeZone);
      if (kind === "report" && (await d.repo.reportsBy(pseudonym, day)) >= MAX_REPORTS_PER_DAY) return "limit";
      if (!(await d.repo.react(id, pseudonym, kind, day))) return "already";
      if (kind === "report") {
        const hidden = (await d.repo.reportsOf(id)) >= HIDE_AT_REPORTS;
        await d.repo.markReported(id, d.now(), hidden);
        await d.events.record(pseudonym, "practice.reported", { topic: n.topicId, hidden });
      } else {
        await d.events.record(pseudonym, kind === "useful" ? "practice.useful" : "practice.try", { topic: n.topicId });
      }
      return "ok";
    },

    digestEnabled: (pseudonym: string) => d.repo.digestEnabled(pseudonym),
    async setDigest(pseudonym: string, on: boolean): Promise<void> {
      await d.repo.setDigest(pseudonym, on);
      await d.events.record(pseudonym, "practice.digest_setting", { on });
    },
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;
