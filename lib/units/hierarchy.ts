import "server-only";
import { ident, type Sql, sql } from "@/lib/db/sql";

/**
 * The ids of the units matching `roots` and of everything below them, as a subquery:
 * `a.unit_id IN ${unitAndBelow(sql`id = ${id}::int`)}`.
 */
export function unitAndBelow(roots: Sql): Sql {
  return sql`(WITH RECURSIVE down AS (
      SELECT id FROM unit WHERE ${roots}
      UNION ALL SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id
    ) SELECT id FROM down)`;
}

/** `alias` is directly below `unitId`, or at the top level (a province) when it is null. */
export function childOf(alias: string, unitId: number | null): Sql {
  return unitId === null ? sql`${ident(alias)}.parent_id IS NULL` : sql`${ident(alias)}.parent_id = ${unitId}::int`;
}
