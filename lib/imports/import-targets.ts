import "server-only";
import { createOrUpdate, insertAuditFrom } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import { todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { checkRows, skippedWarning } from "@/lib/imports/check-rows";
import { checkedReport, type ImportOptions, type ImportReport } from "@/lib/imports/import-figures";
import {
  checkCount,
  checkDate,
  checkIndicator,
  checkShare,
  listedProblems,
  type ProblemList,
} from "@/lib/imports/row-checks";
import { hasDenominator } from "@/lib/indicators/indicator-kinds";
import { rescoreForTargets } from "@/lib/series/refresh-scores";
import { lockSeriesUnits } from "@/lib/series/refresh-series";
import type { TableRow } from "@/lib/tables/read-table";

export const TARGET_COLUMNS = ["unit_code", "indicator", "target", "deadline", "directive", "assigned_on"] as const;

export type ParsedTarget = {
  unitId: number;
  indicatorId: number;
  value: number;
  deadline: Date;
  directive: string;
  assignedOn: Date;
};

/**
 * Imports targets with the same all-or-nothing checking as figures. The same unit,
 * indicator and assignment date replaces the earlier row; a later assignment date adds a
 * new target that supersedes the earlier one from that date on.
 */
export async function importTargets(
  prisma: PrismaClient,
  rows: AsyncIterable<TableRow>,
  options: ImportOptions,
): Promise<ImportReport> {
  const today = options.today ?? todayInVietnam();
  const { parsed, problems, count, skipped } = await checkRows<ParsedTarget>(
    prisma,
    rows,
    { ...options, what: "chỉ tiêu", duplicate: "cùng đơn vị, chỉ tiêu và ngày giao", filled: ["target"] },
    ({ line, values }, { indicators, units, problems }) => {
      const indicator = checkIndicator(values.indicator ?? "", indicators, line, "indicator", problems);
      const value = targetValue(indicator?.kind, values.target ?? "", line, problems);
      const assignedOn = checkDate(values.assigned_on ?? "", line, "assigned_on", problems, today);
      const deadline = checkDate(values.deadline ?? "", line, "deadline", problems);
      if (deadline && assignedOn && deadline < assignedOn) {
        problems.add(line, "deadline", "hạn hoàn thành trước ngày giao chỉ tiêu");
      }
      const directive = (values.directive ?? "").trim();
      if (!directive) problems.add(line, "directive", "trống, cần số hiệu văn bản giao chỉ tiêu (ví dụ Điện số 16/HT)");
      const unitId = assignedOn ? units.resolve(values.unit_code ?? "", assignedOn, line, "unit_code", problems) : null;
      if (!indicator || !value || !assignedOn || !deadline || !directive || unitId === null) return null;
      return {
        key: `${unitId}:${indicator.id}:${assignedOn.getTime()}`,
        value: { unitId, indicatorId: indicator.id, value, deadline, directive, assignedOn },
      };
    },
  );
  const report = checkedReport(count - skipped.length, problems);
  const blank = listedProblems(skippedWarning(skipped, "target"));
  Object.assign(report, { warnings: blank.items, warningCount: blank.count });
  if (problems.count || options.dryRun) return report;

  const actions = await prisma.$transaction(
    async (tx) => {
      const written = await writeTargets(tx, parsed, {
        actor: options.actor,
        requestId: options.requestId ?? null,
        source: "import",
      });
      await bumpDataVersion(tx);
      return written;
    },
    { timeout: 300_000 },
  );
  for (const a of actions) {
    if (a.action === "create") report.inserted = Number(a.n);
    else report.updated = Number(a.n);
  }
  report.unchanged = parsed.length - report.inserted - report.updated;
  report.written = true;
  return report;
}

/**
 * A count for counts; a share in percent (stored in hundredths) for indicators with a
 * denominator; none for scorecards, which are scored against their components' targets.
 */
function targetValue(
  kind: IndicatorKind | undefined,
  text: string,
  line: number,
  problems: ProblemList,
): number | null {
  if (!kind) return null;
  if (kind === "COMPOSITE")
    return problems.add(
      line,
      "indicator",
      "bộ chỉ số không có chỉ tiêu riêng; giao chỉ tiêu cho các thành phần của nó",
    );
  if (hasDenominator(kind)) return checkShare(text, line, "target", problems);
  const value = checkCount(text, line, "target", problems);
  if (value === 0) problems.add(line, "target", "chỉ tiêu phải lớn hơn 0");
  return value;
}

/**
 * Writes targets with their audit entries, and rescores the scorecards they count in for
 * those units from the earliest date assigned: call it inside the write's transaction.
 */
export async function writeTargets(
  tx: Db,
  targets: ParsedTarget[],
  by: { actor: string; requestId: string | null; source?: string },
): Promise<{ action: string; n: bigint }[]> {
  const written = await tx.$queryRaw<{ action: string; n: bigint }[]>(upsertTargetsWithAudit(targets, by));
  if (targets.length) {
    // A national file has tens of thousands of rows: no spread into Math.min.
    const from = new Date(targets.reduce((a, t) => Math.min(a, t.assignedOn.getTime()), Number.POSITIVE_INFINITY));
    await rescoreForTargets(
      tx,
      targets.map((t) => t.unitId),
      [...new Set(targets.map((t) => t.indicatorId))],
      from,
      lockSeriesUnits,
    );
  }
  return written;
}

/**
 * One statement: upsert the targets (skipping unchanged ones) and audit each change with what
 * it replaced. The assigning unit is the target unit's parent (none for provinces: the Ministry).
 */
export function upsertTargetsWithAudit(
  targets: ParsedTarget[],
  by: { actor: string; requestId: string | null; source?: string },
): Sql {
  return sql`
WITH input AS (
  SELECT * FROM unnest(${targets.map((t) => t.unitId)}::int[], ${targets.map((t) => t.indicatorId)}::int[],
                       ${targets.map((t) => t.value)}::int[], ${targets.map((t) => t.deadline)}::date[],
                       ${targets.map((t) => t.directive)}::text[], ${targets.map((t) => t.assignedOn)}::date[])
    AS t(unit_id, indicator_id, value, deadline, directive, assigned_on)
),
previous AS (
  SELECT t.id, t.value, t.deadline, t.directive, t.version
  FROM target t JOIN input i USING (unit_id, indicator_id, assigned_on)
),
written AS (
  INSERT INTO target (unit_id, indicator_id, value, deadline, directive, assigned_on, assigned_by_id, updated_at)
  SELECT i.unit_id, i.indicator_id, i.value, i.deadline, i.directive, i.assigned_on, u.parent_id, now()
  FROM input i JOIN unit u ON u.id = i.unit_id
  ON CONFLICT (unit_id, indicator_id, assigned_on) DO UPDATE
    SET value = EXCLUDED.value, deadline = EXCLUDED.deadline, directive = EXCLUDED.directive,
        version = target.version + 1, updated_at = now()
    WHERE (target.value, target.deadline, target.directive) IS DISTINCT FROM
          (EXCLUDED.value, EXCLUDED.deadline, EXCLUDED.directive)
  RETURNING id, unit_id, indicator_id, value, deadline, directive, assigned_on, version
),
audited AS (
  ${insertAuditFrom(sql`
  SELECT ${by.actor}, ${createOrUpdate(sql`p.id`)}, 'target', w.id, w.unit_id, w.indicator_id,
         CASE WHEN p.id IS NULL THEN NULL
              ELSE jsonb_build_object('value', p.value, 'deadline', p.deadline, 'directive', p.directive, 'version', p.version) END,
         jsonb_build_object('value', w.value, 'deadline', w.deadline, 'directive', w.directive,
                            'assignedOn', w.assigned_on, 'version', w.version)
           -- A file's targets say so (the change log tells imports from hand edits).
           || jsonb_strip_nulls(jsonb_build_object('source', ${by.source ?? null}::text)),
         ${by.requestId}
  FROM written w LEFT JOIN previous p ON p.id = w.id`)}
  RETURNING action
)
SELECT action, count(*) AS n FROM audited GROUP BY action`;
}
