// Officers are pseudonymous everywhere except the identities table. Each enrolment gets a fresh random
// pseudonym, found again through `identities` (telegram id → pseudonym); after "delete my data" the identity
// row is gone, so nothing can lead from a returning person to their past pseudonym (a pseudonym computed from
// the Telegram id would re-link them). Before consent a person has no pseudonym at all: their onboarding state
// is kept under a visitor key, a keyed hash of the Telegram id that no analytical table ever holds.
import { createHmac, randomBytes } from "node:crypto";

export interface Pseudonymizer {
  /** A new random 64-hex pseudonym for an enrolment. */
  fresh(): string;
  /** The key of a not-yet-consented person's session and conversation state (never stored in analytics). */
  visitorKey(telegramUserId: number | bigint): string;
  /** A short handle staff and admins can read aloud ("K7QM-2F"); derived from the pseudonym, not the id. */
  handleOf(pseudonym: string): string;
}

// Crockford-style alphabet without look-alikes (no I, L, O, U) so handles survive being read aloud.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function createPseudonymizer(key: string): Pseudonymizer {
  return {
    fresh: () => randomBytes(32).toString("hex"),
    visitorKey: (id) => `v-${createHmac("sha256", key).update(`visitor:${id.toString()}`).digest("hex").slice(0, 40)}`,
    handleOf(pseudonym) {
      const bytes = Buffer.from(pseudonym.slice(0, 12), "hex");
      let out = "";
      for (let i = 0; i < 6; i++) out += ALPHABET[(bytes[i] ?? 0) % 32];
      return `${out.slice(0, 4)}-${out.slice(4)}`;
    },
  };
}
