import type { RankingItem } from "@/lib/rankings/ranking-types";

/** Not done, and at its recent pace it misses the deadline (or it has passed): the trajectory's "at risk" and "off track". */
export function isAtRisk(item: RankingItem): boolean {
  return item.trajectory === "at-risk" || item.trajectory === "off-track";
}
