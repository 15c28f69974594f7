// Seeding recipients and jobs straight into the database, and counting what the emulator delivered,
// for the delivery-engine tests and the benchmark.
import type { Emulator } from "../../emulator/index.js";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import type { OutboxRowInput } from "../../src/db/repositories/outbox.js";

export interface SeededRecipient {
  pseudonym: string;
  chatId: number;
}

/** `count` enrolled officers with identities; chat ids start at `firstChatId`. */
export async function seedRecipients(
  prisma: PrismaClient,
  count: number,
  firstChatId: number,
  tag = "r",
): Promise<SeededRecipient[]> {
  const people = Array.from({ length: count }, (_, i) => ({ pseudonym: `${tag}-${i}`, chatId: firstChatId + i }));
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000);
    await prisma.identity.createMany({
      data: chunk.map((p) => ({ pseudonym: p.pseudonym, telegramUserId: BigInt(p.chatId), chatId: BigInt(p.chatId) })),
    });
    await prisma.member.createMany({
      data: chunk.map((p) => ({
        pseudonym: p.pseudonym,
        handle: p.pseudonym.toUpperCase(),
        consentedAt: new Date(),
        enrolledAt: new Date(),
      })),
    });
  }
  return people;
}

export function textRows(people: SeededRecipient[], label: string): OutboxRowInput[] {
  return people.map((p) => ({
    recipient: p.pseudonym,
    payload: { method: "sendMessage", params: { text: `${label} for ${p.pseudonym}` } },
  }));
}

/** How many successful sends each chat received whose text starts with `label`. */
export function deliveredPerChat(emu: Emulator, label: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of emu.calls) {
    if (!c.ok || c.method !== "sendMessage" || !c.message?.text?.startsWith(label)) continue;
    const chat = c.message.chat.id;
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}

export function summarize(people: SeededRecipient[], counts: Map<number, number>) {
  let lost = 0;
  let duplicates = 0;
  for (const p of people) {
    const n = counts.get(p.chatId) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicates += n - 1;
  }
  return { lost, duplicates, delivered: people.length - lost };
}

/** Counts deliveries as they happen; `waitForChats(n)` resolves once n distinct chats received one. */
export function trackDeliveries(emu: Emulator, label: string) {
  const counts = deliveredPerChat(emu, label);
  const waiters: { n: number; resolve: () => void }[] = [];
  const onCall = (c: Emulator["calls"][number]) => {
    if (!c.ok || c.method !== "sendMessage" || !c.message?.text?.startsWith(label)) return;
    const chat = c.message.chat.id;
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
    for (const w of waiters.filter((w) => counts.size >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  emu.on("call", onCall);
  return {
    counts,
    waitForChats(n: number, timeoutMs = 60_000): Promise<void> {
      if (counts.size >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${counts.size} of ${n} chats received "${label}"`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    stop: () => emu.off("call", onCall),
  };
}
