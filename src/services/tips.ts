// Refresher tips: building the tip message in the officer's language, queuing scheduled slots through the
// delivery engine, and recording what happened (views, feedback, quizzes). No grammY here: messages are
// plain text plus button rows that the bot or the delivery worker turn into Telegram calls.
import { setImmediate } from "node:timers/promises";
import type { Locale, MemberRepository } from "../db/repositories/members.js";
import type { ClaimedRow, OutboxPayload } from "../db/repositories/outbox.js";
import type { TipRecord, TipRepository } from "../db/repositories/tips.js";
import type { Delivery } from "../delivery/delivery.js";
import type { SendOutcome } from "../delivery/telegram-sender.js";
import { type EventAttrs, type EventSink, occurredAtFor, validateEvent } from "../domain/events.js";
import type { Logger } from "../logger.js";
import { tipButton } from "./buttons.js";
import { frequenciesOn, recentSlots } from "./tip-schedule.js";

export type Translate = (locale: Locale, key: string, vars?: Record<string, string | number>) => string;
export interface TipButton {
  text: string;
  data: string;
}
export interface TipMessage {
  text: string;
  buttons: TipButton[][];
}
export const TIP_RENDERER = "tip";
export const TIPS_JOB = "tip-slots";

export interface TipServiceDeps {
  repo: TipRepository;
  members: MemberRepository;
  events: EventSink;
  delivery: Delivery;
  t: Translate;
  timeZone: string;
  logger: Logger;
  now: () => Date;
}

