-- CreateTable
CREATE TABLE "publication" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "audit_upto" BIGINT NOT NULL,
    "data_version" BIGINT NOT NULL,

    CONSTRAINT "publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publication_ranking" (
    "publication_id" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent" TEXT NOT NULL,
    "header" JSONB NOT NULL,

    CONSTRAINT "publication_ranking_pkey" PRIMARY KEY ("publication_id","indicator","level","parent")
);

-- CreateTable
CREATE TABLE "publication_item" (
    "publication_id" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "rank" INTEGER,
    "item" JSONB NOT NULL,

    CONSTRAINT "publication_item_pkey" PRIMARY KEY ("publication_id","indicator","level","parent","position")
);

-- CreateTable
CREATE TABLE "publication_correction" (
    "publication_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "audit_id" BIGINT NOT NULL,
    "week" DATE NOT NULL,
    "unit_code" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "indicator_name" TEXT NOT NULL,
    "indicator_name_en" TEXT NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,

    CONSTRAINT "publication_correction_pkey" PRIMARY KEY ("publication_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "publication_number_key" ON "publication"("number");

-- CreateIndex
CREATE INDEX "publication_week_idx" ON "publication"("week");

-- AddForeignKey
ALTER TABLE "publication_ranking" ADD CONSTRAINT "publication_ranking_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_item" ADD CONSTRAINT "publication_item_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_correction" ADD CONSTRAINT "publication_correction_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A published edition is immutable for every database role, the application's included: what
-- was published stays as it was; a change is a new edition carrying a correction notice.
CREATE FUNCTION publication_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed (publish a new edition instead)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER publication_no_update_delete BEFORE UPDATE OR DELETE ON "publication"
  FOR EACH ROW EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_no_truncate BEFORE TRUNCATE ON "publication"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_ranking_no_update_delete BEFORE UPDATE OR DELETE ON "publication_ranking"
  FOR EACH ROW EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_ranking_no_truncate BEFORE TRUNCATE ON "publication_ranking"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_item_no_update_delete BEFORE UPDATE OR DELETE ON "publication_item"
  FOR EACH ROW EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_item_no_truncate BEFORE TRUNCATE ON "publication_item"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_correction_no_update_delete BEFORE UPDATE OR DELETE ON "publication_correction"
  FOR EACH ROW EXECUTE FUNCTION publication_is_immutable();
CREATE TRIGGER publication_correction_no_truncate BEFORE TRUNCATE ON "publication_correction"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON "publication", "publication_ranking", "publication_item", "publication_correction" FROM PUBLIC;
