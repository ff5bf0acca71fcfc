-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");
