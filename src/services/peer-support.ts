// Peer support with consent (domain.md §c): a request reaches a peer supporter only after the officer said yes,
// carrying only what they chose to share (a scrubbed note, or nothing). The supporter answers "I can talk"; the
// officer then decides whether to send their Telegram contact (that message is sent by the bot directly, see
// src/bot/features/wellbeing.ts, because no table may hold a Telegram identity). No grammY here.
import type { OutboxRowInput } from "../db/repositories/outbox.js";
import type { CheckinServiceDeps } from "./checkin-service.js";
import { pickSupporter } from "./checkins.js";

export const asLocale = (l: string | undefined): "km" | "en" => (l === "en" ? "en" : "km");

/** One sendMessage row for the outbox, with an optional inline keyboard. */
export function outgoing(
  recipient: string,
  text: string,
  keyboard?: { text: string; callback_data: string }[][],
): OutboxRowInput {
  const params = keyboard ? { text, reply_markup: { inline_keyboard: keyboard } } : { text };
  return { recipient, payload: { method: "sendMessage", params } };
}

export function createPeerSupport(d: CheckinServiceDeps) {
  return {
    /**
     * With the officer's consent only: picks a peer supporter and queues them a message with what the officer
     * agreed to share (a scrubbed note, or nothing). Returns false when no supporter is available.
     */
    async requestSupport(pseudonym: string, note: string | null, step: "peer" | "crisis"): Promise<boolean> {
      const me = await d.members.find(pseudonym);
      if (!me) return false;
      const supporter = pickSupporter(await d.wellbeing.supporters(), me);
      if (!supporter) return false;
      const request = await d.wellbeing.createRequest(pseudonym, supporter.pseudonym, note, d.now());
      const locale = asLocale(supporter.locale);
      const text = d.t(locale, "wellbeing-request-for-supporter", {
        handle: me.handle,
        note: note ?? d.t(locale, "wellbeing-request-no-note"),
      });
      const keyboard = [[{ text: d.t(locale, "wellbeing-ack-button"), callback_data: `wb:ack:${request.id}` }]];
      // A crisis request is urgent: it may be sent during the supporter's quiet hours.
      await d.delivery.queue(
        { key: `support-request:${request.id}`, kind: "notification", urgent: step === "crisis" },
        [outgoing(supporter.pseudonym, text, keyboard)],
      );
      await d.events.record(pseudonym, "escalation.accepted", { step, share: note ? "note" : "none" });
      return true;
    },

    /** The supporter can talk: the officer is told, and asked whether to send the supporter their contact. */
    async acknowledge(requestId: string, supporter: string): Promise<boolean> {
      const request = await d.wellbeing.findRequest(requestId);
      if (!request || request.supporter !== supporter) return false;
      if (!(await d.wellbeing.advance(requestId, "open", "acknowledged"))) return false;
      const [officer, helper] = await Promise.all([d.members.find(request.requester), d.members.find(supporter)]);
      if (!officer) return false;
      const locale = officer.locale;
      const text = d.t(locale, "wellbeing-ack-for-officer", { handle: helper?.handle ?? "—" });
      const keyboard = [[{ text: d.t(locale, "wellbeing-contact-button"), callback_data: `wb:contact:${requestId}` }]];
      await d.delivery.queue({ key: `support-ack:${requestId}`, kind: "notification", urgent: true }, [
        outgoing(request.requester, text, keyboard),
      ]);
      return true;
    },

    /** The officer agreed to share their contact: returns the supporter to send it to, once. */
    async contactShared(requestId: string, requester: string): Promise<{ supporter: string } | null> {
      const request = await d.wellbeing.findRequest(requestId);
      if (!request?.supporter || request.requester !== requester) return null;
      if (!(await d.wellbeing.advance(requestId, "acknowledged", "contact_shared"))) return null;
      return { supporter: request.supporter };
    },
  };
}
