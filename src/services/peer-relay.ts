// The relay of an open peer conversation, and reports. Text goes from one side to the other with sendMessage
// (never forwardMessage, which would show who wrote it), under the writer's per-conversation alias. It is
// scrubbed on the way (no child's name, age, place or number reaches a colleague through Mitt), and it is never
// stored or logged: the conversation row keeps only counts and the id of the last message each side received,
// so that a report can copy exactly that one message to the administrators. No grammY here.
import type { MemberRepository } from "../db/repositories/members.js";
import type { PeerConversationRecord, PeerRepository } from "../db/repositories/peer.js";
import type { EventSink } from "../domain/events.js";
import { RELAY_MARK } from "./peer-aliases.js";
import { localDay, sideOf } from "./peer-closing.js";
import { asLocale } from "./peer-support.js";
import type { PeerTelegram } from "./peer-types.js";
import { type ScrubKind, scrub } from "./scrubber.js";

type Locale = "km" | "en";

export interface PeerRelayDeps {
  repo: PeerRepository;
  members: Pick<MemberRepository, "find">;
  events: EventSink;
  telegram: PeerTelegram;
  t: (locale: Locale, key: string, vars?: Record<string, string | number>) => string;
  timeZone: string;
  now: () => Date;
}

export type RelayOutcome =
  | { kind: "sent"; removed: ScrubKind[] }
  /** The other side could not be reached: the conversation was closed. */
  | { kind: "closed" };

export type ReportOutcome = "sent" | "nothing" | "no_admins";

export function createPeerRelay(d: PeerRelayDeps) {
  const localeOf = async (pseudonym: string) => asLocale((await d.members.find(pseudonym))?.locale);

  return {
    /**
     * True while a conversation of the conversations plugin is active for this person (its state row exists;
     * see src/bot/conversation-storage.ts). Asked only for people in an open peer conversation.
     */
    inFlow: (pseudonym: string) => d.repo.hasConversationState(pseudonym),

    /** Relays `text` from `sender` to the other side of `c` (an open conversation the sender is part of). */
    async relay(sender: string, c: PeerConversationRecord, text: string): Promise<RelayOutcome> {
      const side = sideOf(c, sender);
      const other = side === "requester" ? c.supporter : c.requester;
      if (!side || !other) return { kind: "closed" };
      const scrubbed = scrub(text);
      const locale = await localeOf(other);
      const alias = d.t(locale, "peer-alias", {
        code: side === "requester" ? c.requesterAlias : (c.supporterAlias ?? "?"),
      });
      // The header line starts with RELAY_MARK and ends with the alias code: a reply to it is routed back here.
      const body = `${RELAY_MARK} ${alias}\n${scrubbed.text}`;
      const delivered = await d.telegram.send(other, body);
      if (delivered === null) {
        await d.repo.close(c.id, ["open"], "ended", "system", localDay(d.now(), d.timeZone));
        return { kind: "closed" };
      }
      await d.repo.countMessage(c.id, side, delivered);
      return { kind: "sent", removed: scrubbed.removed };
    },

    /**
     * Sends the administrators exactly one relayed message: the one `reporter` replied to (`messageId`, a
     * message the bot sent into the reporter's chat), or else the last one they received. Nothing else: no
     * alias of the reporter, no handle, no other message. The two people in the conversation never get it.
     */
    async report(reporter: string, c: PeerConversationRecord, messageId: number | null): Promise<ReportOutcome> {
      const side = sideOf(c, reporter);
      if (!side) return "nothing";
      const target = messageId ?? (side === "requester" ? c.requesterLastMessage : c.supporterLastMessage);
      if (!target) return "nothing";
      const admins = (await d.repo.admins()).filter((a) => a.pseudonym !== c.requester && a.pseudonym !== c.supporter);
      let reached = 0;
      for (const a of admins) {
        if ((await d.telegram.send(a.pseudonym, d.t(asLocale(a.locale), "peer-report-for-admin"))) === null) continue;
        if (await d.telegram.copy(a.pseudonym, reporter, target)) reached++;
      }
      if (!reached) return "no_admins";
      await d.events.record(reporter, "peer.reported", { by: side });
      return "sent";
    },
  };
}

export type PeerRelay = ReturnType<typeof createPeerRelay>;
