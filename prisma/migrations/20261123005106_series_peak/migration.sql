-- AlterTable: unit_series is derived data, so existing rows get their peak computed here.
ALTER TABLE "unit_series" ADD COLUMN "peak" BIGINT;

UPDATE "unit_series" s SET "peak" = x.peak
FROM (
  SELECT indicator_id, unit_id, as_of,
         max(value) OVER (PARTITION BY indicator_id, unit_id ORDER BY as_of) AS peak
  FROM "unit_series"
) x
WHERE s.indicator_id = x.indicator_id AND s.unit_id = x.unit_id AND s.as_of = x.as_of;

ALTER TABLE "unit_series" ALTER COLUMN "peak" SET NOT NULL;

-- CreateIndex
CREATE INDEX "unit_series_indicator_id_unit_id_peak_as_of_idx" ON "unit_series"("indicator_id", "unit_id", "peak", "as_of");
