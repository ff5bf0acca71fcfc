import { ident, type Sql, sql } from "@/lib/db/sql";
import { SHARE_TARGET_SCALE } from "./indicator-kinds";

// A scorecard's score (QĐ 766/QĐ-TTg: "29/34, dịch vụ trực tuyến 14,31/22"), and when a ratio
// reaches its share target, written once: each rule in TypeScript, for the rankings, and
// beside it in SQL, for the read models (unit_score, unit_series) and the rankings' queries.
// The two must give the same numbers, to the last bit: the SQL does the same floating point
// operations in the same order as the TypeScript next to it. Exact versions (BigInt) settle
// what floating point cannot: a tie, a band's bound.

/** An exact non-negative number n/d (d > 0), as the rankings compare them. */
type Exact = { n: bigint; d: bigint };

/**
 * How far a unit is along one component: (n × k) / (d × e), all integers, kept as factors
 * so the exact fraction needs no rounding and floating point divides only once.
 */
export type Progress = { n: number; k: number; d: number; e: number };

/** `numerator × 100 × SHARE_TARGET_SCALE`: a ratio in the unit share targets are stored in. */
const SHARE = 100 * SHARE_TARGET_SCALE;

/**
 * One component's progress: value / target for a count; for a ratio, ratio / share target
 * (targets in hundredths of a percent), or its ratio without a target. Null without a value,
 * or without a positive divisor.
 */
export function progressOf(
  shares: boolean,
  value: number | null,
  denominator: number | null,
  target: number | null,
): Progress | null {
  if (value === null) return null;
  if (!shares) return target !== null && target > 0 ? { n: value, k: 1, d: target, e: 1 } : null;
  if (denominator === null || denominator <= 0) return null;
  if (target === null) return { n: value, k: 1, d: denominator, e: 1 };
  return target > 0 ? { n: value, k: SHARE, d: denominator, e: target } : null;
}

/** progressOf in SQL: a subquery giving the factors n, k, d, e (float8) in one row, or no row. */
export function progressSql(shares: Sql, value: Sql, denominator: Sql, target: Sql): Sql {
  const v = sql`(${value})::float8`;
  const den = sql`(${denominator})::float8`;
  const t = sql`(${target})::float8`;
  return sql`
    SELECT ${v} AS n, 1::float8 AS k, ${t} AS d, 1::float8 AS e
    WHERE NOT ${shares} AND ${v} IS NOT NULL AND ${t} > 0
    UNION ALL
    SELECT ${v}, 1::float8, ${den}, 1::float8
    WHERE ${shares} AND ${v} IS NOT NULL AND ${den} > 0 AND ${t} IS NULL
    UNION ALL
    SELECT ${v}, ${SHARE}::float8, ${den}, ${t}
    WHERE ${shares} AND ${v} IS NOT NULL AND ${den} > 0 AND ${t} > 0`;
}

/**
 * The progress is complete: n × k ≥ d × e (exact while the products stay below 2⁵³). For a
 * ratio against its share target this is shareReached.
 */
export function reached(p: Progress): boolean {
  return p.n * p.k >= p.d * p.e;
}

/** reached in SQL, over the factors of the progressSql row named `p`. */
export function reachedSql(p: string): Sql {
  const x = ident(p);
  return sql`${x}.n * ${x}.k >= ${x}.d * ${x}.e`;
}

/**
 * A ratio reaches its share target (in hundredths of a percent): numerator / denominator ≥
 * target, i.e. numerator × 100 × SHARE_TARGET_SCALE ≥ denominator × target. Never without a
 * positive denominator.
 */
export function shareReached(numerator: number, denominator: number | null, target: number): boolean {
  return denominator !== null && denominator > 0 && reached({ n: numerator, k: SHARE, d: denominator, e: target });
}

/**
 * shareReached in SQL. `as` is the type the products are worked out in: bigint for stored
 * figures (exact), float8 for sums carried through the crosswalk (which have fractions).
 */
export function shareReachedSql(numerator: Sql, denominator: Sql, target: Sql, as: "bigint" | "float8"): Sql {
  const scale = as === "bigint" ? sql`${SHARE}::bigint` : sql`${SHARE}::float8`;
  return sql`(${denominator} > 0 AND ${numerator} * ${scale} >= ${denominator} * ${target})`;
}

