import "server-only";
import { sql } from "@/lib/db/sql";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hasDenominator, SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import {
  compareFractionDesc,
  competitionRanks,
  type Fraction,
  fraction,
  percentOf,
  toNumber,
  weightedPoints,
} from "./arithmetic";
import { increase, periodFields, rankChanges } from "./get-ranking";
import { previousPeriod } from "./periods";
import type { RankingScope } from "./ranking-scope";
import { latestPoint, rankedUnits, targetInForce } from "./ranking-sql";
import type { Ranking, RankingItem, RankingQuery } from "./ranking-types";

// Scorecards (COMPOSITE indicators): a score out of the components' points, bands, and the
// scores the program publishes, imported as the scorecard's own figures.

/**
 * A scorecard: each component worth its weight × the unit's percent of its target (or its
 * ratio without a target), at most the weight. Units rank by the
 * total, compared exactly; the band is the highest whose lower bound the score reaches.
 */
export async function scorecardRanking(
  prisma: PrismaClient,
  scope: RankingScope,
  query: RankingQuery,
  header: Omit<Ranking, "items">,
  /** The ranking of another indicator (each component, and the period before). */
  rank: (query: RankingQuery) => Promise<Ranking>,
): Promise<Ranking> {
  const [published, readings] = await Promise.all([
    publishedScores(prisma, scope, query),
    query.structureOn ? readingsFromRankings(scope, query, rank) : componentReadings(prisma, scope, query.asOf),
  ]);
  const maxScore = scope.components.reduce((sum, c) => sum + c.weight, 0);
  const scored = readings.map(({ unit, parts }) => {
    const components = scope.components.map((c, i) => {
      const part = parts[i]?.part ?? null;
      return {
        c,
        part,
        points: weightedPoints([{ weight: weightOf(c.weight), part }]),
        percent: parts[i]?.percent ?? null,
      };
    });
    const official = published.get(unit.code);
    if (official) return { unit, components: [], score: official.score, maxScore: official.maxScore };
    const reported = components.some((x) => x.part !== null);
    const score = reported
      ? weightedPoints(components.map((x) => ({ weight: weightOf(x.c.weight), part: x.part })))
      : null;
    return { unit, components, score, maxScore };
  });
  scored.sort((a, b) => compareFractionDesc(a.score, b.score) || a.unit.code.localeCompare(b.unit.code));
  const ranks = competitionRanks(
    scored,
    (a, b) => compareFractionDesc(a.score, b.score),
    (x) => x.score !== null,
  );
  const items: RankingItem[] = scored.map((x, i) => {
    const score = x.score ? toNumber(x.score) : null;
    const above = i > 0 ? scored[i - 1]?.score : null;
    return {
      // Only the unit itself from the first component's ranking, none of that component's figures.
      code: x.unit.code,
      name: x.unit.name,
      approximate: x.unit.approximate,
      rank: ranks[i] ?? null,
      value: null,
      target: null,
      percent: null,
      reachedOn: null,
      deadline: null,
      daysAhead: null,
      forecastOn: null,
      weeklyChange: null,
      childrenDone: null,
      childrenTotal: null,
      discrepancy: null,
      score,
      maxScore: x.maxScore,
      band: score === null ? null : bandOf(score, x.maxScore, scope.bands),
      published: x.components.length === 0 && score !== null,
      gapToAbove: score !== null && above ? toNumber(above) - score : null,
      components: x.components.map((k) => ({
        indicator: k.c.code,
        weight: k.c.weight,
        points: toNumber(k.points),
        percent: k.percent,
      })),
    };
  });
  if (!query.period) return { ...header, items };
  const previous = await rank({ ...query, asOf: previousPeriod(query.period).end, period: undefined });
  const before = new Map(previous.items.map((p) => [p.code, p.score ?? null]));
  const changes = rankChanges(items, previous.items);
  return {
    ...header,
    ...periodFields(query.period),
    items: items.map((item, i) => ({
      ...item,
      change: increase(item.score ?? null, before.get(item.code) ?? null),
      ...(changes[i] as { previousRank: number | null; rankChange: number | null }),
    })),
  };
}

/** A ranked unit and, per component in order, how far along it is (exactly) and its percent. */
type Reading = {
  unit: { code: string; name: string; approximate: boolean };
  parts: { part: Fraction | null; percent: number | null }[];
};

/**
 * Every component of every ranked unit in one query: the unit's latest value (and
 * denominator) and the target in force. Only what the score needs; a full ranking per
 * component would also read the week before, the pace, the date reached and the children.
 */
