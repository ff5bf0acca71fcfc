import { daysBetween, formatDateVi } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ImportProblem } from "@/lib/imports/row-checks";

export type ParsedFigure = {
  line: number;
  unitId: number;
  indicatorId: number;
  cumulative: boolean;
  asOf: Date;
  value: number;
};

type Point = { asOf: Date; value: number; line?: number };

const HISTORY_POINTS = 8;
/** A weekly increase this many times the usual one is worth a second look. */
const JUMP_FACTOR = 4;
/** ...and at least this large, so tiny communes going from 2 to 9 a week are not flagged. */
const JUMP_MIN = 50;

/**
 * Warnings (imported anyway): a cumulative figure below the unit's previous one, and an
 * increase far above the unit's usual weekly increase. Previous points come from the
 * database and from earlier dates in the same file.
 */
export async function findFigureAnomalies(prisma: PrismaClient, figures: ParsedFigure[]): Promise<ImportProblem[]> {
  const cumulative = figures.filter((f) => f.cumulative);
  if (cumulative.length === 0) return [];
  const history = await loadHistory(prisma, cumulative);
  const byPair = new Map<string, ParsedFigure[]>();
  for (const f of cumulative) {
    const key = `${f.unitId}:${f.indicatorId}`;
    const rows = byPair.get(key);
    if (rows) rows.push(f);
    else byPair.set(key, [f]);
  }
  const warnings: ImportProblem[] = [];
  for (const [key, rows] of byPair) {
    const fileDates = new Set(rows.map((r) => r.asOf.getTime()));
    const points: Point[] = [
      ...(history.get(key) ?? []).filter((p) => !fileDates.has(p.asOf.getTime())),
      ...rows.map((r) => ({ asOf: r.asOf, value: r.value, line: r.line })),
    ].sort((a, b) => a.asOf.getTime() - b.asOf.getTime());
    points.forEach((point, i) => {
      if (point.line === undefined || i === 0) return;
      const previous = points[i - 1] as Point;
      if (point.value < previous.value) {
        warnings.push({
          line: point.line,
          column: "value",
          message: `số cộng dồn giảm từ ${previous.value} (ngày ${formatDateVi(previous.asOf)}) xuống ${point.value}`,
        });
        return;
      }
      const usual = usualWeeklyIncrease(points.slice(Math.max(0, i - HISTORY_POINTS), i));
      const weekly = weeklyRate(previous, point);
      if (usual !== null && weekly > usual * JUMP_FACTOR && weekly - usual >= JUMP_MIN) {
        warnings.push({
          line: point.line,
          column: "value",
          message: `tăng ${Math.round(weekly)}/tuần, cao bất thường so với mức thường ${Math.round(usual)}/tuần`,
        });
      }
    });
  }
  return warnings.sort((a, b) => a.line - b.line);
}

function weeklyRate(from: Point, to: Point): number {
  const weeks = Math.max(1, daysBetween(from.asOf, to.asOf)) / 7;
  return (to.value - from.value) / weeks;
}

/** Median weekly increase over the given points; null with fewer than three increases. */
export function usualWeeklyIncrease(points: Point[]): number | null {
  const rates: number[] = [];
  for (let i = 1; i < points.length; i++) rates.push(weeklyRate(points[i - 1] as Point, points[i] as Point));
  if (rates.length < 3) return null;
  rates.sort((a, b) => a - b);
  const mid = Math.floor(rates.length / 2);
  return rates.length % 2 ? (rates[mid] as number) : ((rates[mid - 1] as number) + (rates[mid] as number)) / 2;
}

async function loadHistory(prisma: PrismaClient, figures: ParsedFigure[]): Promise<Map<string, Point[]>> {
  const pairs = [...new Map(figures.map((f) => [`${f.unitId}:${f.indicatorId}`, f])).values()];
  // A loop, not Math.max(...): spreading a national file's dates overflows the call stack.
  const latest = new Date(figures.reduce((max, f) => Math.max(max, f.asOf.getTime()), Number.NEGATIVE_INFINITY));
  const rows = await prisma.$queryRawUnsafe<{ unit_id: number; indicator_id: number; as_of: Date; value: number }[]>(
    `SELECT p.unit_id, p.indicator_id, h.as_of, h.value
     FROM unnest($1::int[], $2::int[]) AS p(unit_id, indicator_id)
     CROSS JOIN LATERAL (
       SELECT f.as_of, f.value FROM figure f
       WHERE f.unit_id = p.unit_id AND f.indicator_id = p.indicator_id AND f.as_of <= $3::date
       ORDER BY f.as_of DESC LIMIT ${HISTORY_POINTS + 1}
     ) h`,
    pairs.map((p) => p.unitId),
    pairs.map((p) => p.indicatorId),
    latest,
  );
  const history = new Map<string, Point[]>();
  for (const r of rows) {
    const key = `${r.unit_id}:${r.indicator_id}`;
    history.set(key, [...(history.get(key) ?? []), { asOf: r.as_of, value: r.value }]);
  }
  return history;
}