/** A component's weight is given to hundredths of a point. */
export const weightInHundredths = (weight: number): number => Math.round(weight * 100);

/** weightInHundredths in SQL, of a numeric weight (indicator_component.weight), as float8. */
export const weightInHundredthsSql = (weight: Sql): Sql => sql`round(${weight} * 100)::float8`;

/**
 * A component's points: weight × min(1, progress), in floating point with one division (so
 * 60 × 9/10 is 54, not 54,000…01). Null without a progress (the component scores nothing).
 */
export function pointsOf(weight: number, p: Progress | null): number | null {
  if (!p) return null;
  const hundredths = weightInHundredths(weight);
  if (reached(p)) return hundredths / 100;
  return (hundredths * p.n * p.k) / (100 * p.d * p.e);
}

/** pointsOf in SQL: `hundredths` a weightInHundredthsSql, `p` the name of a progressSql row (NULLs for none). */
export function pointsSql(hundredths: Sql, p: string): Sql {
  const x = ident(p);
  return sql`CASE WHEN ${x}.n IS NULL THEN NULL
    WHEN ${reachedSql(p)} THEN ${hundredths} / 100::float8
    ELSE (${hundredths} * ${x}.n * ${x}.k) / (100::float8 * ${x}.d * ${x}.e) END`;
}

/** The score: the components' points summed in their order; null when none has any. */
export function scoreOf(points: (number | null)[]): number | null {
  let score: number | null = null;
  for (const p of points) if (p !== null) score = (score ?? 0) + p;
  return score;
}

/** scoreOf in SQL: an aggregate of pointsSql over the components' rows, in their order. */
export const scoreSql = (points: Sql, order: Sql): Sql => sql`sum(${points} ORDER BY ${order})`;

/** The most a scorecard can score: its weights summed in order. */
export function maxScoreOf(weights: number[]): number {
  return weights.reduce((sum, w) => sum + weightInHundredths(w) / 100, 0);
}

/** maxScoreOf in SQL: an aggregate over the components' rows, in their order. */
export const maxScoreSql = (hundredths: Sql, order: Sql): Sql =>
  sql`sum(${hundredths} / 100::float8 ORDER BY ${order})`;

/** The score exactly: Σ weightᵢ × min(1, progressᵢ). A component without progress scores 0. */
export function exactScoreOf(components: { weight: number; progress: Progress | null }[]): Exact {
  let total: Exact = { n: 0n, d: 1n };
  for (const { weight, progress } of components) {
    if (progress) total = add(total, exactPoints(BigInt(weightInHundredths(weight)), exactProgress(progress)));
  }
  return total;
}

/** A progress as an exact fraction. */
export const exactProgress = (p: Progress): Exact => ({ n: BigInt(p.n) * BigInt(p.k), d: BigInt(p.d) * BigInt(p.e) });

/** weight (in hundredths) × min(1, part), exactly. */
function exactPoints(hundredths: bigint, part: Exact): Exact {
  const capped = part.n > part.d ? { n: 1n, d: 1n } : part;
  return { n: hundredths * capped.n, d: 100n * capped.d };
}

const add = (a: Exact, b: Exact): Exact => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });

/** score ≥ percent % of maxScore, exactly (both given to hundredths). */
export function reachesPercent(score: Exact, maxScore: number, percent: number): boolean {
  return score.n * 10_000n * 100n >= BigInt(Math.round(percent * 100)) * BigInt(Math.round(maxScore * 100)) * score.d;
}

/**
 * The band's label: "< 80", "80–90", "≥ 90" for bounds 80, 90 (percent of the total points).
 * A bound is reached exactly, as a child in the top band is counted: 16,08 of 20,1 points is
 * 80 %, although 16.08 / 20.1 in floating point falls just short.
 */
export function bandOf(score: Exact, maxScore: number, bounds: number[]): string {
  return bandLabel(bounds.filter((bound) => reachesPercent(score, maxScore, bound)).length, bounds);
}

/** The label of the band above the lowest `reached` of `bounds`. */
export function bandLabel(reachedBounds: number, bounds: number[]): string {
  if (reachedBounds === 0) return `< ${bounds[0] ?? 0}`;
  if (reachedBounds === bounds.length) return `≥ ${bounds[reachedBounds - 1]}`;
  return `${bounds[reachedBounds - 1]}–${bounds[reachedBounds]}`;
}
