// Typed callback data of practice sharing and moderation (see callback-data.ts). Data names an action and a note,
// never an authority: moderation presses re-check the role, author presses check that the note is theirs.
import { z } from "zod";
import type { EditChoice, PracticeButtons } from "../services/practices.js";
import { callbackData, flag, index, slug } from "./callback-data.js";

const noteId = slug(36);
const run = slug(8);

/** 👍 / 🧪 / ⚠️ under a note (digest or /practices). */
export const reactButton = callbackData("prx", { kind: z.enum(["useful", "try", "report"]), id: noteId });
/** "Yes, report it" (or "No") after ⚠️. */
export const reportConfirm = callbackData("prrc", { yes: flag, id: noteId });
/** The author's answer to a trainer's edit. */
export const authorAnswer = callbackData("prau", { choice: z.enum(["agree", "requeue", "withdraw"]), id: noteId });
/** /practices: a topic's (or all) notes, one per page, most useful first. `topic` "all" means every topic. */
export const browseButton = callbackData("prb", { topic: slug(40), page: index(9999) });
/** /practices: back to the list of topics. */
export const topicsButton = callbackData("prt", {});
/** "Share a practice" (after a check-in, or from the main menu). */
export const shareButton = callbackData("prs", { from: z.enum(["checkin", "menu"]) });
/** The digest setting in /settings. */
export const digestButton = callbackData("prdg", { act: z.enum(["show", "on", "off"]) });
/** /moderate: show the i-th note of the queue, or decide on a note. */
export const moderationButton = callbackData("mod", {
  act: z.enum(["show", "ok", "edit", "rej", "keep", "drop"]),
  id: noteId,
  i: index(9999),
});
/** Buttons inside one run of the share or moderation conversation (`run` tells an old run's buttons apart). */
export const shareStep = callbackData("shr", { run, act: slug(12), arg: slug(40) });
export const moderationStep = callbackData("mods", { run, act: slug(12), arg: slug(40) });
/** The crisis path inside a practice note (conversations/support.ts through flow.ts). */
export const shareCrisisStep = callbackData("shc", {
  run,
  item: slug(16),
  act: slug(16).optional(),
  arg: slug(16).optional(),
});

/** What the service puts on queued messages (digest, edit proposals). */
export const practiceButtons: PracticeButtons = {
  authorAnswer: (id: string, choice: EditChoice) => authorAnswer.pack({ choice, id }),
  react: (id, kind) => reactButton.pack({ kind, id }),
};
