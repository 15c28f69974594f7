// What each officer has seen of the tips (tip_views), and the choice of their next tip from it: part of the tip
// repository (tips.ts), kept apart from the library itself. Each method reads or writes the officer's rows in one
// statement (nextFor also asks the library, from memory).
import type { Now } from "../../clock.js";
import { pickNextTip, type SeenTip } from "../../domain/next-tip.js";
import type { PrismaClient } from "../generated/client.ts";
import type { Library } from "./tip-library.js";

/** A usage event written together with a tip view (already validated against the catalogue). */
export interface ViewEvent {
  type: string;
  attrs: Record<string, unknown>;
  occurredAt: Date;
}

export function tipViewQueries(prisma: PrismaClient, now: Now, current: () => Promise<Library>) {
  return {
    /**
     * The next tip for an officer: the first unseen tip in curriculum order, preferring topics they marked
     * "to improve"; once all are seen, tips marked "review again" or quizzed wrong, then the longest unseen.
     */
    async nextFor(pseudonym: string): Promise<string | null> {
      // The officer's own rows in one light statement (two index lookups); the order is worked out over the
      // library already in memory. The same order as one SQL join and sort over every tip, which cost about
      // 2.6 ms of PGlite time per /tip (planned afresh each time) against about 1.4 ms for this.
      const [lib, rows] = await Promise.all([
        current(),
        prisma.$queryRaw<{ views: SeenTip[]; focus: string[] }[]>`
          SELECT
            (SELECT coalesce(json_agg(json_build_array(tip_id, review_again OR quiz_correct IS FALSE,
                                                       (extract(epoch FROM last_sent_at) * 1000)::bigint)), '[]')
             FROM tip_views WHERE pseudonym = ${pseudonym}) AS views,
            (SELECT coalesce(array_agg(topic_id), '{}') FROM focus_topics WHERE pseudonym = ${pseudonym}) AS focus`,
      ]);
      const { views = [], focus = [] } = rows[0] ?? {};
      return pickNextTip(lib, views, new Set(focus));
    },

    /**
     * A tip went out: count it (a "review again" request is now satisfied) and write its usage event, in one
     * statement (atomic, one round trip). `event` is validated by the caller (services/events.ts).
     */
    async recordSent(pseudonym: string, tipId: string, at: Date, event?: ViewEvent): Promise<void> {
      if (!event) {
        await prisma.tipView.upsert({
          where: { pseudonym_tipId: { pseudonym, tipId } },
          create: { pseudonym, tipId, lastSentAt: at },
          update: { timesSent: { increment: 1 }, lastSentAt: at, reviewAgain: false },
        });
        return;
      }
      await prisma.$executeRaw`
        WITH v AS (
          INSERT INTO tip_views (pseudonym, tip_id, times_sent, last_sent_at)
          VALUES (${pseudonym}, ${tipId}, 1, ${at})
          ON CONFLICT (pseudonym, tip_id) DO UPDATE
            SET times_sent = tip_views.times_sent + 1, last_sent_at = EXCLUDED.last_sent_at, review_again = false
          RETURNING 1
        )
        INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
        SELECT ${pseudonym}, ${event.type}, ${JSON.stringify(event.attrs)}::jsonb, ${event.occurredAt} FROM v`;
    },

    /** "Helpful" or "review again" on a tip, with its usage event, in one statement (see recordSent). */
    async setFeedback(
      pseudonym: string,
      tipId: string,
      feedback: { helpful?: boolean; reviewAgain?: boolean },
      event?: ViewEvent,
    ) {
      if (!event) {
        await prisma.tipView.upsert({
          where: { pseudonym_tipId: { pseudonym, tipId } },
          create: { pseudonym, tipId, lastSentAt: now(), ...feedback },
          update: feedback,
        });
        return;
      }
      const helpful = feedback.helpful ?? false;
      const review = feedback.reviewAgain ?? false;
      await prisma.$executeRaw`
        WITH v AS (
          INSERT INTO tip_views (pseudonym, tip_id, times_sent, last_sent_at, helpful, review_again)
          VALUES (${pseudonym}, ${tipId}, 1, ${now()}, ${helpful}, ${review})
          ON CONFLICT (pseudonym, tip_id) DO UPDATE
            SET helpful = tip_views.helpful OR ${helpful}, review_again = tip_views.review_again OR ${review}
          RETURNING 1
        )
        INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
        SELECT ${pseudonym}, ${event.type}, ${JSON.stringify(event.attrs)}::jsonb, ${event.occurredAt} FROM v`;
    },

    async recordQuiz(pseudonym: string, tipId: string, correct: boolean): Promise<void> {
      await prisma.tipView.upsert({
        where: { pseudonym_tipId: { pseudonym, tipId } },
        create: { pseudonym, tipId, lastSentAt: now(), quizCorrect: correct },
        update: { quizCorrect: correct },
      });
    },
  };
}
