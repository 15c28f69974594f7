-- CreateIndex
CREATE INDEX "delivery_jobs_status_idx" ON "delivery_jobs"("status");

-- CreateIndex
CREATE INDEX "enrol_failures_at_idx" ON "enrol_failures"("at");

-- CreateIndex
CREATE INDEX "kv_state_updated_at_idx" ON "kv_state"("updated_at");

-- CreateIndex
CREATE INDEX "outbox_state_updated_at_idx" ON "outbox"("state", "updated_at");
