import "server-only";
import { ident, join, type Sql, sql } from "@/lib/db/sql";
import { type Basis, readModel } from "./bases";

// The building blocks every read of the read model shares. A unit's value on a date is its
// latest point in unit_series; its target is the latest one assigned by that date. A new kind
// of indicator changes what these read, here and nowhere else.

/** The unit's latest point of the indicator at or before `on` on a basis: a subquery for LATERAL joins. */
export function latestPoint(
  basis: Basis,
  unitId: string,
  indicatorId: number | Sql,
  on: Date | Sql,
  columns = ["value"],
): Sql {
  return sql`SELECT ${join(columns.map(ident), ", ")} FROM ${readModel(basis).series}
    WHERE indicator_id = ${indicatorId}::int AND unit_id = ${ident(unitId)} AND as_of <= ${on}::date
    ORDER BY as_of DESC LIMIT 1`;
}

/** The unit's target in force on `on` (the latest assigned by then): a subquery for LATERAL joins. */
export function targetInForce(unitId: string, indicatorId: number | Sql, on: Date | Sql): Sql {
  return sql`SELECT value, deadline FROM target
    WHERE unit_id = ${ident(unitId)} AND indicator_id = ${indicatorId}::int AND assigned_on <= ${on}::date
    ORDER BY assigned_on DESC LIMIT 1`;
}
