-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "entered_from" DATE,
ADD COLUMN     "retired_on" DATE,
ADD COLUMN     "retired_reason" TEXT;

-- A retirement always says why; restoring clears both.
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_retired_with_reason"
  CHECK (("retired_on" IS NULL) = ("retired_reason" IS NULL));
