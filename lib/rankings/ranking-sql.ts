import "server-only";
import { ident, join, type Sql, sql } from "@/lib/db/sql";
import { inForceOn } from "@/lib/units/in-force";
import type { RankingScope } from "./ranking-scope";

// The building blocks of every ranking query. A unit's value on a date is its latest point
// in the unit_series read model; its target is the latest one assigned by that date. A new
// kind of indicator changes what these read, here and nowhere else.

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

/** The unit's latest point of the indicator at or before `on`: a subquery for LATERAL joins. */
export function latestPoint(unitId: string, indicatorId: number | Sql, on: Date | Sql, columns = ["value"]): Sql {
  return sql`SELECT ${join(columns.map(ident), ", ")} FROM unit_series
    WHERE indicator_id = ${indicatorId}::int AND unit_id = ${ident(unitId)} AND as_of <= ${on}::date
    ORDER BY as_of DESC LIMIT 1`;
}

/** The unit's target in force on `on` (the latest assigned by then): a subquery for LATERAL joins. */
export function targetInForce(unitId: string, indicatorId: number | Sql, on: Date | Sql): Sql {
  return sql`SELECT value, deadline FROM target
    WHERE unit_id = ${ident(unitId)} AND indicator_id = ${indicatorId}::int AND assigned_on <= ${on}::date
    ORDER BY assigned_on DESC LIMIT 1`;
}
