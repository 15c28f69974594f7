-- CreateEnum
CREATE TYPE "Role" AS ENUM ('officer', 'trainer', 'staff', 'admin');

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('ahtjp', 'cybercrime', 'cpu', 'other');

-- CreateEnum
CREATE TYPE "TipFrequency" AS ENUM ('daily', 'three_weekly', 'weekly', 'paused');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('tip', 'broadcast', 'reminder', 'notification');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('active', 'paused', 'cancelled', 'done');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('queued', 'sending', 'sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "CheckInStatus" AS ENUM ('open', 'completed', 'abandoned', 'cancelled');

-- CreateEnum
CREATE TYPE "BroadcastStatus" AS ENUM ('scheduled', 'sending', 'paused', 'cancelled', 'finished');

-- CreateTable
CREATE TABLE "identities" (
    "pseudonym" TEXT NOT NULL,
    "telegram_user_id" BIGINT NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identities_pkey" PRIMARY KEY ("pseudonym")
);

-- CreateTable
CREATE TABLE "members" (
    "pseudonym" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'officer',
    "peer_supporter" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'km',
    "province" TEXT,
    "unit_type" "UnitType",
    "consented_at" TIMESTAMPTZ(3),
    "enrolled_at" TIMESTAMPTZ(3),
    "invited_by" TEXT,
    "unreachable_at" TIMESTAMPTZ(3),
    "last_active_on" DATE,
    "tip_frequency" "TipFrequency" NOT NULL DEFAULT 'three_weekly',
    "tip_time" TEXT NOT NULL DEFAULT '08:00',
    "quiet_start" TEXT NOT NULL DEFAULT '21:00',
    "quiet_end" TEXT NOT NULL DEFAULT '07:00',
    "weekly_prompt" BOOLEAN NOT NULL DEFAULT false,
    "stress_check" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("pseudonym")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "max_uses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrol_failures" (
    "id" BIGSERIAL NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrol_failures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kv_state" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kv_state_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" BIGSERIAL NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "attrs" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_jobs" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "JobKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'active',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "delivery_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'queued',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "telegram_message_id" INTEGER,
    "not_before" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tip_topics" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name_km" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "tip_topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tips" (
    "id" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text_km" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "quiz" JSONB,
    "origin" TEXT NOT NULL DEFAULT 'content',
    "created_by" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tips_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tip_views" (
    "pseudonym" TEXT NOT NULL,
    "tip_id" TEXT NOT NULL,
    "times_sent" INTEGER NOT NULL DEFAULT 1,
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL,
    "helpful" BOOLEAN NOT NULL DEFAULT false,
    "review_again" BOOLEAN NOT NULL DEFAULT false,
    "quiz_correct" BOOLEAN,

    CONSTRAINT "tip_views_pkey" PRIMARY KEY ("pseudonym","tip_id")
);

-- CreateTable
CREATE TABLE "focus_topics" (
    "pseudonym" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "marked_on" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "focus_topics_pkey" PRIMARY KEY ("pseudonym","topic_id")
);

-- CreateTable
CREATE TABLE "check_ins" (
    "id" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "status" "CheckInStatus" NOT NULL DEFAULT 'open',
    "elements" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "open_share" TEXT,
    "setting" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "feeling" INTEGER,
    "action" TEXT,
    "tried_last_action" BOOLEAN,
    "share_wanted" BOOLEAN,
    "skipped" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_activity_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "free_texts" (
    "id" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "check_in_id" TEXT,
    "text" TEXT NOT NULL,
    "created_at" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "free_texts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wellbeing_responses" (
    "pseudonym" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "score" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "wellbeing_responses_pkey" PRIMARY KEY ("pseudonym","week","source")
);

-- CreateTable
CREATE TABLE "support_requests" (
    "id" TEXT NOT NULL,
    "requester" TEXT NOT NULL,
    "supporter" TEXT,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcasts" (
    "id" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "text_km" TEXT,
    "text_en" TEXT,
    "media_kind" TEXT,
    "media_file_id" TEXT,
    "audience" JSONB NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "scheduled_at" TIMESTAMPTZ(3),
    "status" "BroadcastStatus" NOT NULL DEFAULT 'scheduled',
    "job_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "broadcasts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcast_reactions" (
    "broadcast_id" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'useful',

    CONSTRAINT "broadcast_reactions_pkey" PRIMARY KEY ("broadcast_id","pseudonym")
);

-- CreateIndex
CREATE UNIQUE INDEX "identities_telegram_user_id_key" ON "identities"("telegram_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_handle_key" ON "members"("handle");

-- CreateIndex
CREATE INDEX "members_role_idx" ON "members"("role");

-- CreateIndex
CREATE INDEX "members_tip_frequency_tip_time_idx" ON "members"("tip_frequency", "tip_time");

-- CreateIndex
CREATE UNIQUE INDEX "invites_code_hash_key" ON "invites"("code_hash");

-- CreateIndex
CREATE INDEX "enrol_failures_pseudonym_at_idx" ON "enrol_failures"("pseudonym", "at");

-- CreateIndex
CREATE INDEX "usage_events_type_occurred_at_idx" ON "usage_events"("type", "occurred_at");

-- CreateIndex
CREATE INDEX "usage_events_pseudonym_idx" ON "usage_events"("pseudonym");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_jobs_key_key" ON "delivery_jobs"("key");

-- CreateIndex
CREATE INDEX "outbox_state_not_before_idx" ON "outbox"("state", "not_before");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_job_id_recipient_key" ON "outbox"("job_id", "recipient");

-- CreateIndex
CREATE INDEX "tips_topic_id_position_idx" ON "tips"("topic_id", "position");

-- CreateIndex
CREATE INDEX "check_ins_pseudonym_week_idx" ON "check_ins"("pseudonym", "week");

-- CreateIndex
CREATE INDEX "check_ins_status_last_activity_at_idx" ON "check_ins"("status", "last_activity_at");

-- CreateIndex
CREATE INDEX "free_texts_expires_at_idx" ON "free_texts"("expires_at");

-- CreateIndex
CREATE INDEX "free_texts_pseudonym_idx" ON "free_texts"("pseudonym");

-- CreateIndex
CREATE UNIQUE INDEX "broadcasts_job_id_key" ON "broadcasts"("job_id");

-- CreateIndex
CREATE INDEX "broadcasts_status_scheduled_at_idx" ON "broadcasts"("status", "scheduled_at");

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "delivery_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcast_reactions" ADD CONSTRAINT "broadcast_reactions_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcasts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
