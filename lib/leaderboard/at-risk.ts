import type { RankingItem } from "@/lib/rankings/ranking-types";

/** Not yet reached and the forecast at the current pace falls after the deadline, or there is no progress. */
export function isAtRisk(item: RankingItem): boolean {
  if (item.reachedOn || item.target === null || item.value === null || !item.deadline) return false;
  // Ratios have no forecast (a share can fall as well as rise): only an overdue one is at risk.
  if (item.ratio !== undefined) return item.daysAhead !== null && item.daysAhead < 0;
  return item.forecastOn === null || item.forecastOn > item.deadline;
}
