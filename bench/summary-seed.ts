// Seeds a year of programme data for the summary benchmark with set-based SQL (generate_series, one statement
// per table): officers spread unevenly over the provinces, usage events of every kind the summaries read,
// check-ins, weekly stress answers, invite codes and broadcasts with their outbox rows. Deterministic (setseed).
import type { PrismaClient } from "../src/db/generated/client.ts";
import { PROVINCES } from "../src/domain/provinces.js";

export interface SeedOptions {
  officers: number;
  events: number;
  checkins: number;
  now: Date;
  timeZone: string;
  broadcasts?: number;
}

const TOPICS = ["planning", "ground-rules", "rapport", "open-prompts", "breaks", "closure", "room", "self-care"];

export async function seedSummaryData(prisma: PrismaClient, o: SeedOptions): Promise<void> {
  const provinces = [...PROVINCES];
  const now = o.now;
  await prisma.$executeRaw`SELECT setseed(0.42)`;
  // Province: squared random, so a few provinces are large and several are small (suppression has work to do).
  await prisma.$executeRaw`
    INSERT INTO members (pseudonym, handle, role, locale, province, unit_type, consented_at, enrolled_at, unit_room,
                         created_at, updated_at)
    SELECT 'bench-' || i, 'B' || i, 'officer', CASE WHEN i % 3 = 0 THEN 'en' ELSE 'km' END,
      (${provinces}::text[])[1 + floor(25 * random() ^ 2)::int],
      (ARRAY['ahtjp', 'cybercrime', 'cpu', 'other'])[1 + (i % 4)]::"UnitType",
      t, t, (ARRAY['yes', 'no', 'unsure', NULL])[1 + (i % 4)], t, t
    FROM generate_series(1, ${o.officers}::int) AS i,
      LATERAL (SELECT ${now}::timestamptz - random() * interval '365 days' + i * interval '0 s' AS t) AS x`;
  // Interview-linked events keep only their week (the Monday), like the app writes them.
  await prisma.$executeRaw`
    INSERT INTO usage_events (pseudonym, type, attrs, occurred_at)
    SELECT 'bench-' || (1 + floor(random() * ${o.officers}::int)::int), k.type, k.attrs,
      CASE WHEN k.type LIKE 'checkin.%' OR k.type LIKE 'wellbeing.%' OR k.type LIKE 'escalation.%'
        THEN date_trunc('week', t AT TIME ZONE ${o.timeZone}) AT TIME ZONE ${o.timeZone} ELSE t END
    FROM (SELECT g, random() AS r, (${TOPICS}::text[])[1 + floor(random() * 8)::int] AS topic,
                 ${now}::timestamptz - random() * interval '365 days' AS t
          FROM generate_series(1, ${o.events}::int) AS g) AS e,
    LATERAL (SELECT
      CASE WHEN r < 0.40 THEN 'tip.sent' WHEN r < 0.45 THEN 'tip.sent' WHEN r < 0.55 THEN 'tip.feedback'
           WHEN r < 0.61 THEN 'tip.quiz_answered' WHEN r < 0.615 THEN 'tips.paused' WHEN r < 0.69 THEN 'checkin.started'
           WHEN r < 0.75 THEN 'checkin.completed' WHEN r < 0.77 THEN 'checkin.interviews_reported'
           WHEN r < 0.80 THEN 'wellbeing.level' WHEN r < 0.83 THEN 'wellbeing.prompted'
           WHEN r < 0.84 THEN 'escalation.offered' WHEN r < 0.845 THEN 'escalation.accepted'
           WHEN r < 0.92 THEN 'broadcast.delivered' WHEN r < 0.94 THEN 'broadcast.useful'
           ELSE 'settings.language_changed' END AS type,
      CASE WHEN r < 0.40 THEN jsonb_build_object('topic', topic, 'via', 'schedule')
           WHEN r < 0.45 THEN jsonb_build_object('topic', topic, 'via', 'on_demand')
           WHEN r < 0.55 THEN jsonb_build_object('topic', topic, 'kind', 'helpful')
           WHEN r < 0.61 THEN jsonb_build_object('topic', topic, 'correct', r < 0.595)
           WHEN r < 0.615 THEN '{}'::jsonb
           WHEN r < 0.69 THEN jsonb_build_object('source', (ARRAY['command', 'menu', 'weekly', 'next'])[1 + (g % 4)])
           WHEN r < 0.75 THEN jsonb_build_object('skipped', 0, 'optional', true)
           WHEN r < 0.77 THEN jsonb_build_object('count', g % 4)
           WHEN r < 0.80 THEN jsonb_build_object('level', 'low', 'source', 'sisq')
           WHEN r < 0.84 THEN CASE WHEN r < 0.83 THEN '{}'::jsonb ELSE jsonb_build_object('step', 'peer') END
           WHEN r < 0.845 THEN jsonb_build_object('step', 'peer', 'share', 'none')
           WHEN r < 0.94 THEN '{}'::jsonb
           ELSE jsonb_build_object('locale', 'km') END AS attrs) AS k`;
  await prisma.$executeRaw`
    INSERT INTO check_ins (id, pseudonym, week, status, elements, open_share, setting, setting_answered, feeling,
                           action, tried_last_action, share_wanted, skipped, ordinal)
    SELECT gen_random_uuid()::text, 'bench-' || (1 + floor(random() * ${o.officers}::int)::int),
      date_trunc('week', (${now}::timestamptz - random() * interval '365 days') AT TIME ZONE ${o.timeZone})::date,
      (CASE WHEN r < 0.85 THEN 'completed' WHEN r < 0.95 THEN 'abandoned' ELSE 'cancelled' END)::"CheckInStatus",
      (ARRAY['ground-rules', 'rapport', 'practice-narrative', 'transition', 'closure'])[1:1 + (g % 5)],
      (ARRAY['most', 'half', 'fewer', 'unsure'])[1 + (g % 4)],
      CASE WHEN g % 3 = 0 THEN ARRAY['room', 'breaks'] WHEN g % 3 = 1 THEN ARRAY['na:interpreters'] ELSE '{}' END,
      g % 2 = 0, 1 + g % 5, 'silence', CASE WHEN g % 3 = 0 THEN NULL ELSE g % 3 = 1 END, g % 7 <> 0, '{}', g
    FROM (SELECT g, random() AS r FROM generate_series(1, ${o.checkins}::int) AS g) AS c`;
  await prisma.$executeRaw`
    INSERT INTO wellbeing_responses (pseudonym, week, score, source)
    SELECT 'bench-' || i, date_trunc('week', ${now}::timestamptz AT TIME ZONE ${o.timeZone})::date - 7 * w,
      1 + floor(random() * 5)::int, 'sisq'
    FROM generate_series(1, ${o.officers}::int, 4) AS i, generate_series(1, 52) AS w
    WHERE random() < 0.3`;
  await prisma.$executeRaw`
    INSERT INTO invites (id, code_hash, role, max_uses, uses, expires_at, created_by, created_at)
    SELECT gen_random_uuid()::text, 'bench-' || i, 'officer', 30, 20 + i % 10, ${now}::timestamptz,
      'bench-trainer', ${now}::timestamptz - i * interval '7 days'
    FROM generate_series(1, 52) AS i`;
  await seedBroadcasts(prisma, o);
}

