// Delivery hook: a bulk message whose payload names a `sentEvent` records that event for its recipient once
// Telegram confirmed it, so a metric's denominator counts messages that arrived (the weekly stress question for
// the response rate, the digest for the staff side). Only these events may be named, and they carry no attributes.
import type { ClaimedRow } from "../../db/repositories/outbox.js";
import type { SendOutcome } from "../../delivery/telegram-sender.js";
import type { EventSink } from "../../domain/events.js";

const SENT_EVENTS = ["wellbeing.prompted", "summary.digest_sent"] as const;
type SentEvent = (typeof SENT_EVENTS)[number];

const isSentEvent = (v: unknown): v is SentEvent => SENT_EVENTS.some((e) => e === v);

export function sentEventsHook(events: EventSink) {
  return async (row: ClaimedRow, outcome: SendOutcome): Promise<void> => {
    const event = row.payload.meta?.sentEvent;
    if (outcome.kind === "sent" && isSentEvent(event)) await events.record(row.recipient, event, {});
  };
}