async function componentReadings(prisma: PrismaClient, scope: RankingScope, asOf: Date): Promise<Reading[]> {
  const rows = await prisma.$queryRaw<
    {
      code: string;
      name: string;
      ord: number;
      value: number | null;
      denominator: number | null;
      target: number | null;
    }[]
  >`
    WITH ranked AS (${rankedUnits(scope, asOf)}),
    -- Once per query (not per ranked unit): which components have targets at all.
    part AS MATERIALIZED (
      SELECT p.*, EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = p.indicator_id) AS has_targets
      FROM unnest(${scope.components.map((c) => c.id)}::int[]) WITH ORDINALITY AS p(indicator_id, ord)
    )
    SELECT r.code, r.name, p.ord::int AS ord, v.value::float8 AS value, v.denominator::float8 AS denominator,
           -- Most components have no targets at all: CASE spares their units the lookup.
           CASE WHEN p.has_targets
             THEN (SELECT t.value FROM (${targetInForce("r.id", sql`p.indicator_id`, asOf)}) t)::float8 END AS target
    FROM ranked r CROSS JOIN part p
    LEFT JOIN LATERAL (${latestPoint("r.id", sql`p.indicator_id`, asOf, ["value", "denominator"])}) v ON true
    ORDER BY r.code, p.ord`;
  const byUnit = new Map<string, Reading>();
  for (const row of rows) {
    const reading = byUnit.get(row.code) ?? { unit: { code: row.code, name: row.name, approximate: false }, parts: [] };
    byUnit.set(row.code, reading);
    const component = scope.components[row.ord - 1];
    reading.parts[row.ord - 1] = component
      ? partOf(hasDenominator(component.kind), row.value, row.denominator, row.target)
      : { part: null, percent: null };
  }
  return [...byUnit.values()];
}

/**
 * One component's progress: value / target for a count; for a ratio, ratio / share target
 * (targets in hundredths of a percent), or its ratio without a target. Percent for display.
 */
function partOf(
  shares: boolean,
  value: number | null,
  denominator: number | null,
  target: number | null,
): Reading["parts"][number] {
  // The percents are worked out as the rankings work them out, so both show the same digits.
  if (!shares) return { part: fraction(value, target), percent: percentOf(value, target) };
  if (value === null || denominator === null || denominator <= 0) return { part: null, percent: null };
  const ratio = (value / denominator) * 100;
  if (target === null) return { part: fraction(value, denominator), percent: ratio };
  return {
    part: fraction(BigInt(value) * BigInt(100 * SHARE_TARGET_SCALE), BigInt(denominator) * BigInt(target)),
    percent: (ratio / (target / SHARE_TARGET_SCALE)) * 100,
  };
}

/**
 * Through the 2025 crosswalk the components are ranked on their own (re-aggregating each),
 * and their items read back.
 */
async function readingsFromRankings(
  scope: RankingScope,
  query: RankingQuery,
  rank: (query: RankingQuery) => Promise<Ranking>,
): Promise<Reading[]> {
  const rankings = await Promise.all(
    scope.components.map((c) => rank({ ...query, indicator: c.code, period: undefined })),
  );
  const byUnit = rankings.map((r) => new Map(r.items.map((item) => [item.code, item])));
  return (rankings[0]?.items ?? []).map((unit) => ({
    unit: { code: unit.code, name: unit.name, approximate: unit.approximate },
    parts: byUnit.map((items) => {
      const item = items.get(unit.code);
      return { part: item ? progressOf(item) : null, percent: item?.percent ?? item?.ratio ?? null };
    }),
  }));
}

/**
 * Scores published by the program and imported as the scorecard's own figures (points and
 * maximum in hundredths): a unit with one is ranked by it, as published, not by its components.
 */
async function publishedScores(
  prisma: PrismaClient,
  scope: RankingScope,
  query: RankingQuery,
): Promise<Map<string, { score: Fraction; maxScore: number }>> {
  if (query.structureOn) return new Map();
  const rows = await prisma.$queryRaw<{ code: string; own_value: number | null; denominator: number | null }[]>`
    WITH ranked AS (${rankedUnits(scope, query.asOf)})
    SELECT r.code, p.own_value::float8 AS own_value, p.denominator::float8 AS denominator FROM ranked r
    CROSS JOIN LATERAL (${latestPoint("r.id", scope.indicatorId, query.asOf, ["own_value", "denominator"])}) p
    WHERE p.own_value IS NOT NULL AND p.denominator > 0`;
  return new Map(
    rows.map((r) => [
      r.code,
      { score: fraction(r.own_value, 100) as Fraction, maxScore: (r.denominator as number) / 100 },
    ]),
  );
}

const weightOf = (weight: number) => fraction(Math.round(weight * 100), 100) as Fraction;

/**
 * How far a unit is along an indicator, exactly: value / target for a count; ratio / share
 * for an indicator with a denominator and a target; its ratio without a target.
 */
export function progressOf(item: RankingItem): Fraction | null {
  if (item.numerator !== undefined) {
    if (item.numerator === null || item.denominator == null) return null;
    if (item.target === null) return fraction(item.numerator, item.denominator);
    return fraction(
      BigInt(item.numerator) * BigInt(100 * SHARE_TARGET_SCALE),
      BigInt(item.denominator) * BigInt(Math.round(item.target * SHARE_TARGET_SCALE)),
    );
  }
  return fraction(item.value, item.target);
}

/** The band's label: "< 80", "80–90", "≥ 90" for bounds 80, 90 (percent of the total points). */
export function bandOf(score: number, maxScore: number, bounds: number[]): string {
  const percent = maxScore > 0 ? (score / maxScore) * 100 : 0;
  const reached = bounds.filter((b) => percent >= b).length;
  if (reached === 0) return `< ${bounds[0] ?? 0}`;
  if (reached === bounds.length) return `≥ ${bounds[reached - 1]}`;
  return `${bounds[reached - 1]}–${bounds[reached]}`;
}
