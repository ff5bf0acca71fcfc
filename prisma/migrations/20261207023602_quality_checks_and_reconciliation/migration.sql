-- CreateEnum
CREATE TYPE "DiscrepancyStatus" AS ENUM ('OPEN', 'EXPLAINED', 'CORRECTED');

-- CreateTable
CREATE TABLE "quality_check" (
    "id" SERIAL NOT NULL,
    "week" DATE NOT NULL,
    "flag_key" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "checked_by" TEXT NOT NULL,
    "checked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_import" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_figure" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "import_id" INTEGER NOT NULL,

    CONSTRAINT "reference_figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancy" (
    "id" SERIAL NOT NULL,
    "week" DATE NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "entered" BIGINT,
    "reference" INTEGER NOT NULL,
    "tolerance_absolute" INTEGER NOT NULL,
    "tolerance_percent" INTEGER NOT NULL,
    "status" "DiscrepancyStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discrepancy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "quality_check_unit_id_week_idx" ON "quality_check"("unit_id", "week");

-- CreateIndex
CREATE UNIQUE INDEX "quality_check_week_flag_key_key" ON "quality_check"("week", "flag_key");

-- CreateIndex
CREATE INDEX "reference_figure_as_of_idx" ON "reference_figure"("as_of");

-- CreateIndex
CREATE UNIQUE INDEX "reference_figure_unit_id_indicator_id_as_of_key" ON "reference_figure"("unit_id", "indicator_id", "as_of");

-- CreateIndex
CREATE INDEX "discrepancy_week_status_idx" ON "discrepancy"("week", "status");

-- CreateIndex
CREATE UNIQUE INDEX "discrepancy_unit_id_indicator_id_as_of_key" ON "discrepancy"("unit_id", "indicator_id", "as_of");

-- AddForeignKey
ALTER TABLE "quality_check" ADD CONSTRAINT "quality_check_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_figure" ADD CONSTRAINT "reference_figure_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_figure" ADD CONSTRAINT "reference_figure_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy" ADD CONSTRAINT "discrepancy_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy" ADD CONSTRAINT "discrepancy_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
