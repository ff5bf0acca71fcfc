// The data-quality rules as pure functions of numbers, so the week's list, the approval grid
// and the tests judge a series the same way. The loader (week-flags.ts) feeds them.

/** |M| above this is an outlier (Iglewicz and Hoaglin's cut-off, the one DHIS2 uses). */
export const MODIFIED_Z_LIMIT = 3.5;
/** Fewer earlier increases than this say too little about a unit's usual week. */
export const MIN_HISTORY = 4;
/** Fewer siblings' increases than this say too little about what is usual around it. */
export const MIN_SIBLINGS = 5;
/** An increase this close to the usual one is never flagged (tiny communes go from 2 to 9 a week). */
export const MIN_GAP = 50;
/** Unchanged for this many weekly figures in a row (this week included)... */
export const REPEATED_WEEKS = 3;
/** ...while at least this share of the siblings' figures moved over the same weeks. */
export const SIBLINGS_MOVING = 0.5;
/** A denominator this many times larger (or smaller) than the unit's previous one. */
export const DENOMINATOR_FACTOR = 1.5;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type ModifiedZ = { m: number; median: number; spread: number };

/**
 * The modified z-score of x against a sample: M = 0.6745·(x − median)/MAD, where MAD is the
 * median of the absolute deviations from the median.
 *
 * Why not the plain z-score (x − mean)/sd: on skewed data such as weekly increases, one huge
 * value drags the mean towards itself and inflates the standard deviation, so it hides
 * itself (with n points no z can exceed (n−1)/√n at all). The median and the MAD barely
 * move for one outlier.
 *
 * MAD = 0 (more than half the sample identical): the mean absolute deviation stands in,
 * M = (x − median)/(1.2533·MeanAD); when that is 0 too (every value the same), any other x
 * is infinitely far and x itself is 0.
 */
export function modifiedZ(x: number, sample: readonly number[]): ModifiedZ {
  const mid = median(sample);
  const deviations = sample.map((v) => Math.abs(v - mid));
  const mad = median(deviations);
  if (mad > 0) return { m: (0.6745 * (x - mid)) / mad, median: mid, spread: mad };
  const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
  if (meanAd > 0) return { m: (x - mid) / (1.253314 * meanAd), median: mid, spread: meanAd };
  return { m: x === mid ? 0 : (x > mid ? 1 : -1) * Number.POSITIVE_INFINITY, median: mid, spread: 0 };
}

/** The plain z-score, kept only so the tests can show where it misses. */
export function plainZ(x: number, sample: readonly number[]): number {
  const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
  const sd = Math.sqrt(sample.reduce((a, b) => a + (b - mean) ** 2, 0) / sample.length);
  return sd === 0 ? 0 : (x - mean) / sd;
}

export type OutlierFinding = {
  increase: number;
  usual: number;
  m: number;
  /** What the increase was compared with: the unit's own earlier weeks, or its siblings' same week. */
  against: "history" | "siblings";
  sample: number;
};

/**
 * A weekly increase far above the unit's own earlier increases (or a decrease far below them);
 * with too short a history, against its siblings' increases of the same week. Null when it is
 * usual, slower than usual but still up, or too close to the usual one to matter (MIN_GAP).
 */
export function increaseOutlier(
  increase: number,
  history: readonly number[],
  siblings: readonly number[],
): OutlierFinding | null {
  const against = history.length >= MIN_HISTORY ? "history" : siblings.length >= MIN_SIBLINGS ? "siblings" : null;
  if (!against) return null;
  const sample = against === "history" ? history : siblings;
  const z = modifiedZ(increase, sample);
  // A slower week than usual is no sign of a wrong figure; a faster one, or a running total
  // going down, is.
  const unusual = z.m > MODIFIED_Z_LIMIT || (z.m < -MODIFIED_Z_LIMIT && increase < 0);
  if (!unusual || Math.abs(increase - z.median) < MIN_GAP) return null;
  return { increase, usual: z.median, m: z.m, against, sample: sample.length };
}

/**
 * The same value for REPEATED_WEEKS weekly figures or more (newest last, consecutive weeks)
 * while most siblings' figures moved: a form copied forward rather than counted. Returns the
 * number of weeks unchanged, or null.
 */
export function repeatedValue(values: readonly number[], siblingsMovingShare: number | null): number | null {
  const last = values.at(-1);
  if (last === undefined) return null;
  let run = 0;
  for (let i = values.length - 1; i >= 0 && values[i] === last; i--) run++;
  if (run < REPEATED_WEEKS || siblingsMovingShare === null || siblingsMovingShare < SIBLINGS_MOVING) return null;
  return run;
}

/** A count above the population it is counted from (coverage above 100 %): the share, or null. */
export function aboveCeiling(value: number, ceiling: number): number | null {
  return ceiling >= 0 && value > ceiling ? (ceiling === 0 ? Number.POSITIVE_INFINITY : value / ceiling) : null;
}

/** ...and by at least this much. */
export const DENOMINATOR_MIN_GAP = 10;
/** Without enough siblings to compare with, a denominator this many times larger (or smaller) is a jump. */
export const DENOMINATOR_ALONE_FACTOR = 3;

/**
 * A ratio's or checklist's denominator that jumped from the unit's previous one: the factor
 * now/previous, or null. Denominators grow as a program ramps up, so the factor is judged
 * against the siblings' factors over the same reports (modified z-score of its logarithm),
 * and must be at least DENOMINATOR_FACTOR either way; without MIN_SIBLINGS siblings, only a
 * factor of DENOMINATOR_ALONE_FACTOR or more counts.
 */
export function denominatorJump(previous: number, now: number, siblingFactors: readonly number[] = []): number | null {
  if (previous === now) return null;
  if (previous === 0 || now === 0) return Math.max(previous, now) >= 10 ? Number.POSITIVE_INFINITY : null;
  const factor = now / previous;
  const size = factor >= 1 ? factor : 1 / factor;
  // Small denominators (4 procedures becoming 7) move by large factors for ordinary reasons.
  if (size < DENOMINATOR_FACTOR || Math.abs(now - previous) < DENOMINATOR_MIN_GAP) return null;
  const logs = siblingFactors.filter((f) => f > 0 && Number.isFinite(f)).map(Math.log);
  if (logs.length < MIN_SIBLINGS) return size >= DENOMINATOR_ALONE_FACTOR ? factor : null;
  return Math.abs(modifiedZ(Math.log(factor), logs).m) > MODIFIED_Z_LIMIT ? factor : null;
}
