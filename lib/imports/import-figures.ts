import "server-only";
import { createOrUpdate, insertAuditFrom } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import type { Db } from "@/lib/db/db";
import { empty, type Sql, sql } from "@/lib/db/sql";
import { LockedError } from "@/lib/errors";
import { addDays, formatDateVi, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { checkRows, skippedWarning } from "@/lib/imports/check-rows";
import {
  checkCount,
  checkDate,
  checkIndicator,
  checkPoints,
  type ImportProblem,
  listedProblems,
  type ProblemList,
} from "@/lib/imports/row-checks";
import { hasDenominator, isEntered } from "@/lib/indicators/indicator-kinds";
import { refreshSeries } from "@/lib/series/refresh-series";
import type { TableRow } from "@/lib/tables/read-table";
import { findFigureAnomalies, type ParsedFigure } from "./figure-anomalies";

/** Required columns; a `denominator` column may follow (RATIO and CHECKLIST: value is the numerator). */
export const FIGURE_COLUMNS = ["unit_code", "indicator", "as_of", "value"] as const;

export type ImportReport = {
  rows: number;
  /** The first problems that stop the file (at most MAX_LISTED_PROBLEMS); errorCount counts them all. */
  errors: ImportProblem[];
  errorCount: number;
  /** The first warnings; warningCount counts them all. */
  warnings: ImportProblem[];
  warningCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
  written: boolean;
};

/** The report of a file whose rows were checked (problems listed), before anything is written. */
export function checkedReport(rows: number, problems: ProblemList): ImportReport {
  return {
    rows,
    errors: problems.items,
    errorCount: problems.count,
    warnings: [],
    warningCount: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    written: false,
  };
}

export type ImportOptions = {
  actor: string;
  source: string;
  requestId?: string;
  /** Check and report only; write nothing. */
  dryRun?: boolean;
  /** Restricts the units a file may touch (a user's scope). */
  allowedUnitIds?: Set<number>;
  onProgress?: (rowsRead: number) => void;
  today?: Date;
};

/**
 * Imports figures: every row is checked first; a file with any invalid row writes nothing
 * and lists every problem. Valid files are written in one transaction, each change with its
 * audit entry, and the rankings' read model is refreshed in the same transaction.
 */
export async function importFigures(
  prisma: PrismaClient,
  rows: AsyncIterable<TableRow>,
  options: ImportOptions,
): Promise<ImportReport> {
  const today = options.today ?? todayInVietnam();
  const { parsed, problems, count, skipped } = await checkRows<ParsedFigure>(
    prisma,
    rows,
    { ...options, what: "số liệu", duplicate: "cùng đơn vị, chỉ tiêu và ngày", filled: ["value", "denominator"] },
    ({ line, values }, { indicators, units, problems }) => {
      const indicator = checkIndicator(values.indicator ?? "", indicators, line, "indicator", problems, importable);
      const asOf = checkDate(values.as_of ?? "", line, "as_of", problems, today);
      // A scorecard's published score comes as points (87,45 of 100), the others as counts.
      const published = indicator?.kind === "COMPOSITE";
      const value = published
        ? checkPoints(values.value ?? "", line, "value", problems)
        : checkCount(values.value ?? "", line, "value", problems);
      const denominator = !indicator
        ? null
        : published
          ? checkPublishedMaximum(values.denominator ?? "", value, line, problems)
          : checkDenominator(indicator.kind, values.denominator ?? "", value, line, problems);
      const unitId = asOf ? units.resolve(values.unit_code ?? "", asOf, line, "unit_code", problems) : null;
      if (!indicator || !asOf || value === null || denominator === undefined || unitId === null) return null;
      return {
        key: `${unitId}:${indicator.id}:${asOf.getTime()}`,
        value: {
          line,
          unitId,
          indicatorId: indicator.id,
          indicator: indicator.code,
          cumulative: indicator.kind === "CUMULATIVE",
          asOf,
          value,
          denominator,
        },
      };
    },
  );
  const report = checkedReport(count - skipped.length, problems);
  const blank = skippedWarning(skipped, "value");
  Object.assign(report, { warnings: blank, warningCount: blank.length });
  if (problems.count) return report;
  const locked = listedProblems(await approvedWeekProblems(prisma, parsed));
  report.errors = locked.items;
  report.errorCount = locked.count;
  if (locked.count) return report;

  const warnings = listedProblems([
    ...blank,
    ...weekdayWarnings(parsed),
    ...(await findFigureAnomalies(prisma, parsed)),
  ]);
  report.warnings = warnings.items;
  report.warningCount = warnings.count;
  if (options.dryRun) return report;

  const counts = await writeFigures(prisma, parsed, options);
  Object.assign(report, counts, { unchanged: parsed.length - counts.inserted - counts.updated, written: true });
  return report;
}

/**
 * A published score's maximum (the `denominator` column, e.g. 100 or 34), in hundredths as
 * the score is; the score may not exceed it.
 */
const sundayOnOrAfter = (day: Date) => (day.getUTCDay() === 0 ? day : addDays(sundayOnOrBefore(day), 7));

/** What a figures file may hold: indicators entered by people, and scorecards' published scores; never one computed here. */
const importable = (indicator: { kind: IndicatorKind }) => isEntered(indicator.kind) || indicator.kind === "COMPOSITE";

/**
 * Dates that are not a Sunday are kept as written and counted in the reporting week they
 * fall in (the one ending on the Sunday after): said as a warning, so nobody is surprised.
 */
function weekdayWarnings(figures: ParsedFigure[]): ImportProblem[] {
  return figures
    .filter((f) => f.asOf.getUTCDay() !== 0)
    .map((f) => ({
      line: f.line,
      column: "as_of",
      message: `${formatDateVi(f.asOf)} không phải Chủ nhật: số liệu được tính vào tuần kết thúc Chủ nhật ${formatDateVi(sundayOnOrAfter(f.asOf))}`,
    }));
}

function checkPublishedMaximum(
  text: string,
  score: number | null,
  line: number,
  problems: ProblemList,
): number | null | undefined {
  if (text.trim() === "") {
    problems.add(line, "denominator", "trống, điểm công bố cần điểm tối đa (ví dụ 100)");
    return undefined;
  }
  const maximum = checkPoints(text, line, "denominator", problems);
  if (maximum === null) return undefined;
  if (maximum === 0) {
    problems.add(line, "denominator", "điểm tối đa phải lớn hơn 0");
    return undefined;
  }
  if (score !== null && score > maximum) {
    problems.add(line, "value", `điểm ${score / 100} lớn hơn điểm tối đa ${maximum / 100}`);
    return undefined;
  }
  return maximum;
}

/**
 * The row's denominator: required for RATIO and CHECKLIST (value is then the numerator, at
 * most the denominator), absent for counts. Null when there is none; undefined when the row
 * is wrong (the problem is listed). Computed indicators never get here (see `importable`).
 */
function checkDenominator(
  kind: IndicatorKind,
  text: string,
  value: number | null,
  line: number,
  problems: ProblemList,
): number | null | undefined {
  if (!hasDenominator(kind)) {
    if (text.trim() === "") return null;
    problems.add(line, "denominator", "chỉ tiêu đếm không có mẫu số; để trống ô này");
    return undefined;
  }
  if (text.trim() === "") {
    problems.add(line, "denominator", "trống, chỉ tiêu tỷ lệ cần mẫu số (value là tử số)");
    return undefined;
  }
  const denominator = checkCount(text, line, "denominator", problems);
  if (denominator === null) return undefined;
  if (value !== null && value > denominator) {
    problems.add(line, "value", `tử số ${value} lớn hơn mẫu số ${denominator}`);
    return undefined;
  }
  return denominator;
}

async function writeFigures(prisma: PrismaClient, figures: ParsedFigure[], options: ImportOptions) {
  let inserted = 0;
  let updated = 0;
  await prisma.$transaction(
    async (tx) => {
      // Again under a share lock: an approval committed since the check must still win.
      const locked = await approvedWeekProblems(tx, figures, true);
      if (locked.length)
        throw new LockedError(
          locked
            .slice(0, 20)
            .map((p) => `dòng ${p.line}: ${p.message}`)
            .join("; ") + (locked.length > 20 ? ` và ${locked.length - 20} dòng khác` : ""),
        );
      for (let i = 0; i < figures.length; i += 10_000) {
        const chunk = figures.slice(i, i + 10_000);
        const actions = await tx.$queryRaw<{ action: string; n: bigint }[]>(
          upsertFiguresWithAudit(chunk, {
            source: options.source,
            actor: options.actor,
            requestId: options.requestId ?? null,
          }),
        );
        for (const a of actions) {
          if (a.action === "create") inserted += Number(a.n);
          else updated += Number(a.n);
        }
      }
      // A loop, not Math.min(...): spreading a national file's dates overflows the call stack.
      const from = new Date(figures.reduce((min, f) => Math.min(min, f.asOf.getTime()), Number.POSITIVE_INFINITY));
      await refreshSeries(tx, {
        unitIds: [...new Set(figures.map((f) => f.unitId))],
        indicatorIds: [...new Set(figures.map((f) => f.indicatorId))],
        from,
      });
      await bumpDataVersion(tx);
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return { inserted, updated };
}

/**
 * Rows falling in a week whose report has been approved (and so locked): a file cannot
 * change them any more than the entry page can. A figure belongs to the week ending on the
 * Sunday on or after its date.
 */
async function approvedWeekProblems(db: Db, figures: ParsedFigure[], lock = false): Promise<ImportProblem[]> {
  const rows = await db.$queryRaw<{ line: number; name: string; week: Date }[]>`
    SELECT i.line, u.name, r.week
    FROM unnest(${figures.map((f) => f.line)}::int[], ${figures.map((f) => f.unitId)}::int[],
                ${figures.map((f) => f.asOf)}::date[]) AS i(line, unit_id, as_of)
    JOIN weekly_report r ON r.unit_id = i.unit_id AND r.status = 'APPROVED'
     AND r.week = i.as_of + ((7 - extract(isodow FROM i.as_of)::int) % 7)
    JOIN unit u ON u.id = i.unit_id
    ORDER BY i.line ${lock ? sql`FOR SHARE OF r` : empty}`;
  return rows.map((r) => ({
    line: r.line,
    column: "as_of",
    message: `báo cáo tuần ${formatDateVi(r.week)} của ${r.name} đã được phê duyệt và khoá; đề nghị cấp trên mở khoá trước khi sửa`,
  }));
}

/**
 * One statement: upsert the rows (skipping unchanged values) and write one audit entry per
 * change with the value it replaced. CTEs see the table as it was before the statement.
 */
function upsertFiguresWithAudit(
  figures: ParsedFigure[],
  by: { source: string; actor: string; requestId: string | null },
): Sql {
  return sql`
WITH input AS (
  SELECT * FROM unnest(${figures.map((f) => f.unitId)}::int[], ${figures.map((f) => f.indicatorId)}::int[],
                       ${figures.map((f) => f.asOf)}::date[], ${figures.map((f) => f.value)}::int[],
                       ${figures.map((f) => f.denominator)}::int[])
    AS t(unit_id, indicator_id, as_of, value, denominator)
),
previous AS (
  SELECT f.id, f.value, f.denominator, f.version FROM figure f JOIN input i USING (unit_id, indicator_id, as_of)
),
written AS (
  INSERT INTO figure (unit_id, indicator_id, as_of, value, denominator, source, entered_by, updated_at)
  SELECT unit_id, indicator_id, as_of, value, denominator, ${by.source}, ${by.actor}, now() FROM input
  ON CONFLICT (unit_id, indicator_id, as_of) DO UPDATE
    SET value = EXCLUDED.value, denominator = EXCLUDED.denominator, source = EXCLUDED.source,
        entered_by = EXCLUDED.entered_by, version = figure.version + 1, updated_at = now()
    WHERE (figure.value, figure.denominator) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.denominator)
  RETURNING id, unit_id, indicator_id, as_of, value, denominator, version
),
audited AS (
  ${insertAuditFrom(sql`
  SELECT ${by.actor}, ${createOrUpdate(sql`p.id`)}, 'figure', w.id, w.unit_id, w.indicator_id,
         CASE WHEN p.id IS NULL THEN NULL
              ELSE jsonb_strip_nulls(jsonb_build_object('value', p.value, 'denominator', p.denominator, 'version', p.version)) END,
         jsonb_strip_nulls(jsonb_build_object('value', w.value, 'denominator', w.denominator, 'asOf', w.as_of,
                           'version', w.version, 'source', ${by.source}::text)),
         ${by.requestId}
  FROM written w LEFT JOIN previous p ON p.id = w.id`)}
  RETURNING action
)
SELECT action, count(*) AS n FROM audited GROUP BY action`;
}
