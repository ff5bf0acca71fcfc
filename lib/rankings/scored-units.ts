import { isoDate } from "@/lib/format/dates";
import {
  bandLabel,
  bandOf,
  exactScoreOf,
  maxScoreOf,
  type Progress,
  pointsOf,
  scoreOf,
} from "@/lib/indicators/score-model";
import { compareFractionDesc, competitionRanks, type Fraction, fraction, toNumber } from "./arithmetic";
import type { RankingScope } from "./ranking-scope";

// Scored units and how they are ordered: in floating point where the scores are clearly
// apart, exactly (BigInt fractions) where floating point comes within a hair of deciding
// (a tie, a band's bound).

/** Scores this close (relative) are settled exactly: floating point is good to ~1e-15. */
export const NEAR = 1e-9;

type Component = RankingScope["components"][number];

/** A unit's score on a date, and each component's share of it. */
export type ScoredUnit = {
  unit: { code: string; name: string; approximate: boolean };
  /** Σ each component's points, in floating point; null when no component has a value. */
  score: number | null;
  /** The score exactly, worked out only when floating point cannot decide. */
  exact: () => Fraction | null;
  maxScore: number;
  /** Empty for a published score. */
  components: { c: Component; points: number; percent: number | null }[];
  published: boolean;
};

/** How far a unit is along one component, and its percent for display. Null without a value. */
export type Part = { progress: Progress; percent: number | null } | null;

/** Too close for floating point to order: relative to the larger, or to 1 near zero. */
export function near(a: number, b: number, tolerance = NEAR): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Highest score first, exactly: floating point decides where the scores are apart by more
 * than its error could make up, the exact fractions where they are not. Unscored units last.
 */
function compareScored(a: ScoredUnit, b: ScoredUnit): number {
  if (a.score === null || b.score === null) return a.score === b.score ? 0 : a.score === null ? 1 : -1;
  if (!near(a.score, b.score)) return a.score > b.score ? -1 : 1;
  return compareFractionDesc(a.exact(), b.exact());
}

/** Highest score first; then by code, so the order never depends on the query plan. */
export function rankScored(scored: ScoredUnit[]): ScoredUnit[] {
  return [...scored].sort((a, b) => compareScored(a, b) || a.unit.code.localeCompare(b.unit.code));
}

/** Competition ranks of units already in rankScored order: equal scores share a rank. */
export function ranksOf(sorted: ScoredUnit[]): (number | null)[] {
  return competitionRanks(sorted, compareScored, (x) => x.score !== null);
}

/** The scores shown, in rankScored order: units tied exactly show the same number. */
export function shownScores(sorted: ScoredUnit[], ranks: (number | null)[]): (number | null)[] {
  const shown: (number | null)[] = [];
  sorted.forEach((x, i) => {
    shown.push(i > 0 && ranks[i] !== null && ranks[i] === ranks[i - 1] ? (shown[i - 1] ?? null) : x.score);
  });
  return shown;
}

/** Each unit's rank and score: what the period before is compared on. */
export function ranked(scored: ScoredUnit[]): { code: string; rank: number | null; score: number | null }[] {
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  const scores = shownScores(sorted, ranks);
  return sorted.map((x, i) => ({ code: x.unit.code, rank: ranks[i] ?? null, score: scores[i] ?? null }));
}

/** The units tied at the highest score (none when nobody is scored). */
export function leadersOf(scored: ScoredUnit[]): Set<string> {
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  return new Set(sorted.filter((_, i) => ranks[i] === 1).map((x) => x.unit.code));
}

/** A score published by the program: points and maximum, both imported in hundredths. */
export function publishedOf(points: number | null, max: number | null): { score: Fraction; maxScore: number } | null {
  return points !== null && max !== null && max > 0
    ? { score: fraction(points, 100) as Fraction, maxScore: max / 100 }
    : null;
}

/**
 * A unit's score from its components' parts (see the score model), or as published by the
 * program: a published score is ranked as it is, not recomputed. The exact score is worked
 * out only if asked for.
 */
export function scoredFrom(
  scope: Pick<RankingScope, "components">,
  parts: Part[],
  published: { score: Fraction; maxScore: number } | null,
): Pick<ScoredUnit, "score" | "exact" | "maxScore" | "components" | "published"> {
  if (published) {
    return {
      score: toNumber(published.score),
      exact: () => published.score,
      maxScore: published.maxScore,
      components: [],
      published: true,
    };
  }
  const points = scope.components.map((c, i) => pointsOf(c.weight, parts[i]?.progress ?? null));
  const score = scoreOf(points);
  let exact: Fraction | null | undefined;
  return {
    score,
    exact: () => {
      if (exact === undefined) {
        exact =
          score === null
            ? null
            : exactScoreOf(
                scope.components.map((c, i) => ({ weight: c.weight, progress: parts[i]?.progress ?? null })),
              );
      }
      return exact;
    },
    maxScore: maxScoreOf(scope.components.map((c) => c.weight)),
    components: scope.components.map((c, i) => ({ c, points: points[i] ?? 0, percent: parts[i]?.percent ?? null })),
    published: false,
  };
}

/** A stored score as a scored unit, for ranking: one that needs no exact score. */
export function storedUnit(date: Date, x: { code: string; score: number }): ScoredUnit {
  return {
    unit: { code: x.code, name: "", approximate: false },
    score: x.score,
    exact: () => {
      throw new Error(`No exact score of ${x.code} on ${isoDate(date)}: it has no neighbour within a hair.`);
    },
    maxScore: 0,
    components: [],
    published: false,
  };
}

/** A scored unit's band: from floating point, unless its percent lies within a hair of a bound. */
export function bandOfScored(x: ScoredUnit, bounds: number[]): string | null {
  if (x.score === null) return null;
  const percent = (x.score / x.maxScore) * 100;
  if (x.maxScore > 0 && bounds.every((bound) => !near(percent, bound))) {
    return bandLabel(bounds.filter((bound) => percent > bound).length, bounds);
  }
  return bandOf(x.exact() as Fraction, x.maxScore, bounds);
}
