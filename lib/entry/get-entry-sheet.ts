import "server-only";
import type { Actor } from "@/lib/access/actor";
import { isAllowed, type Relation, relationTo } from "@/lib/access/authorize";
import { viewedUnit } from "@/lib/access/viewed-unit";
import type { FigureRow } from "@/lib/figures/figure-row";
import { HISTORY_POINTS, usualWeeklyIncrease } from "@/lib/figures/figure-rules";
import { recentFigures } from "@/lib/figures/recent-figures";
import { addDays, formatDateVi, isoDate, parseIsoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { hasDenominator } from "@/lib/indicators/indicator-kinds";
import { indicatorsEnteredIn } from "@/lib/indicators/indicators";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { fullName, type UnitOnDate } from "@/lib/units/units-on";
import { denominatorColumn, type EntryColumn } from "./entry-columns";

export type SheetCell = {
  value: number | null;
  /** 0 when there is no figure yet. */
  version: number;
  enteredBy: string | null;
  /** The unit's latest earlier figure: the decrease and jump warnings compare with it. */
  previous: { asOf: string; value: number } | null;
  /** usualWeeklyIncrease over the unit's earlier figures (see figure-rules). */
  usualIncrease: number | null;
  /** What the unit showed before this week (its latest earlier point; a denominator's column: the denominator). */
  lastWeek: number | null;
};

export type SheetRow = {
  code: string;
  name: string;
  /** Leaf units are typed into; a row with units below it shows their total and links down. */
  editable: boolean;
  hasChildren: boolean;
  reported: boolean;
  status: ReportStatus | "OPEN";
  submittedBy: string | null;
  approvedBy: string | null;
  canSubmit: boolean;
  canApprove: boolean;
  canUnlock: boolean;
  /** A submitted report the user may send back to its unit with a reason. */
  canReturn: boolean;
  /** The week is open again because the level above returned it: when, by whom and why. */
  returned: { by: string; at: string; reason: string } | null;
  cells: Record<string, SheetCell>;
};

export type EntryColumns = "all" | "counts" | "ratios";

export type EntrySheet = {
  unit: { code: string; name: string; parentCode: string | null } | null;
  week: string;
  weeks: string[];
  /** The columns: counted indicators, and numerator and denominator for RATIO and CHECKLIST. */
  indicators: EntryColumn[];
  /** The unit's own report when it is a single form; the children's when it is a grid. */
  mode: "single" | "grid";
  /**
   * A grid shows one group of columns at a time (a province's hundred-odd communes × every
   * indicator is too wide to type into): the counts, or the ratios and checklists. A
   * commune's own form shows them all.
   */
  columns: EntryColumns;
  hasRatios: boolean;
  own: SheetRow | null;
  rows: SheetRow[];
  /** Units with figures for the week, units whose report is submitted (or approved), of all. */
  completeness: { reported: number; submitted: number; total: number };
  /** The week's data-quality flags of the rows, by "unit:indicator" (lib/quality), for the approver. */
  flags?: Record<string, { text: string; ask: boolean }[]>;
};

/**
 * Everything the weekly entry page shows for a unit and week, within the actor's scope: a
 * commune's single form, or the grid of a district's / province's child units, with last
 * week's values, report statuses and what the actor may do to each row.
 */
export async function getEntrySheet(
  prisma: PrismaClient,
  actor: Actor,
  params: { unit?: string | null; week?: string | null; columns?: string | null },
): Promise<EntrySheet> {
  const today = todayInVietnam();
  const unit = await viewedUnit(prisma, actor, params.unit || null, parseIsoDate(params.week ?? "") ?? today);

  // Weeks: Sundays while the unit was in force, latest first, the last 26 of them.
  const lastDay = unit?.validTo && unit.validTo < today ? unit.validTo : today;
  const latest = sundayOnOrBefore(lastDay);
  const weeks = Array.from({ length: 26 }, (_, i) => addDays(latest, -7 * i)).filter(
    (w) => !unit || w >= unit.validFrom,
  );
  const asked = params.week ? parseIsoDate(params.week) : null;
  const week =
    asked && asked.getUTCDay() === 0 && asked <= lastDay && (!unit || asked >= unit.validFrom) ? asked : latest;
  if (!weeks.some((w) => w.getTime() === week.getTime())) weeks.push(week);

  const children = await prisma.$queryRaw<UnitOnDate[]>`
    SELECT id, code, name, type, level, parent_id AS "parentId" FROM unit WHERE ${childOf("unit", unit?.id ?? null)} AND ${inForceOn("unit", week)} ORDER BY code`;
  const mode = unit && children.length === 0 ? "single" : "grid";
  const rowUnits = mode === "single" ? [unit as UnitOnDate] : children;
  const ownRelation: Relation = unit ? await relationTo(prisma, actor, unit.id) : "below";
  const childRelation: Relation = ownRelation === "outside" ? "outside" : "below";

  // Derived indicators and scorecards are computed, never typed in.
  // Those in use whose figures are entered, from the week each applies from (lib/indicators).
  const entered = await indicatorsEnteredIn(prisma, week);
  const hasRatios = entered.some((i) => hasDenominator(i.kind));
  const columns: EntryColumns =
    mode === "single" ? "all" : params.columns === "ratios" && hasRatios ? "ratios" : "counts";
  const indicators = entered.filter((i) => columns === "all" || hasDenominator(i.kind) === (columns === "ratios"));
  const ids = [...rowUnits.map((u) => u.id), ...(unit && mode === "grid" ? [unit.id] : [])];
  const [figures, historyAt, series, reports, returns, hasChildren, earlier] = await Promise.all([
    prisma.$queryRaw<FigureRow[]>`
      SELECT unit_id, indicator_id, value, denominator, version, entered_by FROM figure
      WHERE unit_id = ANY(${ids}::int[]) AND as_of = ${week}::date`,
    // Each unit's last figures before the week, for the warnings' "usual" increase.
    recentFigures(
      prisma,
      ids.flatMap((unitId) => indicators.map((i) => ({ unitId, indicatorId: i.id }))),
      { date: week, inclusive: false },
      HISTORY_POINTS,
    ),
    // Totals of rows with units below them, from the rankings' read model.
    prisma.$queryRaw<{ unit_id: number; indicator_id: number; value: bigint; denominator: bigint | null }[]>`
      SELECT DISTINCT ON (unit_id, indicator_id) unit_id, indicator_id, value, denominator FROM unit_series
      WHERE unit_id = ANY(${ids}::int[]) AND as_of <= ${week}::date ORDER BY unit_id, indicator_id, as_of DESC`,
    prisma.$queryRaw<{ unit_id: number; status: ReportStatus; submitted_by: string; approved_by: string | null }[]>`
      SELECT unit_id, status, submitted_by, approved_by FROM weekly_report
      WHERE unit_id = ANY(${ids}::int[]) AND week = ${week}::date`,
    // Reports sent back to their unit: the latest return of the week, shown while it is open again.
    prisma.$queryRaw<{ unit_id: number; actor: string; at: Date; reason: string }[]>`
      SELECT DISTINCT ON (unit_id) unit_id, actor, at, new_value->>'reason' AS reason FROM audit_entry
      WHERE unit_id = ANY(${ids}::int[]) AND entity = 'weekly_report' AND action = 'return'
        AND new_value->>'week' = ${isoDate(week)}
      ORDER BY unit_id, at DESC`,
    prisma.$queryRaw<{ parent_id: number }[]>`
      SELECT DISTINCT parent_id FROM unit WHERE parent_id = ANY(${ids}::int[]) AND ${inForceOn("unit", week)}`,
    // What each row showed before the week, numerator and denominator: the "last week" beside this one.
    prisma.$queryRaw<{ unit_id: number; indicator_id: number; value: bigint; denominator: bigint | null }[]>`
      SELECT DISTINCT ON (unit_id, indicator_id) unit_id, indicator_id, value, denominator FROM unit_series
      WHERE unit_id = ANY(${ids}::int[]) AND as_of < ${week}::date ORDER BY unit_id, indicator_id, as_of DESC`,
  ]);
  const key = (u: number, i: number) => `${u}:${i}`;
  const figureAt = new Map(figures.map((f) => [key(f.unit_id, f.indicator_id), f]));
  const seriesAt = new Map(series.map((s) => [key(s.unit_id, s.indicator_id), s]));
  const earlierAt = new Map(earlier.map((s) => [key(s.unit_id, s.indicator_id), s]));
  const num = (n: bigint | null | undefined) => (n == null ? null : Number(n));
  const reportOf = new Map(reports.map((r) => [r.unit_id, r]));
  const returnOf = new Map(returns.map((r) => [r.unit_id, r]));
  const returnedOf = (unitId: number) => {
    const r = returnOf.get(unitId);
    return r ? { by: r.actor, at: r.at.toISOString(), reason: r.reason } : null;
  };
  // A unit has reported when it has any figure of the week, whichever columns are shown.
  const reportedUnits = new Set(figures.map((f) => f.unit_id));
  const parents = new Set(hasChildren.map((h) => h.parent_id));

  const toRow = (u: UnitOnDate, relation: Relation): SheetRow => {
    const report = reportOf.get(u.id);
    const status = report?.status ?? "OPEN";
    const isParent = parents.has(u.id);
    const cells: Record<string, SheetCell> = {};
    const reported = reportedUnits.has(u.id);
    for (const indicator of indicators) {
      const figure = figureAt.get(key(u.id, indicator.id));
      const points = historyAt.get(key(u.id, indicator.id)) ?? [];
      const previous = points.at(-1);
      const total = seriesAt.get(key(u.id, indicator.id));
      const before = earlierAt.get(key(u.id, indicator.id));
      cells[indicator.code] = {
        value: isParent ? num(total?.value) : (figure?.value ?? null),
        version: figure?.version ?? 0,
        enteredBy: figure?.entered_by ?? null,
        previous: previous ? { asOf: isoDate(previous.asOf), value: previous.value } : null,
        usualIncrease: usualWeeklyIncrease(points),
        lastWeek: num(before?.value),
      };
      if (hasDenominator(indicator.kind))
        cells[denominatorColumn(indicator.code)] = {
          value: isParent ? num(total?.denominator) : (figure?.denominator ?? null),
          version: figure?.version ?? 0,
          enteredBy: figure?.entered_by ?? null,
          previous: null,
          usualIncrease: null,
          lastWeek: num(before?.denominator),
        };
    }
    return {
      code: u.code,
      name: fullName(u),
      editable: !isParent && status !== "APPROVED" && isAllowed(actor.role, "figure.enter", relation),
      hasChildren: isParent,
      reported: reported || status !== "OPEN",
      status,
      submittedBy: report?.submitted_by ?? null,
      approvedBy: report?.approved_by ?? null,
      canSubmit: status !== "APPROVED" && isAllowed(actor.role, "week.submit", relation),
      canApprove: status === "SUBMITTED" && isAllowed(actor.role, "week.approve", relation),
      canUnlock: status === "APPROVED" && isAllowed(actor.role, "week.unlock", relation),
      canReturn: status === "SUBMITTED" && isAllowed(actor.role, "week.return", relation),
      returned: status === "OPEN" ? returnedOf(u.id) : null,
      cells,
    };
  };

  const rows =
    mode === "single" ? [toRow(unit as UnitOnDate, ownRelation)] : children.map((c) => toRow(c, childRelation));
  const own = unit ? (mode === "single" ? (rows[0] as SheetRow) : toRow(unit, ownRelation)) : null;
  return {
    unit: unit ? { code: unit.code, name: fullName(unit), parentCode: unit.parentCode } : null,
    week: isoDate(week),
    weeks: weeks.sort((a, b) => b.getTime() - a.getTime()).map(isoDate),
    indicators: indicators.flatMap((i): EntryColumn[] => {
      const column = { code: i.code, name: i.nameVi, nameEn: i.nameEn, kind: i.kind };
      if (!hasDenominator(i.kind)) return [column];
      const den = denominatorColumn(i.code);
      const base = { baseName: i.nameVi, baseNameEn: i.nameEn };
      return [
        { ...column, ...base, name: `${i.nameVi}: tử số`, nameEn: `${i.nameEn}: numerator`, denominatorColumn: den },
        {
          ...column,
          ...base,
          code: den,
          name: `${i.nameVi}: mẫu số`,
          nameEn: `${i.nameEn}: denominator`,
          denominatorOf: i.code,
        },
      ];
    }),
    mode,
    columns,
    hasRatios,
    own,
    rows: mode === "single" ? [] : rows,
    completeness: {
      reported: rows.filter((r) => r.reported).length,
      submitted: rows.filter((r) => r.status === "SUBMITTED" || r.status === "APPROVED").length,
      total: rows.length,
    },
  };
}

export function weekLabel(week: string): string {
  const date = parseIsoDate(week) as Date;
  return `${formatDateVi(addDays(date, -6))} – ${formatDateVi(date)}`;
}
