// Pure helpers of anonymous peer connect: per-conversation aliases ("Peer 7K"), message-count bands for the
// events, and the callback data of the request buttons (built here, read by src/bot/features/peer.ts).
import { type PeerRequestAction, peerRequestButton } from "./buttons.js";

export { PEER_REQUEST_ACTIONS, type PeerRequestAction } from "./buttons.js";

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const ALIAS_PATTERN = /^[2-9A-HJKMNP-Z]{2}$/;

/** A two-character alias code, different from every code in `avoid`. `random` returns [0, 1). */
export function newAlias(random: () => number, avoid: readonly (string | null)[] = []): string {
  for (;;) {
    const pick = () => ALPHABET[Math.floor(random() * ALPHABET.length)] ?? "X";
    const code = `${pick()}${pick()}`;
    if (!avoid.includes(code)) return code;
  }
}

/**
 * The alias code in the header of a relayed message ("💬 Peer 7K" / "💬 មិត្តរួមការងារ 7K"), so a reply to it
 * can be routed to that conversation. Null when the text is not a relayed message.
 */
export function aliasInHeader(text: string | undefined): string | null {
  const first = text?.split("\n", 1)[0] ?? "";
  if (!first.startsWith(RELAY_MARK)) return null;
  const code = first.trim().split(/\s+/).at(-1) ?? "";
  return ALIAS_PATTERN.test(code) ? code : null;
}

/** The first characters of every relayed message; the rest of the header line is the sender's alias. */
export const RELAY_MARK = "💬";

/** The data of a button on a request (accept, decline, block; `x` answers that it is closed): see buttons.ts. */
export function peerRequestData(action: PeerRequestAction, conversationId: string): string {
  return peerRequestButton.pack({ action, id: conversationId });
}