export function createTipService(deps: TipServiceDeps) {
  const { repo, t } = deps;
  // Slots of the catch-up window whose job is complete: the scheduler's later ticks in that window (every minute
  // for 3 hours) then ask the database nothing.
  const queuedSlots = new Set<string>();
  const local = (tip: TipRecord, locale: Locale) => ({
    topic: locale === "en" ? tip.topicEn : tip.topicKm,
    text: locale === "en" ? tip.textEn : tip.textKm,
  });

  function message(tip: TipRecord, locale: Locale): TipMessage {
    const { topic, text } = local(tip, locale);
    // A content tip's `source` names the document(s) only, in English; the topic is added here in the officer's
    // language, and the Khmer line says that the reference is in English (khmer-review.md, fix 10).
    const source =
      tip.origin === "trainer"
        ? t(locale, "tip-source-trainer")
        : t(locale, "tip-source-content", { topic, reference: tip.source });
    const row: TipButton[] = [
      { text: t(locale, "tip-btn-helpful"), data: tipButton.pack({ act: "h", id: tip.id }) },
      { text: t(locale, "tip-btn-review"), data: tipButton.pack({ act: "r", id: tip.id }) },
    ];
    const second: TipButton[] = [];
    if (tip.quiz) second.push({ text: t(locale, "tip-btn-quiz"), data: tipButton.pack({ act: "q", id: tip.id }) });
    second.push({ text: t(locale, "tip-btn-pause"), data: tipButton.pack({ act: "p" }) });
    return { text: t(locale, "tip-message", { topic, text, source }), buttons: [row, second] };
  }

  // The view and its usage event go in one statement (validated here, as the event repository would).
  const viewEvent = <T extends "tip.sent" | "tip.feedback">(type: T, attrs: EventAttrs<T>, at: Date) => ({
    type,
    attrs: validateEvent(type, attrs),
    occurredAt: occurredAtFor(type, at, deps.timeZone),
  });

  async function recordSent(pseudonym: string, tip: TipRecord, via: "schedule" | "on_demand" | "browse") {
    const at = deps.now();
    await repo.recordSent(pseudonym, tip.id, at, viewEvent("tip.sent", { topic: tip.topicId, via }, at));
  }

  return {
    message,
    recordSent,
    get: (id: string) => repo.get(id),
    topics: () => repo.topics(),
    inTopic: (topicId: string) => repo.inTopic(topicId),
    /** The content version an update's sender query saw (the library in memory is dropped when it changed). */
    observeContentVersion: (version: string | null) => repo.observeContentVersion(version),

    /** A trainer's own tip (database only); returns its id. */
    async add(input: { topicId: string; textKm: string; textEn: string; createdBy: string }): Promise<string> {
      // The tip and its event are written together (one transaction in the repository).
      return repo.addTrainerTip(input, {
        type: "tip.added",
        attrs: validateEvent("tip.added", { topic: input.topicId }),
      });
    },

    /** Archives an active tip (officers no longer receive it); false when it is unknown or already archived. */
    async archive(id: string, by: string): Promise<boolean> {
      const tip = await repo.get(id);
      if (!tip || tip.archived || !(await repo.archive(id, by))) return false;
      await deps.events.record(by, "tip.archived", { topic: tip.topicId });
      return true;
    },

    /** The next tip for this member and its message, or null when no tip is active. */
    async next(pseudonym: string, locale: Locale): Promise<{ tip: TipRecord; message: TipMessage } | null> {
      const id = await repo.nextFor(pseudonym);
      const tip = id ? await repo.get(id) : null;
      return tip ? { tip, message: message(tip, locale) } : null;
    },

    /** Renderer for the delivery worker: the tip is chosen when the row goes out. */
    async render(row: ClaimedRow): Promise<OutboxPayload | null> {
      const member = await deps.members.find(row.recipient);
      if (!member?.enrolled || member.tipFrequency === "paused") return null;
      const id = await repo.nextFor(row.recipient);
      const tip = id ? await repo.get(id) : null;
      if (!tip) return null;
      const m = message(tip, member.locale);
      return {
        method: "sendMessage",
        params: {
          text: m.text,
          reply_markup: {
            inline_keyboard: m.buttons.map((r) => r.map((b) => ({ text: b.text, callback_data: b.data }))),
          },
        },
        meta: { tipId: tip.id, topic: tip.topicId },
      };
    },

    /** Delivery hook: a scheduled tip that reached the officer counts as seen. */
    async onSettled(row: ClaimedRow, outcome: SendOutcome): Promise<void> {
      const tipId = row.payload.meta?.tipId;
      if (row.kind !== "tip" || outcome.kind !== "sent" || typeof tipId !== "string") return;
      const at = deps.now();
      const topic = String(row.payload.meta?.topic);
      await repo.recordSent(row.recipient, tipId, at, viewEvent("tip.sent", { topic, via: "schedule" }, at));
    },

    /**
     * Scheduler job: queues every slot of the last few hours that has no job yet, so a slot is queued once
     * across restarts and instances (the job key is unique), and a slot missed while down is sent late, once.
     */
    async queueDueSlots(at: Date): Promise<number> {
      let queued = 0;
      const slots = recentSlots(at, deps.timeZone);
      const inWindow = new Set(slots.map((s) => s.key));
      for (const key of queuedSlots) if (!inWindow.has(key)) queuedSlots.delete(key);
      for (const slot of slots) {
        if (queuedSlots.has(slot.key)) continue;
        // One slot at a time, each filled a chunk of officers per statement with the event loop given back in
        // between (updates never wait for the whole job; see src/db/repositories/outbox-chunks.ts).
        await setImmediate();
        const frequencies = frequenciesOn(slot.weekday).filter((f) => f !== "paused");
        const job = await deps.delivery.queueInChunks({ key: slot.key, kind: "tip" }, (jobId, after, limit) =>
          repo.queueSlotChunk(jobId, slot, frequencies, after, limit),
        );
        if (job.complete) queuedSlots.add(slot.key);
        if (job.created && job.queued)
          deps.logger.info({ msg: "tip slot queued", slot: slot.key, officers: job.queued });
        queued += job.queued;
      }
      return queued;
    },

    async feedback(pseudonym: string, tip: TipRecord, kind: "helpful" | "review") {
      await repo.setFeedback(
        pseudonym,
        tip.id,
        kind === "helpful" ? { helpful: true } : { reviewAgain: true },
        viewEvent("tip.feedback", { topic: tip.topicId, kind }, deps.now()),
      );
    },

    /** Records a quiz answer; returns whether it was right and the explanation to show. */
    async answerQuiz(pseudonym: string, tip: TipRecord, option: number, locale: Locale) {
      if (!tip.quiz || option < 0 || option >= tip.quiz.options.length) return null;
      const correct = option === tip.quiz.correct;
      await repo.recordQuiz(pseudonym, tip.id, correct);
      await deps.events.record(pseudonym, "tip.quiz_answered", { topic: tip.topicId, correct });
      const right = tip.quiz.options[tip.quiz.correct];
      return {
        correct,
        text: t(locale, correct ? "tip-quiz-right" : "tip-quiz-wrong", {
          answer: right ? right[locale] : "",
          explanation: tip.quiz.explanation[locale],
        }),
      };
    },
  };
}

export type TipService = ReturnType<typeof createTipService>;
