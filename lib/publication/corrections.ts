import "server-only";
import type { Db } from "@/lib/db/db";

/** A correction notice: a figure of a week already published changed, by whom and why. */
export type Correction = {
  auditId: bigint;
  /** The figure's date (YYYY-MM-DD): on or before a published week. */
  week: string;
  unitCode: string;
  unitName: string;
  indicator: string;
  indicatorName: string;
  indicatorNameEn: string;
  /** As the audit log holds them: { value, denominator? }; null when there was none. */
  oldValue: { value: number; denominator?: number | null } | null;
  newValue: { value: number; denominator?: number | null } | null;
  changedBy: string;
  changedAt: Date;
  /** The reason given when the week was unlocked (the unit's or a level above's); null when none was needed. */
  reason: string | null;
};

/**
 * The corrections the next edition carries, read from the audit log: every figure change
 * recorded after the previous edition's last entry (`after`) up to `upto`, whose date falls
 * on or before the latest week already published. Each cites the latest unlock of that week,
 * before the change, of the figure's unit or a level above it (the one that reopened it).
 */
export async function pendingCorrections(
  db: Db,
  range: { after: bigint; upto: bigint; publishedUpTo: Date | null },
): Promise<Correction[]> {
  if (range.publishedUpTo === null || range.upto <= range.after) return [];
  return db.$queryRaw<Correction[]>`
    SELECT a.id AS "auditId", to_char(f.as_of, 'YYYY-MM-DD') AS week, u.code AS "unitCode",
           concat_ws(' ', u.type, u.name) AS "unitName", i.code AS indicator, i.name_vi AS "indicatorName",
           i.name_en AS "indicatorNameEn", a.old_value AS "oldValue", a.new_value AS "newValue",
           a.actor AS "changedBy", a.at AS "changedAt",
           (SELECT r.new_value->>'reason' FROM audit_entry r
            WHERE r.entity = 'weekly_report' AND r.action = 'unlock' AND r.id < a.id
              AND r.new_value->>'week' = to_char(f.as_of + ((7 - extract(isodow FROM f.as_of)::int) % 7), 'YYYY-MM-DD')
              AND r.unit_id IN (u.id, u.parent_id, p.parent_id)
            ORDER BY r.id DESC LIMIT 1) AS reason
    FROM audit_entry a
    JOIN figure f ON f.id = a.entity_id
    JOIN unit u ON u.id = a.unit_id
    LEFT JOIN unit p ON p.id = u.parent_id
    JOIN indicator i ON i.id = a.indicator_id
    WHERE a.entity = 'figure' AND a.id > ${range.after}::bigint AND a.id <= ${range.upto}::bigint
      AND f.as_of <= ${range.publishedUpTo}::date
    ORDER BY a.id`;
}
