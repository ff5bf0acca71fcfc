import "server-only";
import { sql } from "@/lib/db/sql";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hasDenominator, SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import { progressOf } from "@/lib/indicators/score-model";
import { readModel } from "@/lib/series/bases";
import { latestPoint } from "@/lib/series/series-sql";
import { percentOf } from "./arithmetic";
import type { RankingScope } from "./ranking-scope";
import { rankedUnits } from "./ranking-sql";
import type { Ranking, RankingItem, RankingQuery } from "./ranking-types";
import { type Part, publishedOf, type ScoredUnit, scoredFrom } from "./scored-units";

// Where a scorecard's scores come from: its components' points and targets in unit_series
// and target (scored by the score model), the scores stored in the unit_score read model,
// or, across the 2025 reorganisation, the components' own rankings.

export type StoredScore = { id: number; code: string; score: number };
/** Each unit's latest stored score at or before a date. */
export type Stored = (date: Date) => StoredScore[];

/**
 * The ranked units' stored scores (unit_score) over `dates`, one range per unit, read once:
 * for each date, each unit's latest score at or before it. Units are those ranked on the
 * newest date.
 */
export async function storedScores(prisma: PrismaClient, scope: RankingScope, dates: Date[]): Promise<Stored> {
  if (!dates.length) return () => [];
  const last = new Date(Math.max(...dates.map((d) => d.getTime())));
  const first = new Date(Math.min(...dates.map((d) => d.getTime())));
  // Each unit's days and scores as arrays in one JSON document: for a month and the months
  // before it that is tens of thousands of points, too many for a row object each.
  const [read] = await prisma.$queryRaw<{ units: [number, string, number[], number[]][] }[]>`
    SELECT coalesce(json_agg(json_build_array(r.id, r.code, s.days, s.scores)), '[]') AS units
    FROM (${rankedUnits(scope, last)}) r
    JOIN LATERAL (
      SELECT array_agg(as_of - DATE '1970-01-01' ORDER BY as_of) AS days, array_agg(score ORDER BY as_of) AS scores
      FROM ${readModel(scope.basis).scores}
      WHERE indicator_id = ${scope.indicatorId}::int AND unit_id = r.id AND as_of <= ${last}::date
        AND as_of >= coalesce((SELECT max(c.as_of) FROM ${readModel(scope.basis).scores} c
                               WHERE c.indicator_id = ${scope.indicatorId}::int AND c.unit_id = r.id AND c.as_of <= ${first}::date),
                              ${first}::date)
    ) s ON s.days IS NOT NULL`;
  const byUnit = new Map(
    (read?.units ?? []).map(([id, code, days, scores]) => [
      id,
      { code, points: days.map((day, i) => ({ time: day * DAY_MS, score: scores[i] as number })) },
    ]),
  );
  return (date) =>
    [...byUnit].flatMap(([id, unit]) => {
      const point = latestBy(unit.points, date.getTime());
      return point ? [{ id, code: unit.code, score: point.score }] : [];
    });
}

const DAY_MS = 86_400_000;

/** The last of `list` (in time order) at or before `time`, by binary search; null if none. */
function latestBy<T extends { time: number }>(list: T[], time: number): T | null {
  let low = 0;
  let high = list.length; // the answer is list[low - 1] once low === high
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as T).time <= time) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? (list[low - 1] as T) : null;
}

/**
 * The ranked units' scores on `on`, or those of the units `unitIds`, from their components:
 * each component's latest point at or before `on` and its target in force then, as a ranking
 * reads them, and the scorecard's own point (a published score).
 */
