import "server-only";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import { addDays } from "@/lib/format/dates";
import { inForceOn } from "@/lib/units/in-force";

/** The latest weeks the demo leaves open: figures entered but not yet approved (live ≠ official). */
export const DEMO_OPEN_WEEKS = 2;
const DEMO_APPROVER = "demo";

/**
 * An approval history for the demo: every unit in force in a week has that week's report
 * approved, except the last DEMO_OPEN_WEEKS weeks, so the official basis trails the live one
 * as it does in practice. Replaces the demo's earlier approvals; reports made by people stay.
 * Call it before the read models are rebuilt (the official one reads these approvals).
 */
export async function approveDemoHistory(tx: Db, from: Date, until: Date): Promise<number> {
  await tx.$executeRaw`DELETE FROM weekly_report WHERE submitted_by = ${DEMO_APPROVER}`;
  const last = addDays(until, -7 * DEMO_OPEN_WEEKS);
  if (last < from) return 0;
  return tx.$executeRaw(sql`
    INSERT INTO weekly_report (unit_id, week, status, submitted_by, submitted_at, approved_by, approved_at)
    SELECT u.id, w.week, 'APPROVED', ${DEMO_APPROVER}, w.week + interval '1 day 9 hours',
           ${DEMO_APPROVER}, w.week + interval '2 days 15 hours'
    FROM generate_series(${from}::date, ${last}::date, interval '7 days') AS w(week)
    JOIN unit u ON ${inForceOn("u", sql`w.week::date`)}
    ON CONFLICT (unit_id, week) DO NOTHING`);
}
