// The content version: one kv_state row whose value changes whenever the tip library changes (a content sync that
// changed something, a trainer's new or archived tip). Every instance keeps the library in memory and reloads it
// when the version it sees differs: the version rides along the sender query of every update (no extra round
// trip) and is read on its own at most every few seconds otherwise (jobs, the delivery worker).
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../generated/client.ts";

export const CONTENT_VERSION_KEY = "content:version";

/** Gives the content a new version (inside the caller's transaction when there is one). */
export async function bumpContentVersion(db: PrismaClient | Prisma.TransactionClient, at: Date): Promise<void> {
  const value = JSON.stringify(randomBytes(8).toString("hex"));
  await db.kvState.upsert({
    where: { key: CONTENT_VERSION_KEY },
    create: { key: CONTENT_VERSION_KEY, value, updatedAt: at },
    update: { value, updatedAt: at },
  });
}

export async function readContentVersion(prisma: PrismaClient): Promise<string | null> {
  const row = await prisma.kvState.findUnique({ where: { key: CONTENT_VERSION_KEY }, select: { value: true } });
  return row?.value ?? null;
}
