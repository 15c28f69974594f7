// What onboarding stores on the way, each run inside the conversation's `external` (so a replay never repeats it):
// consent, with the person's state moved from their visitor key to their new pseudonym; a refusal that keeps
// nothing but an anonymous count; and an invite code, checked by its keyed hash.
import { deleteAllStateOf } from "../../db/kv-storage.js";
import { ANONYMOUS } from "../../domain/events.js";
import type { Context } from "../context.js";
import type { BotDeps } from "../deps.js";
import type { Locale } from "../i18n.js";
import { inviteHashOf } from "../middlewares/text-guard.js";

/** Nothing is stored beyond the refusal itself: no identity, no profile, no session, and no pseudonym on the count. */
export async function declineConsent(deps: BotDeps, octx: Context): Promise<void> {
  // Someone who agreed, went Back and now declines: what their consent created goes too.
  if (octx.pseudonym) await deps.members.deleteEverything(octx.pseudonym);
  await deps.events.record(ANONYMOUS, "consent.declined", {});
  octx.session = {};
}

export async function giveConsent(deps: BotDeps, octx: Context, locale: Locale): Promise<void> {
  if (!octx.from || !octx.chat) return;
  const visitorKey = octx.stateKey;
  const member = await deps.members.recordConsent({
    locale,
    telegramUserId: octx.from.id,
    chatId: octx.chat.id,
    mint: () => {
      const pseudonym = deps.pseudonyms.fresh();
      return { pseudonym, handle: deps.pseudonyms.handleOf(pseudonym) };
    },
  });
  // From here on this person's state lives under their pseudonym: the conversation is written there at the end of
  // this update, and the visitor's session and conversation rows are removed.
  octx.pseudonym = member.pseudonym;
  octx.stateKey = member.pseudonym;
  octx.session = {};
  if (visitorKey && visitorKey !== member.pseudonym) await deleteAllStateOf(deps.prisma, visitorKey);
  await deps.events.record(member.pseudonym, "consent.given", { locale });
}

/** `typed`: the keyed hash the text guard put in place of the code (else the code, hashed here). */
export async function redeemInvite(deps: BotDeps, octx: Context, typed: string) {
  const codeHash = inviteHashOf(typed) ?? deps.enrolment.hash(typed);
  const r = await deps.enrolment.redeem(octx.pseudonym ?? "", codeHash, deps.now());
  if (!r.ok) {
    const reason = r.reason === "locked" ? null : r.reason;
    if (reason) await deps.events.record(octx.pseudonym ?? "", "enrol.code_rejected", { reason });
    else await deps.events.record(octx.pseudonym ?? "", "enrol.locked_out", {});
  }
  return r;
}
