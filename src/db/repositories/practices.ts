// Practice notes and their moderation, as plain objects (reading, reactions and the digest: practice-reading.ts).
// Every state change is one guarded UPDATE (`WHERE state = …`), so two trainers pressing at once, or a job racing a
// trainer, can never both win. Times come from the caller's clock; `waiting_since` is cleared once a note stops
// waiting, and a note that ends unpublished keeps no text (data minimisation).
import type { NoteParts, NoteState } from "../../domain/practice-notes.js";
import { isNoteParts } from "../../domain/practice-notes.js";
import { type PracticeNote, type PracticeState, Prisma, type PrismaClient } from "../generated/client.ts";
import { createPracticeReading } from "./practice-reading.js";

export interface NoteRecord {
  id: string;
  author: string | null;
  topicId: string;
  parts: NoteParts;
  proposed: NoteParts | null;
  state: NoteState;
  waitingSince: Date | null;
  reportedSince: Date | null;
  publishedMonth: Date | null;
}

export interface QueueEntry {
  total: number;
  note: (NoteRecord & { reports: number }) | null;
}

/** Rows needing a trainer: new notes, and published or hidden notes a reader reported. */
const IN_QUEUE = {
  OR: [{ state: "pending" }, { reportedSince: { not: null }, state: { in: ["published", "hidden"] } }],
} satisfies Prisma.PracticeNoteWhereInput;
const NO_TEXT = { situation: null, action: "", outcome: null, proposed: Prisma.DbNull };

export function toNote(n: PracticeNote): NoteRecord {
  return {
    id: n.id,
    author: n.author,
    topicId: n.topicId,
    parts: { situation: n.situation, action: n.action, outcome: n.outcome },
    proposed: isNoteParts(n.proposed) ? n.proposed : null,
    state: n.state,
    waitingSince: n.waitingSince,
    reportedSince: n.reportedSince,
    publishedMonth: n.publishedMonth,
  };
}

