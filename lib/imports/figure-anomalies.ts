import "server-only";
import type { Db } from "@/lib/db/db";
import {
  AT_MOST,
  figureFindings,
  fileMessage,
  HISTORY_POINTS,
  type Point,
  usualWeeklyIncrease,
} from "@/lib/figures/figure-rules";
import { recentFigures } from "@/lib/figures/recent-figures";
import type { ImportProblem } from "@/lib/imports/row-checks";

export type ParsedFigure = {
  line: number;
  unitId: number;
  indicatorId: number;
  indicator: string;
  cumulative: boolean;
  asOf: Date;
  value: number;
  /** RATIO and CHECKLIST: the denominator (value is the numerator); null for counts. */
  denominator: number | null;
};

type FilePoint = Point & { line?: number };

/**
 * Warnings for an imported file (imported anyway), by the rules the entry form applies as
 * the user types (figure-rules): a cumulative figure below the unit's previous one, an
 * increase far above the unit's usual weekly increase, an intake above the eligible
 * citizens of the same unit and date. Earlier points come from the database and from
 * earlier dates in the same file.
 */
export async function findFigureAnomalies(db: Db, figures: ParsedFigure[]): Promise<ImportProblem[]> {
  const ceilings = await ceilingsOf(db, figures);
  const cumulative = figures.filter((f) => f.cumulative);
  const history = cumulative.length ? await loadHistory(db, cumulative) : new Map<string, Point[]>();
  const byPair = new Map<string, ParsedFigure[]>();
  for (const f of figures) {
    const key = `${f.unitId}:${f.indicatorId}`;
    const rows = byPair.get(key);
    if (rows) rows.push(f);
    else byPair.set(key, [f]);
  }
  const warnings: ImportProblem[] = [];
  for (const [key, rows] of byPair) {
    const fileDates = new Set(rows.map((r) => r.asOf.getTime()));
    const points: FilePoint[] = [
      ...(history.get(key) ?? []).filter((p) => !fileDates.has(p.asOf.getTime())),
      ...rows.map((r) => ({ asOf: r.asOf, value: r.value, line: r.line })),
    ].sort((a, b) => a.asOf.getTime() - b.asOf.getTime());
    const cumulativePair = rows[0]?.cumulative ?? false;
    points.forEach((point, i) => {
      if (point.line === undefined) return;
      const findings = figureFindings({
        value: point.value,
        asOf: point.asOf,
        cumulative: cumulativePair,
        previous: i > 0 ? (points[i - 1] as Point) : null,
        usual: i > 0 ? usualWeeklyIncrease(points.slice(Math.max(0, i - HISTORY_POINTS), i)) : null,
        ceiling: ceilings.get(point.line) ?? null,
      });
      for (const finding of findings)
        warnings.push({ line: point.line, column: "value", message: fileMessage(finding) });
    });
  }
  return warnings.sort((a, b) => a.line - b.line);
}

/**
 * For each figure with a ceiling (AT_MOST), by line: the ceiling indicator's figure of the
 * same unit and date, from the same file or else from the database.
 */
async function ceilingsOf(db: Db, figures: ParsedFigure[]): Promise<Map<number, { of: string; value: number }>> {
  const byLine = new Map<number, { of: string; value: number }>();
  const inFile = new Map(figures.map((f) => [`${f.unitId}:${f.indicator}:${f.asOf.getTime()}`, f.value]));
  const missing: ParsedFigure[] = [];
  for (const f of figures) {
    const ceiling = AT_MOST[f.indicator];
    if (!ceiling) continue;
    const value = inFile.get(`${f.unitId}:${ceiling}:${f.asOf.getTime()}`);
    if (value === undefined) missing.push(f);
    else byLine.set(f.line, { of: ceiling, value });
  }
  if (missing.length === 0) return byLine;
  const rows = await db.$queryRaw<{ line: number; of: string; value: number }[]>`
    SELECT i.line, i.ceiling AS of, f.value
    FROM unnest(${missing.map((f) => f.line)}::int[], ${missing.map((f) => f.unitId)}::int[],
                ${missing.map((f) => f.asOf)}::date[], ${missing.map((f) => AT_MOST[f.indicator] as string)}::text[])
      AS i(line, unit_id, as_of, ceiling)
    JOIN indicator c ON c.code = i.ceiling
    JOIN figure f ON f.unit_id = i.unit_id AND f.indicator_id = c.id AND f.as_of = i.as_of`;
  for (const r of rows) byLine.set(r.line, { of: r.of, value: r.value });
  return byLine;
}

function loadHistory(db: Db, figures: ParsedFigure[]): Promise<Map<string, Point[]>> {
  const pairs = [...new Map(figures.map((f) => [`${f.unitId}:${f.indicatorId}`, f])).values()];
  // A loop, not Math.max(...): spreading a national file's dates overflows the call stack.
  const latest = new Date(figures.reduce((max, f) => Math.max(max, f.asOf.getTime()), Number.NEGATIVE_INFINITY));
  return recentFigures(db, pairs, { date: latest, inclusive: true }, HISTORY_POINTS + 1);
}
