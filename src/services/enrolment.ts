// Invite codes: generation, hashing and redemption with a guard against guessing
// (5 wrong codes within 10 minutes → wait 10 minutes).
import { createHash, randomInt } from "node:crypto";
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

export function hashInviteCode(code: string): string {
  return createHash("sha256")
    .update(`mitt-invite:${normalizeInviteCode(code)}`)
    .digest("hex");
}

export type EnrolAttempt = RedeemResult | { ok: false; reason: "locked"; minutesLeft: number };

export function createEnrolmentService(invites: InviteRepository) {
  async function lockedMinutes(pseudonym: string, now: Date): Promise<number> {
    const { count, latest } = await invites.failuresSince(pseudonym, new Date(now.getTime() - FAILURE_WINDOW_MS));
    if (count < MAX_FAILURES || !latest) return 0;
    return Math.max(1, Math.ceil((latest.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 60_000));
  }

  return {
    lockedMinutes,
    async redeem(pseudonym: string, code: string, now: Date): Promise<EnrolAttempt> {
      const wait = await lockedMinutes(pseudonym, now);
      if (wait > 0) return { ok: false, reason: "locked", minutesLeft: wait };
      const result = await invites.redeem(hashInviteCode(code), now);
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
        codeHash: hashInviteCode(code),
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
