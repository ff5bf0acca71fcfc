import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PROVINCES_BEFORE_2025, PROVINCES_FROM_2025, type ProvinceReference } from "@/lib/units/province-reference";
import { STRUCTURE_34_FROM, STRUCTURE_63_FROM, STRUCTURE_63_TO } from "@/lib/units/structures";

/** Writes both province lists; running it again changes nothing. Returns rows inserted. */
export async function seedProvinces(prisma: PrismaClient): Promise<number> {
  const rows = [
    ...PROVINCES_BEFORE_2025.map((p) => toRow(p, STRUCTURE_63_FROM, STRUCTURE_63_TO)),
    ...PROVINCES_FROM_2025.map((p) => toRow(p, STRUCTURE_34_FROM, null)),
  ];
  const { count } = await prisma.unit.createMany({ data: rows, skipDuplicates: true });
  return count;
}

function toRow(p: ProvinceReference, validFrom: Date, validTo: Date | null) {
  return { code: p.code, level: "PROVINCE" as const, type: p.type, name: p.name, nameEn: p.nameEn, validFrom, validTo };
}
