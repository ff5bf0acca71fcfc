import type { UnitLevel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/series/refresh-series";

export type UnitOnDate = {
  id: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentId: number | null;
};

/** The units the codes denote on a date (a code is reused across periods), by code. */
export async function unitsOn(db: Db, codes: string[], on: Date): Promise<Map<string, UnitOnDate>> {
  const rows = await db.$queryRawUnsafe<UnitOnDate[]>(
    `SELECT id, code, name, type, level, parent_id AS "parentId" FROM unit
     WHERE code = ANY($1::text[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
    [...new Set(codes)],
    on,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export function fullName(unit: { type: string; name: string }): string {
  return `${unit.type} ${unit.name}`;
}
