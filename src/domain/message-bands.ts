// Counts of messages in a peer conversation, banded, so usage events carry no exact counts.
export const MESSAGE_BANDS = ["0", "1-9", "10-49", "50+"] as const;
export type MessageBand = (typeof MESSAGE_BANDS)[number];

/** Messages of a conversation, banded, so events carry no exact counts. */
export function messageBand(count: number): MessageBand {
  if (count <= 0) return "0";
  if (count < 10) return "1-9";
  if (count < 50) return "10-49";
  return "50+";
}
