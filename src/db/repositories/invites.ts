// Invite codes. Only a SHA-256 of each code is stored; the code is shown once to its creator.
import type { Now } from "../../clock.js";
import type { PrismaClient, Role } from "../generated/client.ts";

export interface InviteRecord {
  id: string;
  role: Role;
  maxUses: number;
  uses: number;
  expiresAt: string;
}

export type RedeemResult =
  | { ok: true; role: Role; invitedBy: string }
  | { ok: false; reason: "unknown" | "expired" | "used_up" | "revoked" };

export function createInviteRepository(prisma: PrismaClient, now: Now) {
  return {
    async create(data: { codeHash: string; role: Role; maxUses: number; expiresAt: Date; createdBy: string }) {
      const row = await prisma.invite.create({ data: { ...data, createdAt: now() } });
      return { id: row.id };
    },

    /** Atomically takes one use of a valid code, so two officers racing for the last use cannot both win. */
    async redeem(codeHash: string, now: Date): Promise<RedeemResult> {
      const rows = await prisma.$queryRaw<{ role: Role; created_by: string }[]>`
        UPDATE invites SET uses = uses + 1
        WHERE code_hash = ${codeHash} AND revoked_at IS NULL AND expires_at > ${now} AND uses < max_uses
        RETURNING role, created_by`;
      const hit = rows[0];
      if (hit) return { ok: true, role: hit.role, invitedBy: hit.created_by };
      const invite = await prisma.invite.findUnique({ where: { codeHash } });
      if (!invite) return { ok: false, reason: "unknown" };
      if (invite.revokedAt) return { ok: false, reason: "revoked" };
      if (invite.expiresAt <= now) return { ok: false, reason: "expired" };
      return { ok: false, reason: "used_up" };
    },

    async listActive(now: Date): Promise<InviteRecord[]> {
      const rows = await prisma.invite.findMany({
        where: { revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        take: 20,
      });
      return rows
        .filter((r) => r.uses < r.maxUses)
        .map((r) => ({
          id: r.id,
          role: r.role,
          maxUses: r.maxUses,
          uses: r.uses,
          expiresAt: r.expiresAt.toISOString(),
        }));
    },

    async revoke(id: string): Promise<boolean> {
      const { count } = await prisma.invite.updateMany({
        where: { id, revokedAt: null },
        data: { revokedAt: now() },
      });
      return count === 1;
    },

    async recordFailure(pseudonym: string, at: Date): Promise<void> {
      await prisma.enrolFailure.create({ data: { pseudonym, at } });
    },

    async failuresSince(pseudonym: string, since: Date): Promise<{ count: number; latest: Date | null }> {
      const rows = await prisma.enrolFailure.findMany({
        where: { pseudonym, at: { gte: since } },
        orderBy: { at: "desc" },
      });
      return { count: rows.length, latest: rows[0]?.at ?? null };
    },
  };
}

export type InviteRepository = ReturnType<typeof createInviteRepository>;
