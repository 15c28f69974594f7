-- CreateTable
CREATE TABLE "update_claims" (
    "update_id" BIGINT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "update_claims_pkey" PRIMARY KEY ("update_id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "job" TEXT NOT NULL,
    "tick" TIMESTAMPTZ(3) NOT NULL,
    "owner" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "beat_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "ok" BOOLEAN,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job","tick")
);

-- CreateIndex
CREATE INDEX "update_claims_claimed_at_idx" ON "update_claims"("claimed_at");

-- CreateIndex
CREATE INDEX "job_runs_job_finished_at_idx" ON "job_runs"("job", "finished_at");
