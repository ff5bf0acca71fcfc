import type { RankingItem } from "@/lib/rankings/ranking-types";

/** A hand-made ranked unit: every field a ranking gives, empty unless the test says otherwise. */
export function rankingItem(fields: Partial<RankingItem> & Pick<RankingItem, "code" | "name">): RankingItem {
  return {
    rank: null,
    value: null,
    target: null,
    percent: null,
    reachedOn: null,
    deadline: null,
    daysAhead: null,
    forecastOn: null,
    weeklyChange: null,
    neededPerWeek: null,
    trajectory: null,
    childrenDone: null,
    childrenTotal: null,
    approximate: false,
    discrepancy: null,
    ...fields,
  };
}