export async function scoresOn(
  prisma: PrismaClient,
  scope: RankingScope,
  on: Date,
  unitIds?: number[],
): Promise<ScoredUnit[]> {
  const ids = [scope.indicatorId, ...scope.components.map((c) => c.id)];
  const ranked = unitIds
    ? sql`SELECT id, code, name FROM unit WHERE id = ANY(${unitIds}::int[])`
    : rankedUnits(scope, on);
  // The points come as one JSON document of columns (unit ids, series, values, denominators,
  // own values): a ranking reads thousands of points, and building a row or an array per
  // point costs more than the lookups themselves.
  const [units, [read], targets] = await Promise.all([
    prisma.$queryRaw<{ id: number; code: string; name: string }[]>`SELECT id, code, name FROM (${ranked}) r`,
    prisma.$queryRaw<{ points: PointColumns | null }[]>`
      WITH ranked AS MATERIALIZED (${ranked}),
      -- The scorecard's own series (1) holds published scores: skipped where none was ever imported.
      part AS MATERIALIZED (
        SELECT * FROM unnest(${ids}::int[]) WITH ORDINALITY AS p(indicator_id, ord)
        WHERE ord > 1 OR EXISTS (SELECT 1 FROM ${readModel(scope.basis).series} WHERE indicator_id = ${scope.indicatorId}::int)
      )
      SELECT json_build_array(array_agg(r.id), array_agg(p.ord), array_agg(s.value), array_agg(s.denominator),
                              array_agg(s.own_value)) AS points
      FROM ranked r CROSS JOIN part p
      JOIN LATERAL (${latestPoint(scope.basis, "r.id", sql`p.indicator_id`, on, ["value", "denominator", "own_value"])}) s ON true`,
    prisma.$queryRaw<{ id: number; indicator_id: number; value: number }[]>`
      WITH ranked AS MATERIALIZED (${ranked})
      SELECT r.id, t.indicator_id, t.value::float8 AS value
      FROM ranked r JOIN target t ON t.unit_id = r.id
      WHERE t.indicator_id = ANY(${ids.slice(1)}::int[]) AND t.assigned_on <= ${on}::date
      ORDER BY t.assigned_on`,
  ]);
  // Per unit, per series (0: the scorecard's own, then each component), its point and target.
  const series = new Map(
    units.map((u) => [
      u.id,
      { ...u, points: ids.map((): Point | null => null), targets: ids.map(() => null as number | null) },
    ]),
  );
  // With no points at all each column is null (array_agg of no rows).
  const [unitOf, ords, values, denominators, ownValues] = read?.points?.[0] ? read.points : NO_POINTS;
  unitOf.forEach((id, i) => {
    const unit = series.get(id);
    if (unit) {
      unit.points[(ords[i] as number) - 1] = {
        value: values[i] ?? null,
        denominator: denominators[i] ?? null,
        own_value: ownValues[i] ?? null,
      };
    }
  });
  // In the order assigned, so the last one written is the one in force.
  const ordOf = new Map(ids.map((id, i) => [id, i]));
  for (const t of targets) {
    const unit = series.get(t.id);
    if (unit) unit.targets[ordOf.get(t.indicator_id) as number] = t.value;
  }
  return [...series.values()].map((unit) => {
    const parts = scope.components.map((c, k) => {
      const point = unit.points[k + 1];
      return partOf(
        hasDenominator(c.kind),
        point?.value ?? null,
        point?.denominator ?? null,
        unit.targets[k + 1] ?? null,
      );
    });
    const own = unit.points[0];
    return {
      unit: { code: unit.code, name: unit.name, approximate: false },
      ...scoredFrom(scope, parts, publishedOf(own?.own_value ?? null, own?.denominator ?? null)),
    };
  });
}

/** Unit ids, series (1-based), values, denominators and own values, one point at each index. */
type PointColumns = [number[], number[], number[], (number | null)[], (number | null)[]];
const NO_POINTS: PointColumns = [[], [], [], [], []];
type Point = { value: number | null; denominator: number | null; own_value: number | null };

/**
 * One component's progress (see the score model) and its percent for display, worked out as
 * the rankings work them out so both show the same digits: percent of target for a count,
 * ratio over share target for a ratio, or its ratio without a target.
 */
function partOf(shares: boolean, value: number | null, denominator: number | null, target: number | null): Part {
  const progress = progressOf(shares, value, denominator, target);
  if (!progress) return null;
  if (!shares) return { progress, percent: percentOf(value, target) };
  const ratio = ((value as number) / (denominator as number)) * 100;
  return { progress, percent: target === null ? ratio : (ratio / (target / SHARE_TARGET_SCALE)) * 100 };
}

/**
 * Through the 2025 crosswalk the components are ranked on their own (re-aggregating each),
 * and their items read back. Published scores belong to the structure they were published
 * for, so none is carried across.
 */
export async function scoresFromRankings(
  scope: RankingScope,
  query: RankingQuery,
  rank: (query: RankingQuery) => Promise<Ranking>,
): Promise<ScoredUnit[]> {
  const rankings = await Promise.all(
    scope.components.map((c) => rank({ ...query, indicator: c.code, period: undefined })),
  );
  const byUnit = rankings.map((r) => new Map(r.items.map((item) => [item.code, item])));
  return (rankings[0]?.items ?? []).map((unit) => {
    const parts = byUnit.map((items) => {
      const item = items.get(unit.code);
      return item ? partOfItem(item) : null;
    });
    return {
      unit: { code: unit.code, name: unit.name, approximate: unit.approximate },
      ...scoredFrom(scope, parts, null),
    };
  });
}

/**
 * How far a unit is along a component, from its ranking item: its value and target for a
 * count; its numerator, denominator and share target (back in hundredths of a percent) for
 * an indicator with a denominator. The percent is the item's.
 */
function partOfItem(item: RankingItem): Part {
  const shares = item.numerator !== undefined;
  const target = item.target === null ? null : shares ? Math.round(item.target * SHARE_TARGET_SCALE) : item.target;
  const progress = shares
    ? progressOf(true, item.numerator ?? null, item.denominator ?? null, target)
    : progressOf(false, item.value, null, target);
  return progress && { progress, percent: item.percent ?? item.ratio ?? null };
}