export function createPracticeRepository(prisma: PrismaClient) {
  const move = async (
    id: string,
    from: PracticeState[],
    data: Prisma.PracticeNoteUpdateManyMutationInput,
    extra: Prisma.PracticeNoteWhereInput = {},
  ) => (await prisma.practiceNote.updateMany({ where: { id, state: { in: from }, ...extra }, data })).count === 1;

  return {
    ...createPracticeReading(prisma),

    async create(author: string, topicId: string, parts: NoteParts, now: Date): Promise<string> {
      const row = await prisma.practiceNote.create({
        data: { author, topicId, ...parts, waitingSince: now },
        select: { id: true },
      });
      return row.id;
    },

    async get(id: string): Promise<NoteRecord | null> {
      const n = await prisma.practiceNote.findUnique({ where: { id } });
      return n ? toNote(n) : null;
    },

    /** The `index`-th note of the moderation queue (oldest first) and the queue's size. */
    async queueAt(index: number): Promise<QueueEntry> {
      const total = await prisma.practiceNote.count({ where: IN_QUEUE });
      const [row] = await prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM practice_notes
        WHERE state = 'pending' OR (reported_since IS NOT NULL AND state IN ('published', 'hidden'))
        ORDER BY COALESCE(reported_since, waiting_since), id
        OFFSET ${index} LIMIT 1`;
      const n = row ? await prisma.practiceNote.findUnique({ where: { id: row.id } }) : null;
      if (!n) return { total, note: null };
      const reports = await prisma.practiceReaction.count({ where: { noteId: n.id, kind: "report" } });
      return { total, note: { ...toNote(n), reports } };
    },

    /** A trainer approved a new note: it waits for the next digest. */
    approve: (id: string, now: Date) => move(id, ["pending"], { state: "approved", waitingSince: now, flagged: false }),

    /** A trainer edited a new note: the author must agree before it can be published. */
    propose: (id: string, parts: NoteParts, now: Date) =>
      move(id, ["pending"], {
        state: "edited_pending_author",
        proposed: parts as unknown as Prisma.InputJsonValue,
        waitingSince: now,
      }),

    /** The author agreed to the trainer's version: it replaces theirs and waits for the digest. */
    async acceptEdit(id: string, author: string, now: Date): Promise<boolean> {
      const n = await prisma.practiceNote.findUnique({ where: { id } });
      if (!n || n.author !== author || n.state !== "edited_pending_author" || !isNoteParts(n.proposed)) return false;
      const p = n.proposed;
      return move(
        id,
        ["edited_pending_author"],
        {
          state: "approved",
          situation: p.situation,
          action: p.action,
          outcome: p.outcome,
          proposed: Prisma.DbNull,
          waitingSince: now,
          flagged: false,
        },
        { author },
      );
    },

    /** The author declined the edit and wants trainers to look at their own version again. */
    requeue: (id: string, author: string, now: Date) =>
      move(
        id,
        ["edited_pending_author"],
        { state: "pending", proposed: Prisma.DbNull, waitingSince: now, flagged: false },
        { author },
      ),

    /** The author declined the edit and withdrew the note: nothing of it is kept. */
    async withdraw(id: string, author: string): Promise<boolean> {
      const { count } = await prisma.practiceNote.deleteMany({
        where: { id, author, state: "edited_pending_author" },
      });
      return count === 1;
    },

    /** Not published (a new note), or taken down (a reported one): the text goes, the row stays for counts. */
    reject: (id: string, from: PracticeState[]) =>
      move(id, from, { state: "rejected", ...NO_TEXT, waitingSince: null, reportedSince: null }),

    /** A trainer looked at a reported note and kept it: published again, its reports cleared. */
    async restore(id: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.practiceNote.updateMany({
          where: { id, state: { in: ["published", "hidden"] }, reportedSince: { not: null } },
          data: { state: "published", reportedSince: null },
        });
        if (count === 1) await tx.practiceReaction.deleteMany({ where: { noteId: id, kind: "report" } });
        return count === 1;
      });
    },

    /** Notes that waited since `before` or longer for a trainer or for their author. */
    async dueToExpire(before: Date): Promise<{ id: string; author: string | null; topicId: string }[]> {
      return prisma.practiceNote.findMany({
        where: { state: { in: ["pending", "edited_pending_author"] }, waitingSince: { lte: before } },
        select: { id: true, author: true, topicId: true },
        orderBy: { waitingSince: "asc" },
      });
    },

    /** Expires one such note (it keeps no text); false when it moved on meanwhile. */
    async expire(id: string, before: Date, tx: Prisma.TransactionClient | PrismaClient = prisma): Promise<boolean> {
      const n = await tx.$executeRaw`
        UPDATE practice_notes
        SET state = 'expired', situation = NULL, action = '', outcome = NULL, proposed = NULL, waiting_since = NULL
        WHERE id = ${id} AND state IN ('pending', 'edited_pending_author') AND waiting_since <= ${before}`;
      return n === 1;
    },

    /** New notes waiting since `before` that trainers were not yet told about; marks them told, in `tx`. */
    async flagWaiting(tx: Prisma.TransactionClient, before: Date): Promise<number> {
      return tx.$executeRaw`
        UPDATE practice_notes SET flagged = true
        WHERE state = 'pending' AND NOT flagged AND waiting_since <= ${before}`;
    },

    countToFlag: (before: Date) =>
      prisma.practiceNote.count({ where: { state: "pending", flagged: false, waitingSince: { lte: before } } }),

    /** Enrolled trainers and admins, to tell about the queue. */
    async moderators(): Promise<{ pseudonym: string; locale: string }[]> {
      return prisma.member.findMany({
        where: { role: { in: ["trainer", "admin"] }, enrolledAt: { not: null }, unreachableAt: null },
        select: { pseudonym: true, locale: true },
      });
    },

    async topicNames(): Promise<Map<string, { km: string; en: string }>> {
      const rows = await prisma.tipTopic.findMany();
      return new Map(rows.map((t) => [t.id, { km: t.nameKm, en: t.nameEn }]));
    },
  };
}

export type PracticeRepository = ReturnType<typeof createPracticeRepository>;
