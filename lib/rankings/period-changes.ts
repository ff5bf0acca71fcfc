import type { Period } from "@/lib/calendar/periods";
import { isoDate } from "@/lib/format/dates";
import type { RankingItem } from "./ranking-types";

// What a ranking of a reporting period adds to each item: how much it grew within the
// period and how many places it gained against the period before.

export function periodFields(period: Period) {
  return { period: period.key, periodStart: isoDate(period.start), periodEnd: isoDate(period.end) };
}

/** The increase within a period; unknown (null) without a value at its end or before it began. */
export function increase(value: number | null, base: number | null): number | null {
  return value !== null && base !== null ? value - base : null;
}

/** Each item's rank in `previous` (by unit code) and the places gained since (negative: lost). */
export function rankChanges(
  items: Pick<RankingItem, "code" | "rank">[],
  previous: Pick<RankingItem, "code" | "rank">[],
): { previousRank: number | null; rankChange: number | null }[] {
  const before = new Map(previous.map((i) => [i.code, i.rank]));
  return items.map((item) => {
    const previousRank = before.get(item.code) ?? null;
    return {
      previousRank,
      rankChange: item.rank !== null && previousRank !== null ? previousRank - item.rank : null,
    };
  });
}
