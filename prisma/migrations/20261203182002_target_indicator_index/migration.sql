-- CreateIndex
CREATE INDEX "target_indicator_id_idx" ON "target"("indicator_id");
