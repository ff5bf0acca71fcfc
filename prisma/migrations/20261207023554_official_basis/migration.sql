-- CreateTable
CREATE TABLE "official_series" (
    "indicator_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "value" BIGINT NOT NULL,
    "denominator" BIGINT,
    "own_value" BIGINT,
    "children_sum" BIGINT,
    "peak" BIGINT NOT NULL,

    CONSTRAINT "official_series_pkey" PRIMARY KEY ("indicator_id","unit_id","as_of")
);

-- CreateTable
CREATE TABLE "official_score" (
    "indicator_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "max_score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "official_score_pkey" PRIMARY KEY ("indicator_id","unit_id","as_of")
);

-- CreateIndex
CREATE INDEX "official_series_indicator_id_unit_id_peak_as_of_idx" ON "official_series"("indicator_id", "unit_id", "peak", "as_of");
