import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import { addDays, isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { REFERENCE_COLUMNS } from "@/lib/reconciliation/import-reference";
import { runReconciliation } from "@/lib/reconciliation/run-reconciliation";
import { refreshSeries } from "@/lib/series/refresh-series";
import { readTable } from "@/lib/tables/read-table";
import { inForceOn } from "@/lib/units/in-force";

// What the data-quality page and the reconciliation register show on a fresh install: two
// communes of Hà Nội with a flagged week (a typo's extra zero the week before last, a value
// copied forward for three weeks), and an extract of the system of record for Hà Nội's
// communes in which a few disagree. Kept off the communes the browser tests work on.

const PROVINCE = "01";
/** The reference extract's source, as C06 names its system. */
const SOURCE = "CSDLQG về dân cư (mẫu)";

export async function seedQualityDemo(prisma: PrismaClient): Promise<{ flagged: number; reference: number }> {
  const latest = sundayOnOrBefore(todayInVietnam());
  const communes = await prisma.$queryRaw<{ id: number; code: string }[]>`
    SELECT c.id, c.code FROM unit c JOIN unit p ON p.id = c.parent_id
    WHERE p.code = ${PROVINCE} AND ${inForceOn("p", latest)} AND ${inForceOn("c", latest)}
      AND EXISTS (SELECT 1 FROM figure f WHERE f.unit_id = c.id AND f.as_of = ${latest}::date)
    ORDER BY c.code DESC LIMIT 12`;
  if (communes.length < 8) return { flagged: 0, reference: 0 };
  const [typo, copied] = communes as [{ id: number; code: string }, { id: number; code: string }];
  const [intake] = await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM indicator WHERE code = 'CCCD_INTAKE'`;
  const [issued] = await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM indicator WHERE code = 'CCCD_ISSUED'`;
  if (!intake || !issued) return { flagged: 0, reference: 0 };
  const lastButOne = addDays(latest, -7);
  await prisma.$transaction(async (tx) => {
    // The typo: ten times the figure, the week before last (this week's ranking is untouched).
    const changed = await tx.$queryRaw<
      { id: number; unit_id: number; indicator_id: number; old: number; value: number }[]
    >`
      UPDATE figure f SET value = LEAST(f.value::bigint * 10, 2147483647)::int, version = f.version + 1, updated_at = now()
      FROM (SELECT id, value AS old FROM figure WHERE unit_id = ${typo.id}::int AND indicator_id = ${intake.id}::int
              AND as_of = ${lastButOne}::date) o
      WHERE f.id = o.id RETURNING f.id, f.unit_id, f.indicator_id, o.old, f.value`;
    // The copy: this week's and last week's cards issued as they were two weeks ago.
    const copiedRows = await tx.$queryRaw<
      { id: number; unit_id: number; indicator_id: number; old: number; value: number }[]
    >`
      UPDATE figure f SET value = base.value, version = f.version + 1, updated_at = now()
      FROM (SELECT value FROM figure WHERE unit_id = ${copied.id}::int AND indicator_id = ${issued.id}::int
              AND as_of = ${addDays(latest, -14)}::date) base,
           (SELECT id, value AS old FROM figure WHERE unit_id = ${copied.id}::int AND indicator_id = ${issued.id}::int
              AND as_of IN (${lastButOne}::date, ${latest}::date)) o
      WHERE f.id = o.id RETURNING f.id, f.unit_id, f.indicator_id, o.old, f.value`;
    await writeAudit(
      tx,
      { actor: "demo", requestId: null },
      [...changed, ...copiedRows].map((r) => ({
        action: "update",
        entity: "figure",
        entityId: r.id,
        unitId: r.unit_id,
        indicatorId: r.indicator_id,
        oldValue: { value: r.old },
        newValue: { value: r.value, source: "demo" },
      })),
    );
    await refreshSeries(tx, {
      unitIds: [typo.id, copied.id],
      indicatorIds: [intake.id, issued.id],
      from: addDays(latest, -14),
    });
    await bumpDataVersion(tx);
  });

  // The extract: this week's intake of the communes (the typo's commune excepted), a few off.
  const entered = await prisma.$queryRaw<{ code: string; value: number }[]>`
    SELECT u.code, f.value FROM figure f JOIN unit u ON u.id = f.unit_id
    WHERE f.unit_id = ANY(${communes.slice(2).map((c) => c.id)}::int[]) AND f.indicator_id = ${intake.id}::int
      AND f.as_of = ${latest}::date ORDER BY u.code`;
  const OFF = [1.06, 0.93, 1.021];
  const lines = [
    REFERENCE_COLUMNS.join(","),
    ...entered.map(
      (e, i) => `${e.code},CCCD_INTAKE,${isoDate(latest)},${Math.round(e.value * (OFF[i] ?? 1))},${SOURCE}`,
    ),
  ];
  const result = await runReconciliation(
    prisma,
    readTable({ buffer: Buffer.from(`${lines.join("\n")}\n`), fileName: "trich-xuat-c06-mau.csv" }, REFERENCE_COLUMNS),
    { actor: "demo", fileName: "trich-xuat-c06-mau.csv" },
  );
  return { flagged: 2, reference: result.rows };
}
