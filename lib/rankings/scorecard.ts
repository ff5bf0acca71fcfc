import "server-only";
import { MAX_PERIODS_AT_TOP, previousPeriod } from "@/lib/calendar/periods";
import { sql } from "@/lib/db/sql";
import { addDays, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_BANDS, hasDenominator, SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import { inForceOn } from "@/lib/units/in-force";
import { STRUCTURE_34_FROM } from "@/lib/units/structures";
import {
  compareFractionDesc,
  competitionRanks,
  type Fraction,
  fraction,
  percentOf,
  toNumber,
  weightedPoints,
} from "./arithmetic";
import { increase, periodFields, rankChanges } from "./period-changes";
import type { RankingScope } from "./ranking-scope";
import { latestPoint, rankedUnits } from "./ranking-sql";
import type { Ranking, RankingItem, RankingQuery } from "./ranking-types";

// Scorecards (COMPOSITE indicators): a score out of the components' points, bands, the
// scores the program publishes (imported as the scorecard's own figures), how many children
// reach the top band, and how many periods in a row the leader has led. The units ranked are
// scored from their components in floating point, and compared exactly wherever floating
// point comes within a hair of deciding (a tie, a band's bound); children and earlier periods
// are read from the unit_score read model, and only near ties are scored again exactly.

/** Scores this close (relative) are settled exactly: floating point is good to ~1e-15. */
const NEAR = 1e-9;

type Component = RankingScope["components"][number];

/** A unit's score on a date, and each component's share of it. */
type ScoredUnit = {
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

/**
 * How far a unit is along one component: (n × k) / (d × e), all integers, kept as factors so
 * the exact fraction needs no rounding; its percent for display. Null without a value.
 */
type Part = { n: number; k: number; d: number; e: number; percent: number | null } | null;

/**
 * A scorecard: each component worth its weight × the unit's percent of its target (or its
 * ratio without a target), at most the weight. Units rank by the total, compared exactly;
 * the band is the highest whose lower bound the score reaches.
 */
export async function scorecardRanking(
  prisma: PrismaClient,
  scope: RankingScope,
  query: RankingQuery,
  header: Omit<Ranking, "items">,
  /** The ranking of another indicator (each component, and the period before). */
  rank: (query: RankingQuery) => Promise<Ranking>,
): Promise<Ranking> {
  // Re-aggregated onto another structure there are no children to count and no earlier
  // rankings of the same units, as with counts (childrenDone is null there too).
  const across = Boolean(query.structureOn);
  const threshold = topBand(scope.bands);
  // Earlier periods' scores are read at the same time, from unit_score: who led them, and
  // the period before (the first of them, unless it lies across the reorganisation).
  const earlier = across ? [] : earlierPeriodEnds(query, MAX_PERIODS_AT_TOP - 1);
  const firstCount = firstPeriodsRead(earlier, query.asOf);
  const firstRead = storedScores(prisma, scope, earlier.slice(0, firstCount));
  // The period before is ranked as soon as its stored scores are read.
  const previousEnd = query.period ? previousPeriod(query.period).end : null;
  const previousRanking = !previousEnd
    ? null
    : earlier[0]?.getTime() === previousEnd.getTime()
      ? firstRead.then((stored) => rankStored(prisma, scope, previousEnd, stored(previousEnd)))
      : rank({ ...query, asOf: previousEnd, period: undefined }).then((r) => r.items);
  previousRanking?.catch(() => {}); // its error is thrown where it is awaited, not as an unhandled rejection
  const [known, counts] = await Promise.all([
    across ? null : scoresOn(prisma, scope, query.asOf),
    across || scope.level === "COMMUNE" ? null : childrenInTopBand(prisma, scope, query.asOf, threshold),
    firstRead,
  ]);
  const scored = known ?? (await scoresFromRankings(scope, query, rank));
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  const leaders = sorted.filter((_, i) => ranks[i] === 1).map((x) => x.unit.code);
  const [atTop, previous] = await Promise.all([
    across ? null : periodsAtTop(prisma, scope, earlier, { count: firstCount, read: firstRead }, leaders),
    previousRanking,
  ]);
  const scores = shownScores(sorted, ranks);
  const items: RankingItem[] = sorted.map((x, i) => {
    const score = scores[i] ?? null;
    const above = i > 0 ? scores[i - 1] : null;
    const kids = counts?.get(x.unit.code);
    return {
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
      childrenDone: counts ? (kids?.done ?? 0) : null,
      childrenTotal: counts ? (kids?.total ?? 0) : null,
      discrepancy: null,
      score,
      maxScore: x.maxScore,
      band: bandOfScored(x, scope.bands),
      published: x.published,
      gapToAbove: score !== null && above !== null && above !== undefined ? above - score : null,
      periodsAtTop: atTop ? (atTop.get(x.unit.code) ?? 0) : null,
      components: x.components.map((k) => ({
        indicator: k.c.code,
        weight: k.c.weight,
        points: k.points,
        percent: k.percent,
      })),
    };
  });
  const withThreshold = { ...header, childrenThreshold: threshold };
  if (!query.period || !previous) return { ...withThreshold, items };
  const before = new Map(previous.map((p) => [p.code, p.score ?? null]));
  const changes = rankChanges(items, previous);
  return {
    ...withThreshold,
    ...periodFields(query.period),
    items: items.map((item, i) => ({
      ...item,
      change: scoreChange(item.score ?? null, before.get(item.code) ?? null),
      ...(changes[i] as { previousRank: number | null; rankChange: number | null }),
    })),
  };
}

/** Both dates in the same structure (63 provinces before 1/7/2025, 34 from then). */
function sameStructure(a: Date, b: Date): boolean {
  return a >= STRUCTURE_34_FROM === b >= STRUCTURE_34_FROM;
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

/** Too close for floating point to order: relative to the larger, or to 1 near zero. */
function near(a: number, b: number, tolerance = NEAR): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The increase of a score within a period. The score before comes from unit_score, summed
 * by the database in its own order: a difference within a hair is rounding, not a change.
 */
function scoreChange(now: number | null, before: number | null): number | null {
  const change = increase(now, before);
  return change !== null && near(now as number, before as number) ? 0 : change;
}

/**
 * Ranks from stored scores (unit_score) on `date`: neighbours within a hair are scored again
 * exactly, so no rank rests on floating point. (The margin is twice what compareScored
 * treats as a hair, so it never asks the others for an exact score.)
 */
async function rankStored(
  prisma: PrismaClient,
  scope: RankingScope,
  date: Date,
  stored: StoredScore[],
): Promise<{ code: string; rank: number | null; score: number | null }[]> {
  const sorted = [...stored].sort((a, b) => b.score - a.score);
  const again = new Set<number>();
  sorted.forEach((x, i) => {
    const above = sorted[i - 1];
    if (above && near(above.score, x.score, 2 * NEAR)) again.add(above.id).add(x.id);
  });
  const exact = again.size ? await scoresOn(prisma, scope, date, [...again]) : [];
  const byCode = new Map(exact.map((x) => [x.unit.code, x]));
  return ranked(sorted.map((x) => byCode.get(x.code) ?? storedUnit(date, x)));
}

/** A stored score as a scored unit, for ranking: one that needs no exact score. */
function storedUnit(date: Date, x: StoredScore): ScoredUnit {
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

/** Highest score first; then by code, so the order never depends on the query plan. */
function rankScored(scored: ScoredUnit[]): ScoredUnit[] {
  return [...scored].sort((a, b) => compareScored(a, b) || a.unit.code.localeCompare(b.unit.code));
}

/** Competition ranks of units already in rankScored order: equal scores share a rank. */
function ranksOf(sorted: ScoredUnit[]): (number | null)[] {
  return competitionRanks(sorted, compareScored, (x) => x.score !== null);
}

/** The scores shown, in rankScored order: units tied exactly show the same number. */
function shownScores(sorted: ScoredUnit[], ranks: (number | null)[]): (number | null)[] {
  const shown: (number | null)[] = [];
  sorted.forEach((x, i) => {
    shown.push(i > 0 && ranks[i] !== null && ranks[i] === ranks[i - 1] ? (shown[i - 1] ?? null) : x.score);
  });
  return shown;
}

/** Each unit's rank and score: what the period before is compared on. */
function ranked(scored: ScoredUnit[]): { code: string; rank: number | null; score: number | null }[] {
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  const scores = shownScores(sorted, ranks);
  return sorted.map((x, i) => ({ code: x.unit.code, rank: ranks[i] ?? null, score: scores[i] ?? null }));
}

/** The lower bound of the top band (percent of the maximum): what a child must reach to count. */
function topBand(bands: number[]): number {
  return bands.at(-1) ?? (DEFAULT_BANDS.at(-1) as number);
}

/**
 * Per ranked unit: its children in force on `on`, and how many of them score at least
 * `threshold` percent of their maximum, from unit_score (one lookup per child); a child
 * within a hair of the threshold is scored again exactly.
 */
async function childrenInTopBand(
  prisma: PrismaClient,
  scope: RankingScope,
  on: Date,
  threshold: number,
): Promise<Map<string, { done: number; total: number }>> {
  const rows = await prisma.$queryRaw<
    { parent_code: string; id: number; code: string; score: number | null; max_score: number | null }[]
  >`
    SELECT r.code AS parent_code, c.id, c.code, s.score, s.max_score
    FROM (${rankedUnits(scope, on)}) r
    JOIN unit c ON c.parent_id = r.id AND ${inForceOn("c", on)}
    LEFT JOIN LATERAL (
      SELECT score, max_score FROM unit_score
      WHERE indicator_id = ${scope.indicatorId}::int AND unit_id = c.id AND as_of <= ${on}::date
      ORDER BY as_of DESC LIMIT 1
    ) s ON true`;
  const counts = new Map<string, { done: number; total: number }>();
  const onEdge = new Map<number, { parent: string; code: string }>();
  for (const row of rows) {
    const count = counts.get(row.parent_code) ?? { done: 0, total: 0 };
    counts.set(row.parent_code, count);
    count.total++;
    if (row.score === null || row.max_score === null || row.max_score <= 0) continue;
    const percent = (row.score / row.max_score) * 100;
    if (near(percent, threshold)) onEdge.set(row.id, { parent: row.parent_code, code: row.code });
    else if (percent > threshold) count.done++;
  }
  if (onEdge.size) {
    const parentOf = new Map([...onEdge.values()].map((n) => [n.code, n.parent]));
    for (const child of await scoresOn(prisma, scope, on, [...onEdge.keys()])) {
      const count = counts.get(parentOf.get(child.unit.code) as string);
      const exact = child.exact();
      if (count && exact && reaches(exact, child.maxScore, threshold)) count.done++;
    }
  }
  return counts;
}

/** score ≥ percent % of maxScore, exactly (both given to hundredths). */
function reaches(score: Fraction, maxScore: number, percent: number): boolean {
  return score.n * 10_000n * 100n >= BigInt(Math.round(percent * 100)) * BigInt(Math.round(maxScore * 100)) * score.d;
}

/**
 * How many periods in a row, up to this one, each leader (a unit ranked first) has ranked
 * first: periods of the query's kind, or weeks without one ("đứng đầu tuần thứ 12 liên
 * tiếp"). Earlier periods are read from unit_score, a few first (most runs end there),
 * then three times as many as read so far, and so on; the walk back stops at the first period
 * a leader did not lead.
 */
async function periodsAtTop(
  prisma: PrismaClient,
  scope: RankingScope,
  earlier: Date[],
  /** The first `count` of `earlier`, read while the units ranked were being scored. */
  firstRead: { count: number; read: Promise<Stored> },
  leaders: string[],
): Promise<Map<string, number>> {
  const runs = new Map(leaders.map((code) => [code, 1]));
  const leading = new Set(leaders);
  for (let next = 0; leading.size && next < earlier.length; ) {
    const dates = earlier.slice(next, next ? next * 3 : firstRead.count);
    const stored = next ? await storedScores(prisma, scope, dates) : await firstRead.read;
    next += dates.length;
    for (const date of dates) {
      const top = await leadersOn(prisma, scope, date, stored(date));
      for (const code of leading) {
        if (top.has(code)) runs.set(code, (runs.get(code) ?? 0) + 1);
        else leading.delete(code);
      }
      if (!leading.size) break;
    }
  }
  return runs;
}

/** Who led on `date`: the highest stored score, and any within a hair of it scored exactly. */
async function leadersOn(
  prisma: PrismaClient,
  scope: RankingScope,
  date: Date,
  stored: StoredScore[],
): Promise<Set<string>> {
  if (!stored.length) return new Set();
  const best = Math.max(...stored.map((x) => x.score));
  const top = stored.filter((x) => near(x.score, best));
  if (top.length === 1) return new Set(top.map((x) => x.code));
  return leadersOf(
    await scoresOn(
      prisma,
      scope,
      date,
      top.map((x) => x.id),
    ),
  );
}

/** The units tied at the highest score (none when nobody is scored). */
function leadersOf(scored: ScoredUnit[]): Set<string> {
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  return new Set(sorted.filter((_, i) => ranks[i] === 1).map((x) => x.unit.code));
}

type StoredScore = { id: number; code: string; score: number };
type Stored = (date: Date) => StoredScore[];

/**
 * How many of the earlier periods are read with the ranking itself: the period before (its
 * ranks give the rank change) and the next, or the weeks of the last two months. Each unit
 * has a score every few weeks, so a wider span costs reading more than most runs need.
 */
function firstPeriodsRead(earlier: Date[], asOf: Date): number {
  const span = addDays(asOf, -FIRST_READ_DAYS).getTime();
  return Math.max(2, earlier.filter((end) => end.getTime() >= span).length);
}

const FIRST_READ_DAYS = 56;

/**
 * The ranked units' stored scores (unit_score) over `dates`, one range per unit, read once:
 * for each date, each unit's latest score at or before it. Units are those ranked on the
 * newest date.
 */
async function storedScores(prisma: PrismaClient, scope: RankingScope, dates: Date[]): Promise<Stored> {
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
      FROM unit_score
      WHERE indicator_id = ${scope.indicatorId}::int AND unit_id = r.id AND as_of <= ${last}::date
        AND as_of >= coalesce((SELECT max(c.as_of) FROM unit_score c
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

/** The last days of the periods before the query's (or of the weeks before its date), newest first. */
function earlierPeriodEnds(query: RankingQuery, count: number): Date[] {
  const ends: Date[] = [];
  let period = query.period;
  let on = query.asOf;
  while (ends.length < count) {
    if (period) {
      period = previousPeriod(period);
      on = period.end;
    } else on = addDays(on, -7);
    if (!sameStructure(on, query.asOf)) break; // the other structure ranks other units
    ends.push(on);
  }
  return ends;
}

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
async function scoresOn(
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
        WHERE ord > 1 OR EXISTS (SELECT 1 FROM unit_series WHERE indicator_id = ${scope.indicatorId}::int)
      )
      SELECT json_build_array(array_agg(r.id), array_agg(p.ord), array_agg(s.value), array_agg(s.denominator),
                              array_agg(s.own_value)) AS points
      FROM ranked r CROSS JOIN part p
      JOIN LATERAL (${latestPoint("r.id", sql`p.indicator_id`, on, ["value", "denominator", "own_value"])}) s ON true`,
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
      ...scoreOf(scope, parts, publishedOf(own?.own_value ?? null, own?.denominator ?? null)),
    };
  });
}

/** Unit ids, series (1-based), values, denominators and own values, one point at each index. */
type PointColumns = [number[], number[], number[], (number | null)[], (number | null)[]];
const NO_POINTS: PointColumns = [[], [], [], [], []];
type Point = { value: number | null; denominator: number | null; own_value: number | null };

/** A score published by the program: points and maximum, both imported in hundredths. */
function publishedOf(points: number | null, max: number | null): { score: Fraction; maxScore: number } | null {
  return points !== null && max !== null && max > 0
    ? { score: fraction(points, 100) as Fraction, maxScore: max / 100 }
    : null;
}

/**
 * A unit's score from its components' parts, or as published by the program (points and
 * maximum imported in hundredths): a published score is ranked as it is, not recomputed.
 * Each component's points are worked out in floating point with one division (so 60 × 9/10
 * is 54, not 54,000…01) and summed; the exact score is worked out only if asked for.
 */
function scoreOf(
  scope: RankingScope,
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
  let score: number | null = null;
  const components = scope.components.map((c, i) => {
    const part = parts[i] ?? null;
    const points = part ? pointsOf(c.weight, part) : 0;
    if (part) score = (score ?? 0) + points;
    return { c, points, percent: part?.percent ?? null };
  });
  let exact: Fraction | null | undefined;
  return {
    score,
    exact: () => {
      if (exact === undefined) {
        exact =
          score === null
            ? null
            : weightedPoints(
                scope.components.map((c, i) => ({ weight: weightOf(c.weight), part: exactPart(parts[i]) })),
              );
      }
      return exact;
    },
    maxScore: scope.components.reduce((sum, c) => sum + c.weight, 0),
    components,
    published: false,
  };
}

/** weight × min(1, part) in floating point, with one division: exact wherever the result is representable. */
function pointsOf(weight: number, p: NonNullable<Part>): number {
  const hundredths = weightInHundredths(weight);
  if (p.n * p.k >= p.d * p.e) return hundredths / 100;
  return (hundredths * p.n * p.k) / (100 * p.d * p.e);
}

/** A part as an exact fraction. */
function exactPart(p: Part | undefined): Fraction | null {
  return p ? { n: BigInt(p.n) * BigInt(p.k), d: BigInt(p.d) * BigInt(p.e) } : null;
}

/** A part from integers, null unless the value is known and the divisor positive. */
function part(n: number | null, k: number, d: number | null, e: number, percent: number | null): Part {
  return n === null || d === null || d <= 0 || e <= 0 ? null : { n, k, d, e, percent };
}

/**
 * One component's progress: value / target for a count; for a ratio, ratio / share target
 * (targets in hundredths of a percent), or its ratio without a target. Percent for display.
 */
function partOf(shares: boolean, value: number | null, denominator: number | null, target: number | null): Part {
  // The percents are worked out as the rankings work them out, so both show the same digits.
  if (!shares) return part(value, 1, target, 1, percentOf(value, target));
  if (value === null || denominator === null || denominator <= 0) return null;
  const ratio = (value / denominator) * 100;
  if (target === null) return part(value, 1, denominator, 1, ratio);
  return part(value, 100 * SHARE_TARGET_SCALE, denominator, target, (ratio / (target / SHARE_TARGET_SCALE)) * 100);
}

/**
 * Through the 2025 crosswalk the components are ranked on their own (re-aggregating each),
 * and their items read back. Published scores belong to the structure they were published
 * for, so none is carried across.
 */
async function scoresFromRankings(
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
      return item ? progressOf(item) : null;
    });
    return {
      unit: { code: unit.code, name: unit.name, approximate: unit.approximate },
      ...scoreOf(scope, parts, null),
    };
  });
}

/** A component's weight is given to hundredths of a point. */
const weightInHundredths = (weight: number) => Math.round(weight * 100);
const weightOf = (weight: number) => fraction(weightInHundredths(weight), 100) as Fraction;

/**
 * How far a unit is along an indicator, from its ranking item: value / target for a count;
 * ratio / share for an indicator with a denominator and a target; its ratio without a target.
 */
function progressOf(item: RankingItem): Part {
  const percent = item.percent ?? item.ratio ?? null;
  if (item.numerator === undefined) return part(item.value, 1, item.target, 1, percent);
  if (item.numerator === null || item.denominator == null) return null;
  if (item.target === null) return part(item.numerator, 1, item.denominator, 1, percent);
  const share = Math.round(item.target * SHARE_TARGET_SCALE);
  return part(item.numerator, 100 * SHARE_TARGET_SCALE, item.denominator, share, percent);
}

/** A scored unit's band: from floating point, unless its percent lies within a hair of a bound. */
function bandOfScored(x: ScoredUnit, bounds: number[]): string | null {
  if (x.score === null) return null;
  const percent = (x.score / x.maxScore) * 100;
  if (x.maxScore > 0 && bounds.every((bound) => !near(percent, bound))) {
    return bandLabel(bounds.filter((bound) => percent > bound).length, bounds);
  }
  return bandOf(x.exact() as Fraction, x.maxScore, bounds);
}

/**
 * The band's label: "< 80", "80–90", "≥ 90" for bounds 80, 90 (percent of the total points).
 * A bound is reached exactly, as a child in the top band is counted: 16,08 of 20,1 points is
 * 80 %, although 16.08 / 20.1 in floating point falls just short.
 */
export function bandOf(score: Fraction, maxScore: number, bounds: number[]): string {
  return bandLabel(bounds.filter((bound) => reaches(score, maxScore, bound)).length, bounds);
}

/** The label of the band above the lowest `reached` of `bounds`. */
function bandLabel(reached: number, bounds: number[]): string {
  if (reached === 0) return `< ${bounds[0] ?? 0}`;
  if (reached === bounds.length) return `≥ ${bounds[reached - 1]}`;
  return `${bounds[reached - 1]}–${bounds[reached]}`;
}
