// Peer connect's lookups outside the conversation rows: who can be asked (supporters with room, not blocked),
// blocked pairs, administrators for reports, the outbox messages of a request (to change their buttons) and
// whether a conversation of the conversations plugin is active. Plain objects; part of the peer repository.
import type { PrismaClient } from "../generated/client.ts";

export interface SupporterCandidate {
  pseudonym: string;
  locale: string;
  peerNight: boolean;
}

export function createPeerLookups(prisma: PrismaClient) {
  return {
    /**
     * Enrolled, reachable peer supporters other than the requester, with fewer than `maxOpen` open
     * conversations, who have not blocked the requester.
     */
    async candidates(requester: string, maxOpen: number): Promise<SupporterCandidate[]> {
      const [supporters, blocks, busy] = await Promise.all([
        prisma.member.findMany({
          where: { peerSupporter: true, enrolledAt: { not: null }, unreachableAt: null, pseudonym: { not: requester } },
          select: { pseudonym: true, locale: true, peerNight: true },
          orderBy: { pseudonym: "asc" },
        }),
        prisma.peerBlock.findMany({ where: { blocked: requester }, select: { blocker: true } }),
        prisma.peerConversation.groupBy({
          by: ["supporter"],
          where: { status: "open", supporter: { not: null } },
          _count: { _all: true },
        }),
      ]);
      const blocked = new Set(blocks.map((b) => b.blocker));
      const full = new Set(busy.filter((b) => b._count._all >= maxOpen).map((b) => b.supporter));
      return supporters.filter((s) => !blocked.has(s.pseudonym) && !full.has(s.pseudonym));
    },

    /** The request messages supporters received (from the outbox job `key`), to change their buttons. */
    async deliveredRequests(key: string): Promise<{ recipient: string; messageId: number }[]> {
      const rows = await prisma.outboxMessage.findMany({
        where: { job: { key }, state: "sent", telegramMessageId: { not: null } },
        select: { recipient: true, telegramMessageId: true },
      });
      return rows.map((r) => ({ recipient: r.recipient, messageId: r.telegramMessageId ?? 0 }));
    },

    /** Whether the conversations plugin holds state for this person (key "conv:<pseudonym>"). */
    async hasConversationState(pseudonym: string): Promise<boolean> {
      return (await prisma.kvState.count({ where: { key: `conv:${pseudonym}` } })) > 0;
    },

    async jobOf(key: string): Promise<string | null> {
      const job = await prisma.deliveryJob.findUnique({ where: { key }, select: { id: true } });
      return job?.id ?? null;
    },

    async block(blocker: string, blocked: string, day: Date): Promise<void> {
      await prisma.peerBlock.upsert({
        where: { blocker_blocked: { blocker, blocked } },
        create: { blocker, blocked, createdOn: day },
        update: {},
      });
    },

    /** Administrators who can receive a report. */
    async admins(): Promise<{ pseudonym: string; locale: string }[]> {
      return prisma.member.findMany({
        where: { role: "admin", enrolledAt: { not: null }, unreachableAt: null },
        select: { pseudonym: true, locale: true },
        orderBy: { pseudonym: "asc" },
      });
    },
  };
}
