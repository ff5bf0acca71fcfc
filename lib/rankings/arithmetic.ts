import { addDays, daysBetween } from "@/lib/format/dates";

// The arithmetic leadership quotes: "xếp thứ 3, đạt 128,35 %, về đích trước 45 ngày".
// Pure functions, so each rule is tested on hand-made cases.

/** Percent of target, unrounded (rounding is for display). Null without a target. */
export function percentOf(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return (value / target) * 100;
}

/** An exact non-negative number n/d (d > 0): what units are ranked by, compared without rounding. */
export type Fraction = { n: bigint; d: bigint };

/** n/d as a Fraction; null unless both are known and d > 0. */
export function fraction(n: number | bigint | null, d: number | bigint | null): Fraction | null {
  if (n === null || d === null || d <= 0) return null;
  return { n: BigInt(n), d: BigInt(d) };
}

/**
 * Highest first, exactly (cross multiplication in BigInt, no floating point), so 1/3 and 2/6
 * tie. Nulls (units that cannot be ranked) come last.
 */
export function compareFractionDesc(a: Fraction | null, b: Fraction | null): number {
  if (!a || !b) return !a === !b ? 0 : a ? -1 : 1;
  const left = b.n * a.d;
  const right = a.n * b.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const toNumber = (f: Fraction): number => Number(f.n) / Number(f.d);

/** Orders by percent of target, highest first, exactly (see compareFractionDesc); units without a value or a target last. */
export function comparePercentDesc(
  a: { value: number | null; target: number | null },
  b: { value: number | null; target: number | null },
): number {
  return compareFractionDesc(fraction(a.value, a.target), fraction(b.value, b.target));
}

/**
 * Competition ranking over items already sorted with `compare`: equal items share a rank
 * and the next rank skips (1, 2, 2, 4). Items that cannot be ranked get null.
 */
export function competitionRanks<T>(
  sorted: T[],
  compare: (a: T, b: T) => number,
  rankable: (item: T) => boolean,
): (number | null)[] {
  const ranks: (number | null)[] = [];
  for (const [i, item] of sorted.entries()) {
    const previous = sorted[i - 1];
    const tiesPrevious = previous !== undefined && rankable(previous) && compare(previous, item) === 0;
    if (!rankable(item)) ranks.push(null);
    else ranks.push(tiesPrevious ? (ranks[i - 1] as number) : i + 1);
  }
  return ranks;
}

/**
 * Days ahead of the deadline: deadline − reached-on (negative when reached late). Not yet
 * reached: negative days late once the deadline has passed, otherwise null.
 */
export function daysAhead(deadline: Date | null, reachedOn: Date | null, asOf: Date): number | null {
  if (!deadline) return null;
  if (reachedOn) return daysBetween(reachedOn, deadline);
  return asOf > deadline ? daysBetween(asOf, deadline) : null;
}

/** Weeks of history the forecast's pace is taken over. */
export const PACE_WEEKS = 4;

/**
 * The date the target is reached at the recent pace (average weekly increase over the last
 * PACE_WEEKS weeks). Null when already reached, without a target, or when the pace is zero.
 */
export function forecastReachDate(
  value: number | null,
  target: number | null,
  valueWeeksAgo: number | null,
  asOf: Date,
): Date | null {
  if (value === null || target === null || valueWeeksAgo === null || value >= target) return null;
  const perWeek = (value - valueWeeksAgo) / PACE_WEEKS;
  if (perWeek <= 0) return null;
  return addDays(asOf, Math.ceil(((target - value) / perWeek) * 7));
}
