import "server-only";
import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inForceWhere } from "./in-force";

export type ProvinceRow = { code: string; name: string; type: string };

/** Provinces in force on `asOf` (63 before 1 July 2025, 34 from then on), by GSO code. */
export const listProvinces = cache(async (prisma: PrismaClient, asOf: Date): Promise<ProvinceRow[]> => {
  return prisma.unit.findMany({
    where: { level: "PROVINCE", ...inForceWhere(asOf) },
    select: { code: true, name: true, type: true },
    orderBy: { code: "asc" },
  });
});
