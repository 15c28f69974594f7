-- AlterTable
ALTER TABLE "broadcasts" ADD COLUMN     "entities_en" JSONB,
ADD COLUMN     "entities_km" JSONB,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "progress_message_id" INTEGER,
ADD COLUMN     "started_at" TIMESTAMPTZ(3);
