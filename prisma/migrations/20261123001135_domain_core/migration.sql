-- CreateEnum
CREATE TYPE "SuccessorKind" AS ENUM ('FULL', 'PARTIAL');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('STOCK', 'CUMULATIVE', 'RATIO');

-- CreateTable
CREATE TABLE "unit_successor" (
    "predecessor_id" INTEGER NOT NULL,
    "successor_id" INTEGER NOT NULL,
    "kind" "SuccessorKind" NOT NULL,

    CONSTRAINT "unit_successor_pkey" PRIMARY KEY ("predecessor_id","successor_id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "directive" TEXT NOT NULL,
    "assigned_on" DATE NOT NULL,
    "assigned_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "figure" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "entered_by" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_series" (
    "indicator_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "value" BIGINT NOT NULL,
    "own_value" BIGINT,
    "children_sum" BIGINT,

    CONSTRAINT "unit_series_pkey" PRIMARY KEY ("indicator_id","unit_id","as_of")
);

-- CreateIndex
CREATE INDEX "unit_successor_successor_id_idx" ON "unit_successor"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE UNIQUE INDEX "target_unit_id_indicator_id_assigned_on_key" ON "target"("unit_id", "indicator_id", "assigned_on");

-- CreateIndex
CREATE UNIQUE INDEX "figure_unit_id_indicator_id_as_of_key" ON "figure"("unit_id", "indicator_id", "as_of");

-- CreateIndex
CREATE INDEX "audit_entry_unit_id_indicator_id_at_idx" ON "audit_entry"("unit_id", "indicator_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_at_idx" ON "audit_entry"("actor", "at");

-- AddForeignKey
ALTER TABLE "unit_successor" ADD CONSTRAINT "unit_successor_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_successor" ADD CONSTRAINT "unit_successor_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Core indicators of Đề án 06 (more are added as data, not code)
INSERT INTO "indicator" ("code", "name_vi", "name_en", "kind", "higher_is_better", "sort_order") VALUES
  ('CCCD_ELIGIBLE', 'Công dân đủ điều kiện cấp CCCD', 'Citizens eligible for a chip ID card', 'STOCK', true, 10),
  ('CCCD_INTAKE', 'Hồ sơ cấp CCCD gắn chip đã thu nhận', 'Chip ID-card applications received', 'CUMULATIVE', true, 20),
  ('CCCD_ISSUED', 'Thẻ CCCD đã cấp', 'Chip ID cards issued', 'CUMULATIVE', true, 30),
  ('VNEID_L2_INTAKE', 'Hồ sơ định danh điện tử mức 2 đã thu nhận', 'Level-2 e-ID applications received', 'CUMULATIVE', true, 40),
  ('VNEID_L2_ACTIVATED', 'Tài khoản định danh điện tử mức 2 đã kích hoạt', 'Level-2 e-ID accounts activated', 'CUMULATIVE', true, 50),
  ('VNEID_L1_ACTIVATED', 'Tài khoản định danh điện tử mức 1 đã kích hoạt', 'Level-1 e-ID accounts activated', 'CUMULATIVE', true, 60);
