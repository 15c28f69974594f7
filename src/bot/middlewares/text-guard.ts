// While a check-in, support, practice-sharing or moderation conversation is open, what the person types is scrubbed
// BEFORE the conversation sees it, files are reduced to their kind and forwarded messages lose their words and origin.
// The conversations plugin stores every update it receives in its replay log (kv_state), so checking the
// text inside the conversation would already be too late: the original would sit in the database until the
// conversation ends. Here the update itself is rewritten, so the original is never stored or logged anywhere;
// crisis words are looked for in the original first. The same boundary replaces an invite code typed during
// onboarding by its keyed hash. Runs after session and before conversations().
import type { NextFunction } from "grammy";
import { screenFreeText } from "../../services/checkins.js";
import { MAX_INVITE_INPUT } from "../../services/enrolment.js";
import { type ScrubKind, scrub } from "../../services/scrubber.js";
import type { Context } from "../context.js";

export interface TextGuardState {
  on: boolean;
  /** Epoch ms after which the guard switches itself off, should a conversation end without saying so. */
  until?: number;
  /** What the guard found in the latest text (read once by the conversation). */
  last?: { crisis: boolean; removed: ScrubKind[] };
}

declare module "../context.js" {
  interface SessionData {
    /** Set by the check-in and support conversations while they run; see text-guard.ts. */
    textGuard?: TextGuardState;
  }
}

/** A check-in closes after 24 hours idle; the guard outlives that by an hour at most. */
const GUARD_MAX_MS = 25 * 60 * 60_000;

/** Parts of a message that can carry someone else's words or identity, and that no conversation step needs. */
const DROPPED = ["entities", "caption_entities", "reply_to_message", "external_reply", "quote"];
const DROPPED_CONTENT = ["contact", "location", "venue"];
/** Files: the conversation only needs to know what kind was sent (to refuse it), never the file itself. */
const MEDIA = ["photo", "document", "video", "voice", "audio", "video_note", "animation", "sticker"];
/** What a forwarded message becomes: marked as forwarded (to refuse it), with no origin and no words of it. */
const FORWARDED = { type: "hidden_user", sender_user_name: "", date: 0 };

export async function textGuard(ctx: Context, next: NextFunction): Promise<void> {
  const msg = ctx.update.message;
  // Someone not enrolled yet types only one thing: an invite code (every other onboarding step is a button).
  // It is replaced by its keyed hash (`inv:<hash>`, or `inv:too-long`) before anything sees it, so neither the
  // onboarding conversation nor its stored replay ever holds a code.
  if (msg?.text !== undefined && !ctx.member?.enrolled && !msg.text.startsWith("/")) {
    msg.text = inviteToken(ctx, msg.text);
    const raw = msg as unknown as Record<string, unknown>;
    for (const key of DROPPED) delete raw[key];
    return next();
  }
  const guard = ctx.pseudonym ? ctx.session?.textGuard : undefined;
  if (msg && guard?.on && (guard.until ?? Number.POSITIVE_INFINITY) > ctx.deps.now().getTime()) {
    const raw = msg as unknown as Record<string, unknown>;
    for (const key of DROPPED) delete raw[key];
    for (const key of DROPPED_CONTENT) if (key in raw) raw[key] = {};
    for (const key of MEDIA) if (key in raw) raw[key] = key === "photo" ? [] : {};
    if (raw.forward_origin) {
      raw.forward_origin = FORWARDED;
      delete raw.text;
      delete raw.caption;
    }
    if (msg.caption !== undefined) msg.caption = scrub(msg.caption).text;
    if (msg.text !== undefined) {
      const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(msg.text)?.[0];
      const body = command ? msg.text.slice(command.length) : msg.text;
      const screened = screenFreeText(body, ctx.deps.wellbeingContent.crisisWords);
      msg.text = command ? `${command}${screened.kept}` : screened.kept;
      // grammY recognises commands by their entity: keep only that one, at offset 0.
      if (command) msg.entities = [{ type: "bot_command", offset: 0, length: command.length }];
      ctx.session.textGuard = { ...guard, last: { crisis: screened.crisis, removed: screened.removed } };
    }
  }
  await next();
}

/** Turns the guard on or off for this person (called from inside conversations, through external). */
export function setTextGuard(ctx: Context, on: boolean): void {
  if (!ctx.pseudonym) return;
  ctx.session.textGuard = on ? { on: true, until: ctx.deps.now().getTime() + GUARD_MAX_MS } : undefined;
}

export const INVITE_TOO_LONG = "inv:too-long";
const INVITE_PREFIX = "inv:";

function inviteToken(ctx: Context, typed: string): string {
  if (typed.length > MAX_INVITE_INPUT) return INVITE_TOO_LONG;
  return `${INVITE_PREFIX}${ctx.deps.enrolment.hash(typed)}`;
}

/** The keyed hash carried by an invite token, or null for anything else. */
export function inviteHashOf(text: string): string | null {
  return text.startsWith(INVITE_PREFIX) && text !== INVITE_TOO_LONG ? text.slice(INVITE_PREFIX.length) : null;
}

/** Reads and forgets what the guard found in the latest text. */
export function takeTextFindings(ctx: Context): { crisis: boolean; removed: ScrubKind[] } {
  const found = ctx.session.textGuard?.last ?? { crisis: false, removed: [] };
  if (ctx.session.textGuard) ctx.session.textGuard = { ...ctx.session.textGuard, last: undefined };
  return found;
}
