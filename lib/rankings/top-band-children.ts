import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_BANDS } from "@/lib/indicators/indicator-kinds";
import { reachesPercent } from "@/lib/indicators/score-model";
import { readModel } from "@/lib/series/bases";
import { inForceOn } from "@/lib/units/in-force";
import type { RankingScope } from "./ranking-scope";
import { rankedUnits } from "./ranking-sql";
import { scoresOn } from "./scorecard-reads";
import { near } from "./scored-units";

// How many of a ranked unit's children reach a scorecard's top band, from their stored
// scores (unit_score); a child within a hair of the band's bound is scored again exactly.

/** The lower bound of the top band (percent of the maximum): what a child must reach to count. */
export function topBand(bands: number[]): number {
  return bands.at(-1) ?? (DEFAULT_BANDS.at(-1) as number);
}

/**
 * Per ranked unit: its children in force on `on`, and how many of them score at least
 * `threshold` percent of their maximum, from unit_score (one lookup per child); a child
 * within a hair of the threshold is scored again exactly.
 */
export async function childrenInTopBand(
  prisma: PrismaClient,
  scope: RankingScope,
  on: Date,
  threshold: number,
): Promise<Map<string, { done: number; total: number }>> {
  const rows = await prisma.$queryRaw<
    { parent_code: string; id: number; code: string; score: number | null; max_score: number | null }[]
  >`
    SELECT r.code AS parent_code, c.id, c.code, s.score, s.max_score
    FROM (${rankedUnits(scope, on)}) r
    JOIN unit c ON c.parent_id = r.id AND ${inForceOn("c", on)}
    LEFT JOIN LATERAL (
      SELECT score, max_score FROM ${readModel(scope.basis).scores}
      WHERE indicator_id = ${scope.indicatorId}::int AND unit_id = c.id AND as_of <= ${on}::date
      ORDER BY as_of DESC LIMIT 1
    ) s ON true`;
  const counts = new Map<string, { done: number; total: number }>();
  const onEdge = new Map<number, { parent: string; code: string }>();
  for (const row of rows) {
    const count = counts.get(row.parent_code) ?? { done: 0, total: 0 };
    counts.set(row.parent_code, count);
    count.total++;
    if (row.score === null || row.max_score === null || row.max_score <= 0) continue;
    const percent = (row.score / row.max_score) * 100;
    if (near(percent, threshold)) onEdge.set(row.id, { parent: row.parent_code, code: row.code });
    else if (percent > threshold) count.done++;
  }
  if (onEdge.size) {
    const parentOf = new Map([...onEdge.values()].map((n) => [n.code, n.parent]));
    for (const child of await scoresOn(prisma, scope, on, [...onEdge.keys()])) {
      const count = counts.get(parentOf.get(child.unit.code) as string);
      const exact = child.exact();
      if (count && exact && reachesPercent(exact, child.maxScore, threshold)) count.done++;
    }
  }
  return counts;
}
