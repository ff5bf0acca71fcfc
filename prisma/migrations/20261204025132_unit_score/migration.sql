-- CreateTable
CREATE TABLE "unit_score" (
    "indicator_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "max_score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "unit_score_pkey" PRIMARY KEY ("indicator_id","unit_id","as_of")
);
