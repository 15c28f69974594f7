// Officers are pseudonymous everywhere except the identities table: pseudonym = HMAC-SHA256(user id, key).
import { createHmac } from "node:crypto";

export interface Pseudonymizer {
  /** 64-hex pseudonym used as the key of every analytical row. */
  of(telegramUserId: number | bigint): string;
  /** A short handle staff and admins can read aloud ("K7QM-2F"); derived from the pseudonym, not the id. */
  handleOf(pseudonym: string): string;
}

// Crockford-style alphabet without look-alikes (no I, L, O, U) so handles survive being read aloud.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function createPseudonymizer(key: string): Pseudonymizer {
  return {
    of: (id) => createHmac("sha256", key).update(`tg:${id.toString()}`).digest("hex"),
    handleOf(pseudonym) {
      const bytes = Buffer.from(pseudonym.slice(0, 12), "hex");
      let out = "";
      for (let i = 0; i < 6; i++) out += ALPHABET[(bytes[i] ?? 0) % 32];
      return `${out.slice(0, 4)}-${out.slice(4)}`;
    },
  };
}
