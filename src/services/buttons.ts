// Codecs of the buttons that services put on queued messages (tips, the weekly check-in and stress questions,
// check-in reminders, broadcasts' 👍, peer requests), so that the bot decodes exactly what the services built.
// The wire formats are the ones already in officers' chats, so buttons sent before an upgrade keep working.
import { z } from "zod";
import { callbackData, index, slug } from "../callback-codec.js";

/** Under a tip: 👍 helpful (h), 🔁 review (r), ❓ quiz (q), a quiz answer (a, with the option), ⏸ pause (p), resume (u). */
export const tipButton = callbackData("tip", {
  act: z.enum(["h", "r", "q", "a", "p", "u"]),
  id: slug().optional(),
  option: index(9).optional(),
});

/** 👍 Useful under a broadcast ("preview" under the trainer's own preview). */
export const usefulButton = callbackData("bcu", { id: z.string().regex(/^(preview|[0-9a-f-]{36})$/) });

/**
 * Check-in buttons. `run` is either a fixed action (the weekly question `wk`, the next of several reflections
 * `next`/`later`, the settings `settings`/`set`) or the first 8 hex digits of one check-in's id, whose own questions
 * carry `item`, `act` and `arg` (see conversations/flow.ts), so an old check-in's buttons never count.
 */
export const CHECKIN_ACTIONS = ["wk", "next", "later", "settings", "set"] as const;
export const checkinButton = callbackData("ci", {
  run: z.string().regex(/^(wk|next|later|settings|set|[0-9a-f]{8})$/),
  item: slug(16).optional(),
  act: slug(16).optional(),
  arg: slug(16).optional(),
});

/** Wellbeing: a stress answer (1–5), and the offer of a peer supporter (yes, no thanks). */
export const wellbeingButton = callbackData("wb", {
  act: z.enum(["sisq", "peer", "nothanks"]),
  score: z.coerce.number().int().min(1).max(5).optional(),
});

/** A peer request's buttons, sent to supporters: accept (a), decline (d), block (b), withdrawn by the officer (x). */
export const PEER_REQUEST_ACTIONS = ["a", "d", "b", "x"] as const;
export type PeerRequestAction = (typeof PEER_REQUEST_ACTIONS)[number];
export const peerRequestButton = callbackData("peerreq", { action: z.enum(PEER_REQUEST_ACTIONS), id: slug(36) });
