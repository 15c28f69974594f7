-- CreateEnum
CREATE TYPE "PracticeState" AS ENUM ('pending', 'edited_pending_author', 'approved', 'published', 'hidden', 'rejected', 'expired');

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "practice_digest" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "practice_notes" (
    "id" TEXT NOT NULL,
    "author" TEXT,
    "topic_id" TEXT NOT NULL,
    "situation" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT,
    "proposed" JSONB,
    "state" "PracticeState" NOT NULL DEFAULT 'pending',
    "waiting_since" TIMESTAMPTZ(3),
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "reported_since" TIMESTAMPTZ(3),
    "published_month" DATE,
    "useful_told" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "practice_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practice_reactions" (
    "note_id" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "practice_reactions_pkey" PRIMARY KEY ("note_id","pseudonym","kind")
);

-- CreateIndex
CREATE INDEX "practice_notes_state_waiting_since_idx" ON "practice_notes"("state", "waiting_since");

-- CreateIndex
CREATE INDEX "practice_notes_author_idx" ON "practice_notes"("author");

-- CreateIndex
CREATE INDEX "practice_reactions_pseudonym_kind_day_idx" ON "practice_reactions"("pseudonym", "kind", "day");

-- AddForeignKey
ALTER TABLE "practice_reactions" ADD CONSTRAINT "practice_reactions_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "practice_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
