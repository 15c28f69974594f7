// Check-ins, their scrubbed free text and the "to improve" topics, as plain objects. Interview-linked rows keep
// the week only, never the day (domain.md §e): `week`, `free_texts.created_at` and `focus_topics.marked_on` are
// Mondays. last_activity_at and reminded_at are operational and cleared when a check-in closes.

import type { Now } from "../../clock.js";
import { type Action, type CheckInAnswers, type OpenShare, settingList } from "../../domain/checkin-answers.js";
import type { PrismaClient } from "../generated/client.ts";
import { createKvStorage } from "../kv-storage.js";

export interface CompleteInput {
  answers: CheckInAnswers;
  week: Date;
  freeTexts: { kind: string; text: string }[];
  expiresAt: Date;
  focus: { mark: string[]; clear: string[] };
}

export interface LastAction {
  checkInId: string;
  action: Action;
  /** The officer's own words (scrubbed), while still kept. */
  text: string | null;
}

export interface ProgressRow {
  week: string;
  openShare: OpenShare | null;
  action: Action | null;
  actionText: string | null;
  /** Whether the officer said, in the next check-in, that they tried it (null: not asked yet, or skipped). */
  tried: boolean | null;
}

export function createCheckinRepository(prisma: PrismaClient, now: Now) {
  const conversations = createKvStorage<{ version: unknown; state: Record<string, unknown> }>(prisma, "conv:", now);
  const sessions = createKvStorage<Record<string, unknown>>(prisma, "session:", now);
  const closed = { lastActivityAt: null, remindedAt: null };

  return {
    async create(pseudonym: string, week: Date, now: Date): Promise<{ id: string }> {
      const last = await prisma.checkIn.aggregate({ where: { pseudonym }, _max: { ordinal: true } });
      const ordinal = (last._max.ordinal ?? 0) + 1;
      return prisma.checkIn.create({ data: { pseudonym, week, ordinal, lastActivityAt: now }, select: { id: true } });
    },

    /** Marks activity; false when the check-in is no longer open (abandoned by the idle job, or gone). */
    async touch(id: string, now: Date): Promise<boolean> {
      const { count } = await prisma.checkIn.updateMany({
        where: { id, status: "open" },
        data: { lastActivityAt: now },
      });
      return count > 0;
    },

    /** Stores the answers, the free text and the focus topics in one transaction; false if no longer open. */
    async complete(id: string, pseudonym: string, input: CompleteInput): Promise<boolean> {
      const a = input.answers;
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.checkIn.updateMany({
          where: { id, status: "open" },
          data: {
            ...closed,
            status: "completed",
            elements: a.elements ?? [],
            openShare: a.openShare,
            setting: settingList(a.setting),
            settingAnswered: a.setting !== null,
            feeling: a.feeling,
            action: a.action,
            triedLastAction: a.triedLastAction,
            shareWanted: a.shareWanted,
            skipped: a.skipped,
          },
        });
        if (count === 0) return false;
        if (input.freeTexts.length) {
          await tx.freeText.createMany({
            data: input.freeTexts.map((t) => ({
              pseudonym,
              kind: t.kind,
              checkInId: id,
              text: t.text,
              createdAt: input.week,
              expiresAt: input.expiresAt,
            })),
          });
        }
        for (const topicId of input.focus.mark) {
          await tx.focusTopic.upsert({
            where: { pseudonym_topicId: { pseudonym, topicId } },
            create: { pseudonym, topicId, markedOn: input.week },
            update: { markedOn: input.week },
          });
        }
        if (input.focus.clear.length) {
          await tx.focusTopic.deleteMany({ where: { pseudonym, topicId: { in: input.focus.clear } } });
        }
        return true;
      });
    },

    /** Cancelled by the officer: nothing of it is kept but the status. */
    async cancel(id: string): Promise<{ reminded: boolean }> {
      const row = await prisma.checkIn.findUnique({ where: { id }, select: { remindedAt: true } });
      await prisma.checkIn.updateMany({ where: { id, status: "open" }, data: { ...closed, status: "cancelled" } });
      return { reminded: !!row?.remindedAt };
    },

    /** The "one thing" of the officer's latest completed check-in, to ask whether they tried it. */
    async lastAction(pseudonym: string): Promise<LastAction | null> {
      const row = await prisma.checkIn.findFirst({
        where: { pseudonym, status: "completed" },
        orderBy: [{ week: "desc" }, { ordinal: "desc" }],
        select: { id: true, action: true },
      });
      if (!row?.action) return null;
      const own = await prisma.freeText.findFirst({
        where: { checkInId: row.id, kind: "checkin-action" },
        select: { text: true },
      });
      return { checkInId: row.id, action: row.action as Action, text: own?.text ?? null };
    },

    async progress(pseudonym: string, limit = 8): Promise<{ completed: number; rows: ProgressRow[]; focus: string[] }> {
      const [completed, recent, focus] = await Promise.all([
        prisma.checkIn.count({ where: { pseudonym, status: "completed" } }),
        prisma.checkIn.findMany({
          where: { pseudonym, status: "completed" },
          orderBy: [{ week: "desc" }, { ordinal: "desc" }],
          take: limit + 1,
          select: { id: true, week: true, openShare: true, action: true, triedLastAction: true },
        }),
        prisma.focusTopic.findMany({ where: { pseudonym }, orderBy: { topicId: "asc" }, select: { topicId: true } }),
      ]);
      const texts = await prisma.freeText.findMany({
        where: { checkInId: { in: recent.map((r) => r.id) }, kind: "checkin-action" },
        select: { checkInId: true, text: true },
      });
      // Newest first: whether row i's action was tried is answered by the check-in after it (row i - 1).
      const rows = recent.slice(0, limit).map((r, i) => ({
        week: r.week.toISOString().slice(0, 10),
        openShare: (r.openShare as OpenShare | null) ?? null,
        action: (r.action as Action | null) ?? null,
        actionText: texts.find((t) => t.checkInId === r.id)?.text ?? null,
        tried: i > 0 ? (recent[i - 1]?.triedLastAction ?? null) : null,
      }));
      return { completed, rows, focus: focus.map((f) => f.topicId) };
    },

    /** Open check-ins idle since before `before` that have had no reminder yet. */
    async dueForReminder(before: Date): Promise<{ id: string; pseudonym: string; locale: string }[]> {
      const rows = await prisma.checkIn.findMany({
        where: { status: "open", remindedAt: null, lastActivityAt: { lt: before } },
        select: { id: true, pseudonym: true },
        take: 500,
      });
      // The usual case every 10 minutes: nothing due, and no second query.
      if (!rows.length) return [];
      const members = await prisma.member.findMany({
        where: { pseudonym: { in: rows.map((r) => r.pseudonym) } },
        select: { pseudonym: true, locale: true },
      });
      return rows.map((r) => ({ ...r, locale: members.find((m) => m.pseudonym === r.pseudonym)?.locale ?? "km" }));
    },

    async markReminded(id: string, now: Date): Promise<boolean> {
      const { count } = await prisma.checkIn.updateMany({
        where: { id, status: "open", remindedAt: null },
        data: { remindedAt: now },
      });
      return count > 0;
    },

    /** Closes open check-ins idle since before `before`; returns those it closed. */
    async abandonIdle(before: Date): Promise<{ id: string; pseudonym: string; reminded: boolean }[]> {
      const rows = await prisma.checkIn.findMany({
        where: { status: "open", lastActivityAt: { lt: before } },
        select: { id: true, pseudonym: true, remindedAt: true },
        take: 500,
      });
      const done: { id: string; pseudonym: string; reminded: boolean }[] = [];
      for (const r of rows) {
        const { count } = await prisma.checkIn.updateMany({
          where: { id: r.id, status: "open" },
          data: { ...closed, status: "abandoned" },
        });
        if (count) done.push({ id: r.id, pseudonym: r.pseudonym, reminded: r.remindedAt !== null });
      }
      return done;
    },

    /**
     * Drops one conversation from a person's stored conversation state (the plugin keeps all of a chat's
     * conversations under one key, as { version, state: { <conversation id>: [...] } }), so an abandoned
     * check-in does not keep its replay log, or catch the person's next message.
     */
    async dropConversation(pseudonym: string, conversationId: string): Promise<void> {
      const stored = await conversations.read(pseudonym);
      if (!stored?.state || !(conversationId in stored.state)) return;
      delete stored.state[conversationId];
      if (Object.keys(stored.state).length === 0) await conversations.delete(pseudonym);
      else await conversations.write(pseudonym, stored);
      // The check-in had switched the text guard on (src/bot/middlewares/text-guard.ts): switch it off.
      const session = await sessions.read(pseudonym);
      if (session && "textGuard" in session) {
        delete session.textGuard;
        await sessions.write(pseudonym, session);
      }
    },

    /** The delivery job of a check-in's idle reminder, if one was queued (to cancel it when the check-in closes). */
    async reminderJobId(checkInId: string): Promise<string | null> {
      const job = await prisma.deliveryJob.findUnique({
        where: { key: `checkin-reminder:${checkInId}` },
        select: { id: true },
      });
      return job?.id ?? null;
    },

    /** The daily retention job: deletes scrubbed free text past its expiry. */
    async deleteExpiredFreeText(now: Date): Promise<number> {
      const { count } = await prisma.freeText.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}

export type CheckinRepository = ReturnType<typeof createCheckinRepository>;
