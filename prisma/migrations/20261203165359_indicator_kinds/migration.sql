-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "IndicatorKind" ADD VALUE 'CHECKLIST';
ALTER TYPE "IndicatorKind" ADD VALUE 'DERIVED';
ALTER TYPE "IndicatorKind" ADD VALUE 'COMPOSITE';

-- AlterTable
ALTER TABLE "audit_entry" ALTER COLUMN "unit_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "figure" ADD COLUMN     "denominator" INTEGER;

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "bands" DECIMAL(5,2)[],
ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "denominator_id" INTEGER,
ADD COLUMN     "numerator_id" INTEGER;

-- AlterTable
ALTER TABLE "unit_series" ADD COLUMN     "denominator" BIGINT;

-- CreateTable
CREATE TABLE "indicator_component" (
    "composite_id" INTEGER NOT NULL,
    "component_id" INTEGER NOT NULL,
    "weight" DECIMAL(6,2) NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicator_component_pkey" PRIMARY KEY ("composite_id","component_id")
);

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_numerator_id_fkey" FOREIGN KEY ("numerator_id") REFERENCES "indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_denominator_id_fkey" FOREIGN KEY ("denominator_id") REFERENCES "indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_component" ADD CONSTRAINT "indicator_component_composite_id_fkey" FOREIGN KEY ("composite_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_component" ADD CONSTRAINT "indicator_component_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A numerator never exceeds its denominator (checked at entry and import; this is the floor).
ALTER TABLE "figure" ADD CONSTRAINT "figure_numerator_within_denominator"
  CHECK ("denominator" IS NULL OR ("denominator" >= 0 AND "value" <= "denominator"));
ALTER TABLE "indicator_component" ADD CONSTRAINT "indicator_component_weight_positive" CHECK ("weight" > 0);
