-- AlterTable
ALTER TABLE "tips" ADD COLUMN     "archived_by" TEXT;
