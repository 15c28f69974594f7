// What each officer has seen of the tips (tip_views), and the choice of their next tip from it: part of the tip
// repository (tips.ts), kept apart from the library itself. Each method reads or writes the officer's rows in one
// statement, shared with the officers doing the same at the same time (tip-view-batches.ts); nextFor also asks the
// library, from memory.
import type { Now } from "../../clock.js";
import { pickNextTip } from "../../domain/next-tip.js";
import type { PrismaClient } from "../generated/client.ts";
import type { Library } from "./tip-library.js";
import { tipViewBatches, type ViewEvent } from "./tip-view-batches.js";

export type { ViewEvent };

export function tipViewQueries(prisma: PrismaClient, now: Now, current: () => Promise<Library>) {
  const batches = tipViewBatches(prisma);
  return {
    /**
     * The next tip for an officer: the first unseen tip in curriculum order, preferring topics they marked
     * "to improve"; once all are seen, tips marked "review again" or quizzed wrong, then the longest unseen.
     */
    async nextFor(pseudonym: string): Promise<string | null> {
      // The officer's own rows (two index lookups, shared with the officers asking at the same time); the order
      // is worked out over the library already in memory. The same order as one SQL join and sort over every tip,
      // which cost about 2.6 ms of PGlite time per /tip (planned afresh each time).
      const [lib, { views, focus }] = await Promise.all([current(), batches.views(pseudonym)]);
      return pickNextTip(lib, views, new Set(focus));
    },

    /**
     * A tip went out: count it (a "review again" request is now satisfied) and write its usage event, in one
     * statement (atomic). `event` is validated by the caller (services/events.ts).
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
      await batches.recordSent({ pseudonym, tipId, at, event });
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
      const reviewAgain = feedback.reviewAgain ?? false;
      await batches.setFeedback({ pseudonym, tipId, at: now(), helpful, reviewAgain, event });
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
