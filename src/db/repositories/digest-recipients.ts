// Who gets the weekly summary digest: staff and admins who opted in, enrolled and reachable.
import type { PrismaClient } from "../generated/client.ts";

export function createDigestRecipients(prisma: PrismaClient) {
  return {
    async list(): Promise<string[]> {
      const rows = await prisma.member.findMany({
        where: {
          summaryDigest: true,
          role: { in: ["staff", "admin"] },
          enrolledAt: { not: null },
          unreachableAt: null,
        },
        select: { pseudonym: true },
        orderBy: { pseudonym: "asc" },
      });
      return rows.map((r) => r.pseudonym);
    },
  };
}

export type DigestRecipients = ReturnType<typeof createDigestRecipients>;
