import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkRows } from "@/lib/imports/check-rows";
import { checkCount, checkDate, checkIndicator, type ImportProblem } from "@/lib/imports/row-checks";
import { isCount } from "@/lib/indicators/indicator-kinds";
import type { TableRow } from "@/lib/tables/read-table";

/** The extract's columns, as C06 exports them per unit. */
export const REFERENCE_COLUMNS = ["unit_code", "indicator", "as_of", "value", "source"] as const;

export type ReferenceRow = { unitId: number; indicatorId: number; asOf: Date; value: number; source: string };

export type ReferenceImport = {
  rows: number;
  errors: ImportProblem[];
  errorCount: number;
  /** The import's id once written; null when the file had problems (nothing written). */
  importId: number | null;
  written: ReferenceRow[];
};

/**
 * Checks every row of a reference extract (the figure import's rules and messages: "dòng N,
 * cột C: …") and, when all are right, stores them in reference_figure (a later extract's
 * count for the same unit, indicator and date replaces the earlier one), with the import
 * and its audit entry in one transaction. Never touches the entered figures.
 */
export async function importReference(
  prisma: PrismaClient,
  rows: AsyncIterable<TableRow>,
  options: { actor: string; fileName: string; requestId?: string | null; allowedUnitIds?: Set<number> },
): Promise<ReferenceImport> {
  const today = todayInVietnam();
  const { parsed, problems, count, skipped } = await checkRows<ReferenceRow>(
    prisma,
    rows,
    {
      allowedUnitIds: options.allowedUnitIds,
      what: "số liệu đối chiếu",
      duplicate: "cùng đơn vị, chỉ tiêu và ngày",
      filled: ["value"],
    },
    ({ line, values }, { indicators, units, problems }) => {
      const indicator = checkIndicator(values.indicator ?? "", indicators, line, "indicator", problems, (i) =>
        isCount(i.kind),
      );
      const asOf = checkDate(values.as_of ?? "", line, "as_of", problems, today);
      const value = checkCount(values.value ?? "", line, "value", problems);
      const source = (values.source ?? "").trim();
      if (!source) problems.add(line, "source", "trống, cần tên hệ thống nguồn (ví dụ CSDLQG về dân cư)");
      else if (source.length > 200) problems.add(line, "source", "dài quá 200 ký tự");
      const unitId = asOf ? units.resolve(values.unit_code ?? "", asOf, line, "unit_code", problems) : null;
      if (!indicator || !asOf || value === null || unitId === null || !source || source.length > 200) return null;
      return {
        key: `${unitId}:${indicator.id}:${asOf.getTime()}`,
        value: { unitId, indicatorId: indicator.id, asOf, value, source },
      };
    },
  );
  const report: ReferenceImport = {
    rows: count - skipped.length,
    errors: problems.items,
    errorCount: problems.count,
    importId: null,
    written: [],
  };
  if (problems.count) return report;
  report.importId = await prisma.$transaction(
    async (tx) => {
      const [made] = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO reference_import (file_name, rows, imported_by)
        VALUES (${options.fileName.slice(0, 200)}, ${parsed.length}::int, ${options.actor}) RETURNING id`;
      const id = (made as { id: number }).id;
      for (let i = 0; i < parsed.length; i += 10_000) {
        const chunk = parsed.slice(i, i + 10_000);
        await tx.$executeRaw`
          INSERT INTO reference_figure (unit_id, indicator_id, as_of, value, source, import_id)
          SELECT * FROM unnest(${chunk.map((r) => r.unitId)}::int[], ${chunk.map((r) => r.indicatorId)}::int[],
                               ${chunk.map((r) => r.asOf)}::date[], ${chunk.map((r) => r.value)}::int[],
                               ${chunk.map((r) => r.source)}::text[], ${chunk.map(() => id)}::int[])
          ON CONFLICT (unit_id, indicator_id, as_of) DO UPDATE
            SET value = EXCLUDED.value, source = EXCLUDED.source, import_id = EXCLUDED.import_id`;
      }
      await writeAudit(tx, { actor: options.actor, requestId: options.requestId ?? null }, [
        {
          action: "import",
          entity: "reference_import",
          entityId: id,
          unitId: null,
          indicatorId: null,
          oldValue: null,
          newValue: { file: options.fileName.slice(0, 200), rows: parsed.length },
        },
      ]);
      return id;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  report.written = parsed;
  return report;
}
