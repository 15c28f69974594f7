// Anonymous peer conversations and blocked pairs, as plain objects. Nothing here holds relayed text: a
// conversation row has the pair's pseudonyms, the aliases each side sees, days and message counts.
// Every state change is a guarded updateMany (from the expected status), so two presses never both win.
import type { PeerConversation, PeerStatus, PrismaClient } from "../generated/client.ts";
import { createPeerLookups } from "./peer-lookups.js";

export type { SupporterCandidate } from "./peer-lookups.js";
export type { PeerStatus };
export type PeerSide = "requester" | "supporter";

export interface PeerConversationRecord {
  id: string;
  requester: string;
  supporter: string | null;
  requesterAlias: string;
  supporterAlias: string | null;
  status: PeerStatus;
  source: string;
  night: boolean;
  notified: number;
  declines: number;
  requesterMessages: number;
  supporterMessages: number;
  requesterLastMessage: number | null;
  supporterLastMessage: number | null;
}

export interface NewRequest {
  requester: string;
  requesterAlias: string;
  source: string;
  night: boolean;
  notified: number;
  day: Date;
  expiresAt: Date;
}

const ACTIVE: PeerStatus[] = ["requested", "open"];

/** The row without its days, closing details and timeout: what the services work with. */
function toRecord(r: PeerConversation): PeerConversationRecord {
  const { requestedOn, openedOn, closedOn, endedBy, expiresAt, ...record } = r;
  return record;
}

export function createPeerRepository(prisma: PrismaClient) {
  return {
    ...createPeerLookups(prisma),
    async get(id: string): Promise<PeerConversationRecord | null> {
      const row = await prisma.peerConversation.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    /** The relay's lookup, on every private message: open conversations this person is part of (indexed). */
    async openFor(pseudonym: string): Promise<PeerConversationRecord[]> {
      const rows = await prisma.peerConversation.findMany({
        where: { status: "open", OR: [{ requester: pseudonym }, { supporter: pseudonym }] },
        orderBy: { id: "asc" },
      });
      return rows.map(toRecord);
    },

    /** The request or conversation this person asked for and that is still waiting or open, if any. */
    async activeRequestOf(requester: string): Promise<PeerConversationRecord | null> {
      const row = await prisma.peerConversation.findFirst({ where: { requester, status: { in: ACTIVE } } });
      return row ? toRecord(row) : null;
    },

    /** Everything still waiting or open that this person is part of, on either side. */
    async activeFor(pseudonym: string): Promise<PeerConversationRecord[]> {
      const rows = await prisma.peerConversation.findMany({
        where: { status: { in: ACTIVE }, OR: [{ requester: pseudonym }, { supporter: pseudonym }] },
      });
      return rows.map(toRecord);
    },

    async openCount(supporter: string): Promise<number> {
      return prisma.peerConversation.count({ where: { supporter, status: "open" } });
    },

    async create(r: NewRequest): Promise<PeerConversationRecord> {
      const row = await prisma.peerConversation.create({
        data: {
          requester: r.requester,
          requesterAlias: r.requesterAlias,
          source: r.source,
          night: r.night,
          notified: r.notified,
          requestedOn: r.day,
          expiresAt: r.expiresAt,
        },
      });
      return toRecord(row);
    },

    /** First press wins: true only if the request was still waiting. */
    async accept(id: string, supporter: string, supporterAlias: string, day: Date): Promise<boolean> {
      const { count } = await prisma.peerConversation.updateMany({
        where: { id, status: "requested" },
        data: { status: "open", supporter, supporterAlias, openedOn: day, expiresAt: null },
      });
      return count > 0;
    },

    async setRequesterAlias(id: string, alias: string): Promise<void> {
      await prisma.peerConversation.updateMany({ where: { id, status: "requested" }, data: { requesterAlias: alias } });
    },

    /** Counts one decline; returns the row as it is now (null if it is no longer waiting). */
    async decline(id: string): Promise<PeerConversationRecord | null> {
      const { count } = await prisma.peerConversation.updateMany({
        where: { id, status: "requested" },
        data: { declines: { increment: 1 } },
      });
      return count ? this.get(id) : null;
    },

    /** Closes a waiting or open conversation; false if it was already closed (or not in `from`). */
    async close(
      id: string,
      from: PeerStatus[],
      to: Exclude<PeerStatus, "requested" | "open">,
      endedBy: PeerSide | "system",
      day: Date,
    ): Promise<boolean> {
      const { count } = await prisma.peerConversation.updateMany({
        where: { id, status: { in: from } },
        data: {
          status: to,
          endedBy,
          closedOn: day,
          expiresAt: null,
          requesterLastMessage: null,
          supporterLastMessage: null,
        },
      });
      return count > 0;
    },

    /** One relayed message from `from`: counts it and remembers the message id the other side received. */
    async countMessage(id: string, from: PeerSide, deliveredId: number): Promise<void> {
      await prisma.peerConversation.updateMany({
        where: { id, status: "open" },
        data:
          from === "requester"
            ? { requesterMessages: { increment: 1 }, supporterLastMessage: deliveredId }
            : { supporterMessages: { increment: 1 }, requesterLastMessage: deliveredId },
      });
    },

    /** Requests nobody accepted in time. */
    async expired(now: Date): Promise<PeerConversationRecord[]> {
      const rows = await prisma.peerConversation.findMany({
        where: { status: "requested", expiresAt: { lte: now } },
        orderBy: { expiresAt: "asc" },
        take: 100,
      });
      return rows.map(toRecord);
    },
  };
}

export type PeerRepository = ReturnType<typeof createPeerRepository>;