async function seedBroadcasts(prisma: PrismaClient, o: SeedOptions): Promise<void> {
  const count = o.broadcasts ?? 12;
  await prisma.$executeRaw`
    INSERT INTO delivery_jobs (id, key, kind, status, created_at)
    SELECT 'bench-job-' || b, 'broadcast:bench-' || b, 'broadcast', 'done', ${o.now}::timestamptz - b * interval '30 days'
    FROM generate_series(1, ${count}::int) AS b`;
  await prisma.$executeRaw`
    INSERT INTO broadcasts (id, created_by, text_km, audience, status, job_id, created_at, started_at, finished_at)
    SELECT 'bench-bc-' || b, 'bench-trainer', 'bench', '{}'::jsonb, 'finished', 'bench-job-' || b, t, t, t
    FROM generate_series(1, ${count}::int) AS b,
      LATERAL (SELECT ${o.now}::timestamptz - b * interval '30 days' AS t) AS x`;
  await prisma.$executeRaw`
    INSERT INTO outbox (job_id, recipient, payload, state, reason, attempts, updated_at)
    SELECT 'bench-job-' || b, 'bench-' || i, '{}'::jsonb,
      (CASE WHEN random() < 0.97 THEN 'sent' ELSE 'failed' END)::"OutboxState", NULL, 1, ${o.now}::timestamptz
    FROM generate_series(1, ${count}::int) AS b, generate_series(1, ${o.officers}::int) AS i`;
  await prisma.$executeRaw`UPDATE outbox SET reason = 'blocked' WHERE state = 'failed' AND job_id LIKE 'bench-job-%'`;
  await prisma.$executeRaw`
    INSERT INTO broadcast_reactions (broadcast_id, pseudonym)
    SELECT 'bench-bc-' || b, 'bench-' || i FROM generate_series(1, ${count}::int) AS b,
      generate_series(1, ${o.officers}::int) AS i WHERE random() < 0.2`;
}
