import "server-only";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import { matchesSearch, searchKey } from "@/lib/format/search-key";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { inForceOn } from "./in-force";
import { fullName } from "./units-on";

export type UnitMatch = { code: string; name: string; level: UnitLevel; parent: string | null };

/** At most this many matches come back: a picker shows a short list, the user types more. */
export const UNIT_MATCH_LIMIT = 20;

/**
 * Units in force on `on` within `scope` (a condition on `u`, the caller's rule of who may see
 * what) whose code starts with the query or whose name holds every word of it, without
 * diacritics ("ha noi" finds "Thành phố Hà Nội"); provinces first, then by code.
 */
export async function searchUnits(db: Db, scope: Sql, query: string, on: Date): Promise<UnitMatch[]> {
  const text = searchKey(query.slice(0, 100));
  if (!text) return [];
  const byCode = /^\d{1,5}$/.test(text);
  // Names are compared without diacritics in TypeScript (the database has no unaccent);
  // the units of a scope in force on one day are a few thousand at most.
  const rows = await db.$queryRaw<
    { code: string; type: string; name: string; level: UnitLevel; ptype: string | null; pname: string | null }[]
  >`
    SELECT u.code, u.type, u.name, u.level, p.type AS ptype, p.name AS pname
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
    WHERE ${scope} AND ${inForceOn("u", on)} ${byCode ? sql`AND u.code LIKE ${`${text}%`}` : sql``}
    ORDER BY u.level, u.code`;
  const matches: UnitMatch[] = [];
  for (const r of rows) {
    if (!byCode && !matchesSearch(fullName(r), text)) continue;
    matches.push({
      code: r.code,
      name: fullName(r),
      level: r.level,
      parent: r.pname ? fullName({ type: r.ptype ?? "", name: r.pname }) : null,
    });
    if (matches.length === UNIT_MATCH_LIMIT) break;
  }
  return matches;
}
