// `npm run bench:tips`: 10,000 officers due in the same minute; how long the scheduler takes to queue them
// (finding them with SQL and writing their outbox rows; tips are chosen later, as each row is sent).
// Embedded PGlite by default; BENCH_DATABASE_URL for real Postgres. The last line is the JSON result.
import { loadTipLibrary } from "../src/content/tips.js";
import { createDatabase } from "../src/db/client.js";
import { createEventRepository } from "../src/db/repositories/events.js";
import { createMemberRepository } from "../src/db/repositories/members.js";
import { createOutboxRepository } from "../src/db/repositories/outbox.js";
import { createTipRepository } from "../src/db/repositories/tips.js";
import { createDelivery } from "../src/delivery/delivery.js";
import { createLogger } from "../src/logger.js";
import { createTipService } from "../src/services/tips.js";
import { seedRecipients } from "../test/helpers/delivery.js";

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 10_000);
const db = await createDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL });
await db.migrate();
await db.prisma.$executeRawUnsafe("TRUNCATE outbox, delivery_jobs, members, identities, tip_views CASCADE");
const now = () => new Date();
const repo = createTipRepository(db.prisma, now);
await repo.sync(await loadTipLibrary());
await seedRecipients(db.prisma, OFFICERS, 3_000_000, "officer");
await db.prisma.member.updateMany({ data: { tipFrequency: "daily", tipTime: "08:00" } });
// A few hundred officers at other times, so the query has something to skip.
await seedRecipients(db.prisma, 500, 4_000_000, "other");
await db.prisma.member.updateMany({ where: { pseudonym: { startsWith: "other" } }, data: { tipTime: "17:00" } });

const tips = createTipService({
  repo,
  members: createMemberRepository(db.prisma, now),
  events: createEventRepository(db.prisma, { now, timeZone: "Asia/Phnom_Penh" }),
  delivery: createDelivery(createOutboxRepository(db.prisma, now), { wake() {}, async hold() {}, unhold() {} }, now),
  t: (_l, k) => k,
  timeZone: "Asia/Phnom_Penh",
  logger: createLogger({ level: "silent" }),
  now,
});
const at = new Date("2026-11-23T08:00:00+07:00");
const started = performance.now();
const queued = await tips.queueDueSlots(at);
const queueMs = performance.now() - started;
const rows = await db.prisma.outboxMessage.count();
await db.close();
console.log(`queued ${queued} tip deliveries (${rows} outbox rows) in ${queueMs.toFixed(0)} ms`);
console.log(JSON.stringify({ bench: "tips", officers: OFFICERS, queued, queue_ms: Math.round(queueMs) }));
