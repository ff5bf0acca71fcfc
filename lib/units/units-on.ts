import "server-only";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
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

/** A unit period with its parent's code and the dates it is in force. */
export type UnitOfCode = UnitOnDate & { parentCode: string | null; validFrom: Date; validTo: Date | null };

const UNIT_OF_CODE = sql`SELECT u.id, u.code, u.name, u.type, u.level, u.parent_id AS "parentId", p.code AS "parentCode",
    u.valid_from AS "validFrom", u.valid_to AS "validTo"
  FROM unit u LEFT JOIN unit p ON p.id = u.parent_id`;

/**
 * The unit a code names for a page, an export or a filter: its period in force on `on`, else
 * its latest one (a unit page of a commune merged in 2025 still opens); null when none.
 */
export async function unitByCode(db: Db, code: string, on: Date): Promise<UnitOfCode | null> {
  const rows = await db.$queryRaw<UnitOfCode[]>`
    ${UNIT_OF_CODE} WHERE u.code = ${code} ORDER BY ${inForceOn("u", on)} DESC, u.valid_from DESC LIMIT 1`;
  return rows[0] ?? null;
}

/** The unit period with this id (a user's own unit), in the same shape as unitByCode. */
export async function unitById(db: Db, id: number): Promise<UnitOfCode | null> {
  const rows = await db.$queryRaw<UnitOfCode[]>`${UNIT_OF_CODE} WHERE u.id = ${id}::int`;
  return rows[0] ?? null;
}

export function fullName(unit: { type: string; name: string }): string {
  return `${unit.type} ${unit.name}`;
}
