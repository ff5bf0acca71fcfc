import "server-only";
import type { Db } from "@/lib/db/db";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { inForceOn } from "@/lib/units/in-force";

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
  const rows = await db.$queryRaw<UnitOnDate[]>`
    SELECT id, code, name, type, level, parent_id AS "parentId" FROM unit
    WHERE code = ANY(${[...new Set(codes)]}::text[]) AND ${inForceOn("unit", on)}`;
  return new Map(rows.map((r) => [r.code, r]));
}

export type UnitOfCode = UnitOnDate & { parentCode: string | null };

/**
 * The unit a code names for a page, an export or a filter: its period in force on `on`, else
 * its latest one (a unit page of a commune merged in 2025 still opens); null when none.
 */
export async function unitByCode(db: Db, code: string, on: Date): Promise<UnitOfCode | null> {
  const rows = await db.$queryRaw<UnitOfCode[]>`
    SELECT u.id, u.code, u.name, u.type, u.level, u.parent_id AS "parentId", p.code AS "parentCode"
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
    WHERE u.code = ${code}
    ORDER BY ${inForceOn("u", on)} DESC, u.valid_from DESC LIMIT 1`;
  return rows[0] ?? null;
}

export function fullName(unit: { type: string; name: string }): string {
  return `${unit.type} ${unit.name}`;
}
