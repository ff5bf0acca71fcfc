import "server-only";
import { type Sql, sql } from "@/lib/db/sql";
import { inForceOn } from "@/lib/units/in-force";
import type { RankingScope } from "./ranking-scope";

// The units a ranking ranks. A unit's value and target on a date are read with the read
// model's fragments (lib/series/series-sql.ts).

/**
 * The units ranked (id, code, name): the scope's level in force on `on`, under the scope's
 * ancestor when it has one (districts of a province; communes of a district or a province).
 */
export function rankedUnits(scope: Pick<RankingScope, "level" | "parentId">, on: Date): Sql {
  const under =
    scope.parentId === null
      ? sql`TRUE`
      : // Children or grandchildren, as one array so the parent_id index finds them (an OR scans every unit).
        sql`u.parent_id = ANY(ARRAY(SELECT id FROM unit WHERE parent_id = ${scope.parentId}::int) || ${scope.parentId}::int)`;
  return sql`SELECT u.id, u.code, u.name FROM unit u
    WHERE u.level = ${scope.level}::"UnitLevel" AND ${inForceOn("u", on)} AND ${under}`;
}
