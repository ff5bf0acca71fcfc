-- CreateTable
CREATE TABLE "province_map" (
    "structure" TEXT NOT NULL,
    "object_name" TEXT NOT NULL,
    "topology" JSONB NOT NULL,
    "provinces" INTEGER NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "province_map_pkey" PRIMARY KEY ("structure")
);
