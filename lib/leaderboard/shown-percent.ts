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
