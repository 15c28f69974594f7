-- AlterTable
ALTER TABLE "members" ALTER COLUMN "quiet_start" DROP NOT NULL,
ALTER COLUMN "quiet_start" DROP DEFAULT,
ALTER COLUMN "quiet_end" DROP NOT NULL,
ALTER COLUMN "quiet_end" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "outbox_job_id_state_idx" ON "outbox"("job_id", "state");
