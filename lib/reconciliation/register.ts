import "server-only";
import { type AuditRecord, writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import { addDays, isoDate, sundayOnOrBefore } from "@/lib/format/dates";
import { type Tolerance, withinTolerance } from "./tolerance";

// The discrepancy register: reference counts compared with what the ranking used (the unit's
// value in unit_series as of the reference's date: its own latest figure, or its children's
// sum), kept per unit, indicator and date with a status. Entered figures are never written.

/** One comparison outside the tolerance, as the CLI prints it and the JSON names it. */
export type Discrepancy = {
  unit: string;
  indicator: string;
  asOf: string;
  /** What the ranking used; null when nothing was entered. */
  entered: number | null;
  reference: number;
  /** entered − reference; null when nothing was entered. */
  difference: number | null;
};

type Compared = Discrepancy & { unitId: number; indicatorId: number };

/** The entered value beside each reference row matching `where` (an alias r of reference_figure). */
async function compare(db: Db, where: Sql): Promise<Compared[]> {
  const rows = await db.$queryRaw<
    {
      unit_id: number;
      code: string;
      indicator_id: number;
      indicator: string;
      as_of: Date;
      reference: number;
      entered: bigint | null;
    }[]
  >`
    SELECT r.unit_id, u.code, r.indicator_id, i.code AS indicator, r.as_of, r.value AS reference,
           (SELECT s.value FROM unit_series s
             WHERE s.indicator_id = r.indicator_id AND s.unit_id = r.unit_id AND s.as_of <= r.as_of
             ORDER BY s.as_of DESC LIMIT 1) AS entered
    FROM reference_figure r JOIN unit u ON u.id = r.unit_id JOIN indicator i ON i.id = r.indicator_id
    WHERE ${where}
    ORDER BY u.code, i.sort_order, i.code, r.as_of`;
  return rows.map((r) => {
    const entered = r.entered === null ? null : Number(r.entered);
    return {
      unitId: r.unit_id,
      indicatorId: r.indicator_id,
      unit: r.code,
      indicator: r.indicator,
      asOf: isoDate(r.as_of),
      entered,
      reference: r.reference,
      difference: entered === null ? null : entered - r.reference,
    };
  });
}

const weekOf = (asOf: string) => {
  const day = new Date(`${asOf}T00:00:00Z`);
  return day.getUTCDay() === 0 ? day : addDays(sundayOnOrBefore(day), 7);
};

/**
 * Compares the rows of one imported extract with the entered figures and brings the register
 * up to date: a discrepancy outside the tolerance is opened (or reopened if it had been
 * corrected); each opening is audited. Returns the discrepancies of the extract.
 */
export async function reconcileImport(
  tx: Db,
  importId: number,
  tolerance: Tolerance,
  by: { actor: string; requestId: string | null },
): Promise<Discrepancy[]> {
  const compared = await compare(tx, sql`r.import_id = ${importId}::int`);
  const outside = compared.filter((c) => !withinTolerance(c.entered, c.reference, tolerance));
  if (outside.length) {
    const written = await tx.$queryRaw<{ id: number; unit_id: number; indicator_id: number; opened: boolean }[]>`
      WITH input AS (
        SELECT * FROM unnest(${outside.map((c) => c.unitId)}::int[], ${outside.map((c) => c.indicatorId)}::int[],
                             ${outside.map((c) => c.asOf)}::date[], ${outside.map((c) => weekOf(c.asOf))}::date[],
                             ${outside.map((c) => c.entered)}::bigint[], ${outside.map((c) => c.reference)}::int[])
          AS t(unit_id, indicator_id, as_of, week, entered, reference)
      ),
      before AS (SELECT d.unit_id, d.indicator_id, d.as_of, d.status FROM discrepancy d JOIN input USING (unit_id, indicator_id, as_of))
      INSERT INTO discrepancy AS d (week, unit_id, indicator_id, as_of, entered, reference, tolerance_absolute, tolerance_percent, updated_by)
      SELECT week, unit_id, indicator_id, as_of, entered, reference, ${tolerance.absolute}::int,
             ${tolerance.percentHundredths}::int, ${by.actor} FROM input
      ON CONFLICT (unit_id, indicator_id, as_of) DO UPDATE
        SET entered = EXCLUDED.entered, reference = EXCLUDED.reference,
            tolerance_absolute = EXCLUDED.tolerance_absolute, tolerance_percent = EXCLUDED.tolerance_percent,
            status = CASE WHEN d.status = 'CORRECTED' THEN 'OPEN'::"DiscrepancyStatus" ELSE d.status END,
            updated_by = EXCLUDED.updated_by, updated_at = now()
      RETURNING d.id, d.unit_id, d.indicator_id,
        NOT EXISTS (SELECT 1 FROM before b WHERE b.unit_id = d.unit_id AND b.indicator_id = d.indicator_id
                     AND b.as_of = d.as_of AND b.status <> 'CORRECTED') AS opened`;
    const byKey = new Map(outside.map((c) => [`${c.unitId}:${c.indicatorId}`, c]));
    await writeAudit(
      tx,
      by,
      written
        .filter((w) => w.opened)
        .map(
          (w): AuditRecord => ({
            action: "open",
            entity: "discrepancy",
            entityId: w.id,
            unitId: w.unit_id,
            indicatorId: w.indicator_id,
            oldValue: null,
            newValue: { status: "OPEN", ...byKey.get(`${w.unit_id}:${w.indicator_id}`), tolerance },
          }),
        ),
    );
  }
  return outside.map(({ unitId: _u, indicatorId: _i, ...d }) => d);
}

/**
 * Marks CORRECTED every open or explained discrepancy whose entered figure has since been
 * changed (by its owner's normal, audited save) and now agrees within the tolerance it was
 * found with; each change of status is audited. Returns how many were corrected.
 */
export async function detectCorrections(tx: Db, actor: string): Promise<number> {
  const open = await tx.$queryRaw<
    {
      id: number;
      unit_id: number;
      indicator_id: number;
      stored: bigint | null;
      reference: number;
      tolerance_absolute: number;
      tolerance_percent: number;
      entered: bigint | null;
    }[]
  >`
    SELECT d.id, d.unit_id, d.indicator_id, d.entered AS stored, d.reference, d.tolerance_absolute, d.tolerance_percent,
           (SELECT s.value FROM unit_series s
             WHERE s.indicator_id = d.indicator_id AND s.unit_id = d.unit_id AND s.as_of <= d.as_of
             ORDER BY s.as_of DESC LIMIT 1) AS entered
    FROM discrepancy d WHERE d.status IN ('OPEN', 'EXPLAINED')
    FOR UPDATE OF d SKIP LOCKED`;
  const corrected = open.filter((d) => {
    const entered = d.entered === null ? null : Number(d.entered);
    const tolerance = { absolute: d.tolerance_absolute, percentHundredths: d.tolerance_percent };
    return (
      entered !== (d.stored === null ? null : Number(d.stored)) && withinTolerance(entered, d.reference, tolerance)
    );
  });
  if (!corrected.length) return 0;
  await tx.$executeRaw`
    UPDATE discrepancy d SET status = 'CORRECTED', entered = c.entered, updated_by = ${actor}, updated_at = now()
    FROM unnest(${corrected.map((c) => c.id)}::int[], ${corrected.map((c) => c.entered)}::bigint[]) AS c(id, entered)
    WHERE d.id = c.id`;
  await writeAudit(
    tx,
    { actor, requestId: null },
    corrected.map((c) => ({
      action: "correct",
      entity: "discrepancy",
      entityId: c.id,
      unitId: c.unit_id,
      indicatorId: c.indicator_id,
      oldValue: { entered: c.stored === null ? null : Number(c.stored) },
      newValue: { status: "CORRECTED", entered: Number(c.entered), reference: c.reference },
    })),
  );
  return corrected.length;
}
