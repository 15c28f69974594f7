-- AlterTable
ALTER TABLE "check_ins" ADD COLUMN     "setting_answered" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "summary_digest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "unit_room" TEXT;

-- CreateTable
CREATE TABLE "officer_weeks" (
    "pseudonym" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "interactions" INTEGER NOT NULL DEFAULT 0,
    "tips_sent" INTEGER NOT NULL DEFAULT 0,
    "tip_presses" INTEGER NOT NULL DEFAULT 0,
    "quiz_answered" INTEGER NOT NULL DEFAULT 0,
    "quiz_correct" INTEGER NOT NULL DEFAULT 0,
    "tips_paused" INTEGER NOT NULL DEFAULT 0,
    "checkins_direct" INTEGER NOT NULL DEFAULT 0,
    "checkins_weekly" INTEGER NOT NULL DEFAULT 0,
    "interviews_reported" INTEGER NOT NULL DEFAULT 0,
    "sisq_prompted" INTEGER NOT NULL DEFAULT 0,
    "support_offered" INTEGER NOT NULL DEFAULT 0,
    "support_accepted" INTEGER NOT NULL DEFAULT 0,
    "practice_approved" INTEGER NOT NULL DEFAULT 0,
    "checkins_done" INTEGER NOT NULL DEFAULT 0,
    "q1_answered" INTEGER NOT NULL DEFAULT 0,
    "adh_ground_rules" INTEGER NOT NULL DEFAULT 0,
    "adh_rapport" INTEGER NOT NULL DEFAULT 0,
    "adh_practice_narrative" INTEGER NOT NULL DEFAULT 0,
    "adh_transition" INTEGER NOT NULL DEFAULT 0,
    "adh_closure" INTEGER NOT NULL DEFAULT 0,
    "q3_room_asked" INTEGER NOT NULL DEFAULT 0,
    "adh_room" INTEGER NOT NULL DEFAULT 0,
    "q3_breaks_asked" INTEGER NOT NULL DEFAULT 0,
    "adh_breaks" INTEGER NOT NULL DEFAULT 0,
    "q3_recording_asked" INTEGER NOT NULL DEFAULT 0,
    "adh_recording" INTEGER NOT NULL DEFAULT 0,
    "q3_interpreters_asked" INTEGER NOT NULL DEFAULT 0,
    "adh_interpreters" INTEGER NOT NULL DEFAULT 0,
    "open_most" INTEGER NOT NULL DEFAULT 0,
    "open_answered" INTEGER NOT NULL DEFAULT 0,
    "tried_yes" INTEGER NOT NULL DEFAULT 0,
    "tried_asked" INTEGER NOT NULL DEFAULT 0,
    "share_last" INTEGER,

    CONSTRAINT "officer_weeks_pkey" PRIMARY KEY ("pseudonym","week")
);

-- CreateTable
CREATE TABLE "metric_rollups" (
    "name" TEXT NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metric_rollups_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "officer_weeks_week_idx" ON "officer_weeks"("week");

-- CreateIndex
CREATE INDEX "check_ins_week_idx" ON "check_ins"("week");

-- CreateIndex
CREATE INDEX "usage_events_occurred_at_idx" ON "usage_events"("occurred_at");
