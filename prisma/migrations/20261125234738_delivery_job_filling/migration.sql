-- AlterTable
ALTER TABLE "delivery_jobs" ADD COLUMN     "filling" BOOLEAN NOT NULL DEFAULT false;
