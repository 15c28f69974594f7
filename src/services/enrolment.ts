// Invite codes: generation, hashing and redemption with a guard against guessing
// (5 wrong codes within 10 minutes → wait 10 minutes). Codes are stored only as a keyed HMAC: a bare hash of an
// 8-character code could be reversed offline from a leaked database by trying every code.
import { createHmac, randomInt } from "node:crypto";
import type { InviteRepository, RedeemResult } from "../db/repositories/invites.js";
import type { Role } from "../db/repositories/members.js";

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 10 * 60_000;

export function generateInviteCode(): string {
  let raw = "";
  for (let i = 0; i < 8; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** Officers type codes by hand: ignore case, spaces and dashes, and read Khmer digits as digits. */
export function normalizeInviteCode(input: string): string {
  return input
    .replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0))
    .toUpperCase()
    .replace(/[\s-]/g, "");
}

/** The keyed hash of a code as typed (normalised first): what is stored, and what a conversation may keep. */
export function createInviteHasher(secret: string) {
  return (code: string): string =>
    createHmac("sha256", secret)
      .update(`mitt-invite:${normalizeInviteCode(code)}`)
      .digest("hex");
}
export type InviteHasher = ReturnType<typeof createInviteHasher>;

/** Longer than any code anyone would type: answered with "too long" rather than looked up. */
export const MAX_INVITE_INPUT = 40;

export type EnrolAttempt = RedeemResult | { ok: false; reason: "locked"; minutesLeft: number };

export function createEnrolmentService(invites: InviteRepository, hash: InviteHasher) {
  async function lockedMinutes(pseudonym: string, now: Date): Promise<number> {
    const { count, latest } = await invites.failuresSince(pseudonym, new Date(now.getTime() - FAILURE_WINDOW_MS));
    if (count < MAX_FAILURES || !latest) return 0;
    return Math.max(1, Math.ceil((latest.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 60_000));
  }

  return {
    lockedMinutes,
    hash,
    /** Redeems a code given as its keyed hash (the onboarding conversation never holds the code itself). */
    async redeem(pseudonym: string, codeHash: string, now: Date): Promise<EnrolAttempt> {
      const wait = await lockedMinutes(pseudonym, now);
      if (wait > 0) return { ok: false, reason: "locked", minutesLeft: wait };
      const result = await invites.redeem(codeHash, now);
      if (!result.ok) {
        await invites.recordFailure(pseudonym, now);
        const after = await lockedMinutes(pseudonym, now);
        if (after > 0) return { ok: false, reason: "locked", minutesLeft: after };
      }
      return result;
    },
    async create(data: { role: Role; maxUses: number; days: number; createdBy: string; now: Date }) {
      const code = generateInviteCode();
      const expiresAt = new Date(data.now.getTime() + data.days * 86_400_000);
      await invites.create({
        codeHash: hash(code),
        role: data.role,
        maxUses: data.maxUses,
        expiresAt,
        createdBy: data.createdBy,
      });
      return { code, expiresAt };
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
