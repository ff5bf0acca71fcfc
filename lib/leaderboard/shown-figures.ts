import type { Measure } from "@/lib/indicators/indicator-kinds";
import type { RankingItem } from "@/lib/rankings/ranking-types";

/**
 * The percent a bar or a map colour shows: percent of target; a ratio where there is no
 * target; a scorecard's score as a share of its maximum.
 */
export function shownPercent(item: RankingItem): number | null {
  if (item.score !== undefined)
    return item.score === null || !item.maxScore ? null : (item.score / item.maxScore) * 100;
  return item.percent ?? item.ratio ?? null;
}

/** What a ranking's items measure, read from the items themselves (scorecards carry a score, ratios a ratio). */
export function measureOfItems(items: RankingItem[]): Measure {
  const first = items[0];
  if (first?.score !== undefined) return "score";
  return first?.ratio !== undefined ? "ratio" : "count";
}

/**
 * A unit's figure as tables show it: a count, numerator/denominator, or a scorecard's points
 * out of its maximum; empty when it has none.
 */
export function shownFigure(
  item: RankingItem,
  f: { count: (n: number | null) => string; points: (n: number | null) => string },
): string {
  if (item.score !== undefined)
    return item.score === null ? "" : `${f.points(item.score)}/${f.points(item.maxScore ?? null)}`;
  if (item.ratio !== undefined)
    return item.numerator == null ? "" : `${f.count(item.numerator)}/${f.count(item.denominator ?? null)}`;
  return f.count(item.value);
}
