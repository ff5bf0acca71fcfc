import type { Actor } from "@/lib/access/actor";
import { authorize, isAllowed, type Relation, relationTo } from "@/lib/access/authorize";
import { NotFoundError } from "@/lib/errors";
import { addDays, formatDateVi, isoDate, parseIsoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { fullName } from "@/lib/units/units-on";

export type SheetCell = {
  value: number | null;
  /** 0 when there is no figure yet. */
  version: number;
  enteredBy: string | null;
  previous: number | null;
  /** Median weekly increase over the last weeks: the "usual" step the jump warning compares with. */
  usualIncrease: number | null;
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
  cells: Record<string, SheetCell>;
};

export type EntrySheet = {
  unit: { code: string; name: string; parentCode: string | null } | null;
  week: string;
  weeks: string[];
  indicators: { code: string; name: string; kind: string }[];
  /** The unit's own report when it is a single form; the children's when it is a grid. */
  mode: "single" | "grid";
  own: SheetRow | null;
  rows: SheetRow[];
  completeness: { reported: number; total: number };
};

type UnitRow = {
  id: number;
  code: string;
  name: string;
  type: string;
  parent_id: number | null;
  valid_from: Date;
  valid_to: Date | null;
};

/**
 * Everything the weekly entry page shows for a unit and week, within the actor's scope: a
 * commune's single form, or the grid of a district's / province's child units, with last
 * week's values, report statuses and what the actor may do to each row.
 */
export async function getEntrySheet(
  prisma: PrismaClient,
  actor: Actor,
  params: { unit?: string | null; week?: string | null },
): Promise<EntrySheet> {
  const today = todayInVietnam();
  const code = params.unit || null;
  let unit: UnitRow | null = null;
  if (code) {
    const requestedWeek = params.week ? parseIsoDate(params.week) : null;
    const on = requestedWeek ?? today;
    const rows = await prisma.$queryRawUnsafe<UnitRow[]>(
      `SELECT id, code, name, type, parent_id, valid_from, valid_to FROM unit WHERE code = $1
       ORDER BY (valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)) DESC, valid_from DESC LIMIT 1`,
      code,
      on,
    );
    unit = rows[0] ?? null;
    if (!unit) throw new NotFoundError(`Không có đơn vị mã ${code}.`);
  } else if (actor.unitId !== null) {
    const rows = await prisma.$queryRawUnsafe<UnitRow[]>(
      `SELECT id, code, name, type, parent_id, valid_from, valid_to FROM unit WHERE id = $1`,
      actor.unitId,
    );
    unit = rows[0] ?? null;
  }
  if (unit) await authorize(prisma, actor, "unit.view", { id: unit.id, name: fullName(unit) });
  else if (actor.role !== "MINISTRY_ADMIN" && actor.role !== "LEADERSHIP_VIEWER")
    throw new NotFoundError("Tài khoản chưa gắn với đơn vị nào.");

  // Weeks: Sundays while the unit was in force, latest first, the last 26 of them.
  const lastDay = unit?.valid_to && unit.valid_to < today ? unit.valid_to : today;
  const latest = sundayOnOrBefore(lastDay);
  const weeks = Array.from({ length: 26 }, (_, i) => addDays(latest, -7 * i)).filter(
    (w) => !unit || w >= unit.valid_from,
  );
  const asked = params.week ? parseIsoDate(params.week) : null;
  const week =
    asked && asked.getUTCDay() === 0 && asked <= lastDay && (!unit || asked >= unit.valid_from) ? asked : latest;
  if (!weeks.some((w) => w.getTime() === week.getTime())) weeks.push(week);

  const children = await prisma.$queryRawUnsafe<UnitRow[]>(
    `SELECT id, code, name, type, parent_id, valid_from, valid_to FROM unit
     WHERE ${unit ? "parent_id = $1" : "parent_id IS NULL AND $1::int IS NULL"} AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)
     ORDER BY code`,
    unit?.id ?? null,
    week,
  );
  const mode = unit && children.length === 0 ? "single" : "grid";
  const rowUnits = mode === "single" ? [unit as UnitRow] : children;
  const ownRelation: Relation = unit ? await relationTo(prisma, actor, unit.id) : "below";
  const childRelation: Relation = ownRelation === "outside" ? "outside" : "below";

  const indicators = await prisma.indicator.findMany({ orderBy: { sortOrder: "asc" } });
  const ids = [...rowUnits.map((u) => u.id), ...(unit && mode === "grid" ? [unit.id] : [])];
  const [figures, history, series, reports, hasChildren] = await Promise.all([
    prisma.$queryRawUnsafe<
      { unit_id: number; indicator_id: number; value: number; version: number; entered_by: string }[]
    >(
      `SELECT unit_id, indicator_id, value, version, entered_by FROM figure WHERE unit_id = ANY($1::int[]) AND as_of = $2::date`,
      ids,
      week,
    ),
    prisma.$queryRawUnsafe<{ unit_id: number; indicator_id: number; recent: number[] }[]>(
      `SELECT unit_id, indicator_id, array_agg(value ORDER BY as_of DESC) AS recent FROM (
         SELECT unit_id, indicator_id, value, as_of,
                row_number() OVER (PARTITION BY unit_id, indicator_id ORDER BY as_of DESC) AS n
         FROM figure WHERE unit_id = ANY($1::int[]) AND as_of < $2::date AND as_of >= $2::date - 70
       ) t WHERE n <= 5 GROUP BY unit_id, indicator_id`,
      ids,
      week,
    ),
    // Totals of rows with units below them, from the rankings' read model.
    prisma.$queryRawUnsafe<{ unit_id: number; indicator_id: number; value: bigint }[]>(
      `SELECT DISTINCT ON (unit_id, indicator_id) unit_id, indicator_id, value FROM unit_series
       WHERE unit_id = ANY($1::int[]) AND as_of <= $2::date ORDER BY unit_id, indicator_id, as_of DESC`,
      ids,
      week,
    ),
    prisma.$queryRawUnsafe<
      { unit_id: number; status: ReportStatus; submitted_by: string; approved_by: string | null }[]
    >(
      `SELECT unit_id, status, submitted_by, approved_by FROM weekly_report WHERE unit_id = ANY($1::int[]) AND week = $2::date`,
      ids,
      week,
    ),
    prisma.$queryRawUnsafe<{ parent_id: number }[]>(
      `SELECT DISTINCT parent_id FROM unit WHERE parent_id = ANY($1::int[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
      ids,
      week,
    ),
  ]);
  const key = (u: number, i: number) => `${u}:${i}`;
  const figureAt = new Map(figures.map((f) => [key(f.unit_id, f.indicator_id), f]));
  const recentAt = new Map(history.map((h) => [key(h.unit_id, h.indicator_id), h.recent]));
  const seriesAt = new Map(series.map((s) => [key(s.unit_id, s.indicator_id), Number(s.value)]));
  const reportOf = new Map(reports.map((r) => [r.unit_id, r]));
  const parents = new Set(hasChildren.map((h) => h.parent_id));

  const toRow = (u: UnitRow, relation: Relation): SheetRow => {
    const report = reportOf.get(u.id);
    const status = report?.status ?? "OPEN";
    const isParent = parents.has(u.id);
    const cells: Record<string, SheetCell> = {};
    let reported = false;
    for (const indicator of indicators) {
      const figure = figureAt.get(key(u.id, indicator.id));
      if (figure) reported = true;
      const recent = recentAt.get(key(u.id, indicator.id)) ?? [];
      cells[indicator.code] = {
        value: isParent ? (seriesAt.get(key(u.id, indicator.id)) ?? null) : (figure?.value ?? null),
        version: figure?.version ?? 0,
        enteredBy: figure?.entered_by ?? null,
        previous: recent[0] ?? null,
        usualIncrease: medianIncrease(recent),
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
      cells,
    };
  };

  const rows = mode === "single" ? [toRow(unit as UnitRow, ownRelation)] : children.map((c) => toRow(c, childRelation));
  const own = unit ? (mode === "single" ? (rows[0] as SheetRow) : toRow(unit, ownRelation)) : null;
  const parentCode = unit?.parent_id
    ? ((await prisma.unit.findUnique({ where: { id: unit.parent_id }, select: { code: true } }))?.code ?? null)
    : null;
  return {
    unit: unit ? { code: unit.code, name: fullName(unit), parentCode } : null,
    week: isoDate(week),
    weeks: weeks.sort((a, b) => b.getTime() - a.getTime()).map(isoDate),
    indicators: indicators.map((i) => ({ code: i.code, name: i.nameVi, kind: i.kind })),
    mode,
    own,
    rows: mode === "single" ? [] : rows,
    completeness: { reported: rows.filter((r) => r.reported).length, total: rows.length },
  };
}

/** Median of the week-on-week increases in `recent` (latest first). */
function medianIncrease(recent: number[]): number | null {
  const steps: number[] = [];
  for (let i = 0; i + 1 < recent.length; i++) steps.push((recent[i] as number) - (recent[i + 1] as number));
  if (steps.length < 2) return null;
  steps.sort((a, b) => a - b);
  const mid = Math.floor(steps.length / 2);
  return steps.length % 2 ? (steps[mid] as number) : ((steps[mid - 1] as number) + (steps[mid] as number)) / 2;
}

export function weekLabel(week: string): string {
  const date = parseIsoDate(week) as Date;
  return `${formatDateVi(addDays(date, -6))} – ${formatDateVi(date)}`;
}
