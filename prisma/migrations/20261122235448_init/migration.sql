-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(5) NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unit_parent_id_idx" ON "unit"("parent_id");

-- CreateIndex
CREATE INDEX "unit_level_valid_from_valid_to_idx" ON "unit"("level", "valid_from", "valid_to");

-- CreateIndex
CREATE UNIQUE INDEX "unit_level_code_valid_from_key" ON "unit"("level", "code", "valid_from");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
