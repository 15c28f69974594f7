-- CreateEnum
CREATE TYPE "PeerStatus" AS ENUM ('requested', 'open', 'ended', 'withdrawn', 'timed_out', 'declined');

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "peer_night" BOOLEAN NOT NULL DEFAULT false;

-- DropTable
DROP TABLE "support_requests";

-- CreateTable
CREATE TABLE "peer_conversations" (
    "id" TEXT NOT NULL,
    "requester" TEXT NOT NULL,
    "supporter" TEXT,
    "requester_alias" TEXT NOT NULL,
    "supporter_alias" TEXT,
    "status" "PeerStatus" NOT NULL DEFAULT 'requested',
    "source" TEXT NOT NULL,
    "night" BOOLEAN NOT NULL DEFAULT false,
    "requested_on" DATE NOT NULL,
    "opened_on" DATE,
    "closed_on" DATE,
    "ended_by" TEXT,
    "notified" INTEGER NOT NULL DEFAULT 0,
    "declines" INTEGER NOT NULL DEFAULT 0,
    "requester_messages" INTEGER NOT NULL DEFAULT 0,
    "supporter_messages" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3),
    "requester_last_message" INTEGER,
    "supporter_last_message" INTEGER,

    CONSTRAINT "peer_conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peer_blocks" (
    "blocker" TEXT NOT NULL,
    "blocked" TEXT NOT NULL,
    "created_on" DATE NOT NULL,

    CONSTRAINT "peer_blocks_pkey" PRIMARY KEY ("blocker","blocked")
);

-- CreateIndex
CREATE INDEX "peer_conversations_requester_status_idx" ON "peer_conversations"("requester", "status");

-- CreateIndex
CREATE INDEX "peer_conversations_supporter_status_idx" ON "peer_conversations"("supporter", "status");

-- CreateIndex
CREATE INDEX "peer_conversations_status_expires_at_idx" ON "peer_conversations"("status", "expires_at");

-- CreateIndex
CREATE INDEX "peer_blocks_blocked_idx" ON "peer_blocks"("blocked");
