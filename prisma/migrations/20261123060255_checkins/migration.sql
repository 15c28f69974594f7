-- AlterTable
ALTER TABLE "check_ins" ADD COLUMN     "ordinal" INTEGER NOT NULL DEFAULT 0;
