// Closing peer requests and conversations, shared by the use cases of peer-connect.ts: a request nobody took
// (apology and external contacts), a withdrawn request, an ended conversation (the other side is told, neutrally),
// and turning the buttons of a request's copies into a "closed" label. No grammY here.
import type { PeerConversationRecord, PeerSide } from "../db/repositories/peer.js";
import { localParts } from "../domain/local-time.js";
import { messageBand } from "../domain/message-bands.js";
import { peerRequestData } from "./peer-aliases.js";
import { asLocale, outgoing } from "./peer-support.js";
import type { Locale, PeerConnectDeps } from "./peer-types.js";

export const requestKey = (id: string) => `peer-request:${id}`;

/** The local calendar day of `at`, as stored in the day columns (never a time of day). */
export const localDay = (at: Date, timeZone: string) => new Date(`${localParts(at, timeZone).date}T00:00:00Z`);

/** Which side `pseudonym` is on, or null when it is not part of the conversation. */
export function sideOf(c: PeerConversationRecord, pseudonym: string): PeerSide | null {
  if (c.requester === pseudonym) return "requester";
  return c.supporter === pseudonym ? "supporter" : null;
}

export function createPeerClosing(d: PeerConnectDeps) {
  const day = (at: Date) => localDay(at, d.timeZone);
  const alias = (locale: Locale, code: string | null) => d.t(locale, "peer-alias", { code: code ?? "?" });
  const localeOf = async (pseudonym: string | null) =>
    asLocale(pseudonym ? (await d.members.find(pseudonym))?.locale : undefined);

  /** Turns the buttons of every delivered copy of a request into one "closed" label; drops unsent copies. */
  async function retire(id: string, except: string | null, labelKey: string): Promise<void> {
    const key = requestKey(id);
    const job = await d.repo.jobOf(key);
    if (job) await d.delivery.cancel(job);
    for (const r of await d.repo.deliveredRequests(key)) {
      if (r.recipient === except) continue;
      const label = d.t(await localeOf(r.recipient), labelKey);
      await d.telegram.setButtons(r.recipient, r.messageId, [
        [{ text: label, callback_data: peerRequestData("x", id) }],
      ]);
    }
  }

  /** Closes a request nobody took: the officer gets an apology and the external contacts. */
  async function closeUnanswered(c: PeerConversationRecord, reason: "no_answer" | "all_declined") {
    const status = reason === "no_answer" ? "timed_out" : "declined";
    if (!(await d.repo.close(c.id, ["requested"], status, "system", day(d.now())))) return false;
    await retire(c.id, null, "peer-request-expired");
    const locale = await localeOf(c.requester);
    const text = d.t(locale, "peer-unanswered", { contacts: d.contacts(locale) });
    await d.delivery.queue({ key: `peer-unanswered:${c.id}`, kind: "notification", urgent: true }, [
      outgoing(c.requester, text),
    ]);
    await d.events.record(c.requester, "peer.timed_out", { night: c.night, reason });
    return true;
  }

  async function endOpen(c: PeerConversationRecord, by: PeerSide): Promise<boolean> {
    if (!(await d.repo.close(c.id, ["open"], "ended", by, day(d.now())))) return false;
    const other = by === "requester" ? c.supporter : c.requester;
    const locale = await localeOf(other);
    const who = alias(locale, by === "requester" ? c.requesterAlias : c.supporterAlias);
    if (other) await d.telegram.send(other, d.t(locale, "peer-ended-by-other", { alias: who }));
    const messages = messageBand(c.requesterMessages + c.supporterMessages);
    await d.events.record(c.requester, "peer.ended", { by, messages, stage: "conversation" });
    return true;
  }

  async function withdraw(c: PeerConversationRecord): Promise<boolean> {
    if (!(await d.repo.close(c.id, ["requested"], "withdrawn", "requester", day(d.now())))) return false;
    await retire(c.id, null, "peer-request-withdrawn");
    await d.events.record(c.requester, "peer.ended", { by: "requester", messages: "0", stage: "request" });
    return true;
  }

  return { day, alias, localeOf, retire, closeUnanswered, endOpen, withdraw };
}
