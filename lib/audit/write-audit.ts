import "server-only";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";

// The one writer of audit entries. Every change to a figure, target, report or account is
// recorded with it, in the transaction that makes the change.

/** One change: what was there before (null when it was created) and what is there now. */
export type AuditRecord = {
  action: string;
  entity:
    | "figure"
    | "target"
    | "weekly_report"
    | "indicator"
    | "user"
    | "quality_check"
    | "reference_import"
    | "discrepancy"
    | "publication";
  entityId: number;
  /** Null for changes that concern no unit (an indicator's definition, a national account). */
  unitId: number | null;
  /** Null for changes that concern a whole week. */
  indicatorId: number | null;
  oldValue: unknown;
  newValue: unknown;
};

/**
 * `INSERT INTO audit_entry …` from a query selecting, in this order: actor, action, entity,
 * entity_id, unit_id, indicator_id, old_value, new_value, request_id. For bulk writes that
 * audit what a CTE of the same statement wrote (file imports, demo data).
 */
export function insertAuditFrom(rows: Sql): Sql {
  return sql`INSERT INTO audit_entry (actor, action, entity, entity_id, unit_id, indicator_id, old_value, new_value, request_id)
    ${rows}`;
}

/** "create" for a row that did not exist, else "update", as SQL on whether the old row's id is null. */
export function createOrUpdate(oldId: Sql): Sql {
  return sql`CASE WHEN ${oldId} IS NULL THEN 'create' ELSE 'update' END`;
}

export async function writeAudit(
  tx: Db,
  by: { actor: string; requestId: string | null },
  records: AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  await tx.$executeRaw(
    insertAuditFrom(sql`SELECT ${by.actor}, a.action, a.entity, a.entity_id, a.unit_id, a.indicator_id,
             a.old_value, a.new_value, ${by.requestId}
      FROM unnest(${records.map((r) => r.action)}::text[], ${records.map((r) => r.entity)}::text[],
                  ${records.map((r) => r.entityId)}::int[], ${records.map((r) => r.unitId)}::int[],
                  ${records.map((r) => r.indicatorId)}::int[], ${records.map((r) => json(r.oldValue))}::jsonb[],
                  ${records.map((r) => json(r.newValue))}::jsonb[])
        AS a(action, entity, entity_id, unit_id, indicator_id, old_value, new_value)`),
  );
}
