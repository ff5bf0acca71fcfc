import "server-only";
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
import { increase, periodFields, rankChanges } from "./get-ranking";
import { MAX_PERIODS_AT_TOP, previousPeriod } from "./periods";
import type { RankingScope } from "./ranking-scope";
import { latestPoint, rankedUnits, targetInForce } from "./ranking-sql";
import type { Ranking, RankingItem, RankingQuery } from "./ranking-types";

// Scorecards (COMPOSITE indicators): a score out of the components' points, bands, the
// scores the program publishes (imported as the scorecard's own figures), how many children
// reach the top band, and how many periods in a row the leader has led.

type Component = RankingScope["components"][number];

/** A unit's score on a date, and each component's share of it. */
type ScoredUnit = {
  on: string;
  unit: { code: string; name: string; approximate: boolean };
  /** The ranked unit a child belongs to (children only). */
  parentCode: string | null;
  score: Fraction | null;
  maxScore: number;
  /** Empty for a published score. */
  components: { c: Component; points: Fraction; percent: number | null }[];
  published: boolean;
};

/** How far a unit is along one component, exactly, and its percent for display. */
type Part = { part: Fraction | null; percent: number | null };

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
  const [scored, children] = await Promise.all([
    across ? scoresFromRankings(scope, query, rank) : scoreUnits(prisma, scope, [query.asOf], "ranked"),
    across || scope.level === "COMMUNE" ? null : scoreUnits(prisma, scope, [query.asOf], "children"),
  ]);
  const sorted = rankScored(scored);
  const ranks = competitionRanks(
    sorted,
    (a, b) => compareFractionDesc(a.score, b.score),
    (x) => x.score !== null,
  );
  const threshold = topBand(scope.bands);
  const counts = children ? childrenInTopBand(children, threshold) : null;
  const leaders = sorted.filter((_, i) => ranks[i] === 1).map((x) => x.unit.code);
  const atTop = across ? null : await periodsAtTop(prisma, scope, query, leaders);
  const items: RankingItem[] = sorted.map((x, i) => {
    const score = x.score ? toNumber(x.score) : null;
    const above = i > 0 ? sorted[i - 1]?.score : null;
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
      band: score === null ? null : bandOf(score, x.maxScore, scope.bands),
      published: x.published,
      gapToAbove: score !== null && above ? toNumber(above) - score : null,
      periodsAtTop: atTop ? (atTop.get(x.unit.code) ?? 0) : null,
      components: x.components.map((k) => ({
        indicator: k.c.code,
        weight: k.c.weight,
        points: toNumber(k.points),
        percent: k.percent,
      })),
    };
  });
  const withThreshold = { ...header, childrenThreshold: threshold };
  if (!query.period) return { ...withThreshold, items };
  const previous = await rank({ ...query, asOf: previousPeriod(query.period).end, period: undefined });
  const before = new Map(previous.items.map((p) => [p.code, p.score ?? null]));
  const changes = rankChanges(items, previous.items);
  return {
    ...withThreshold,
    ...periodFields(query.period),
    items: items.map((item, i) => ({
      ...item,
      change: increase(item.score ?? null, before.get(item.code) ?? null),
      ...(changes[i] as { previousRank: number | null; rankChange: number | null }),
    })),
  };
}

/** Highest score first, exactly; then by code, so the order never depends on the query plan. */
function rankScored(scored: ScoredUnit[]): ScoredUnit[] {
  return [...scored].sort((a, b) => compareFractionDesc(a.score, b.score) || a.unit.code.localeCompare(b.unit.code));
}

/** The lower bound of the top band (percent of the maximum): what a child must reach to count. */
function topBand(bands: number[]): number {
  return bands.at(-1) ?? (DEFAULT_BANDS.at(-1) as number);
}

/** Per ranked unit: its children in force, and how many of them score in the top band. */
function childrenInTopBand(children: ScoredUnit[], threshold: number): Map<string, { done: number; total: number }> {
  const counts = new Map<string, { done: number; total: number }>();
  for (const child of children) {
    const parent = child.parentCode as string;
    const count = counts.get(parent) ?? { done: 0, total: 0 };
    counts.set(parent, count);
    count.total++;
    if (child.score && bandsReached(toNumber(child.score), child.maxScore, [threshold]) === 1) count.done++;
  }
  return counts;
}

/**
 * How many periods in a row, up to this one, each leader (a unit ranked first) has ranked
 * first: periods of the query's kind, or weeks without one ("đứng đầu tuần thứ 12 liên
 * tiếp"). Earlier periods are scored in a few growing batches (one query each) and the walk
 * stops at the first period a leader did not lead, so a leader that just took the lead costs
 * one small query. It stays within the structure of the ranked date.
 */
async function periodsAtTop(
  prisma: PrismaClient,
  scope: RankingScope,
  query: RankingQuery,
  leaders: string[],
): Promise<Map<string, number>> {
  const runs = new Map(leaders.map((code) => [code, 1]));
  const leading = new Set(leaders);
  const earlier = earlierPeriodEnds(query, MAX_PERIODS_AT_TOP - 1);
  let next = 0;
  for (const size of [2, 6, 16, MAX_PERIODS_AT_TOP]) {
    const dates = earlier.slice(next, next + size);
    next += dates.length;
    if (!dates.length || !leading.size) break;
    const byDate = new Map<string, ScoredUnit[]>();
    for (const x of await scoreUnits(prisma, scope, dates, "ranked"))
      byDate.set(x.on, [...(byDate.get(x.on) ?? []), x]);
    for (const date of dates) {
      const top = leadersOf(byDate.get(isoDate(date)) ?? []);
      for (const code of leading) {
        if (top.has(code)) runs.set(code, (runs.get(code) ?? 0) + 1);
        else leading.delete(code);
      }
      if (!leading.size) break;
    }
  }
  return runs;
}

/** The units tied at the highest score (none when nobody is scored). */
function leadersOf(scored: ScoredUnit[]): Set<string> {
  let best: Fraction | null = null;
  for (const x of scored) if (x.score && compareFractionDesc(x.score, best) < 0) best = x.score;
  return new Set(best ? scored.filter((x) => compareFractionDesc(x.score, best) === 0).map((x) => x.unit.code) : []);
}

/** The last days of the periods before the query's (or of the weeks before its date), newest first. */
function earlierPeriodEnds(query: RankingQuery, count: number): Date[] {
  const after = query.asOf >= STRUCTURE_34_FROM;
  const ends: Date[] = [];
  let period = query.period;
  let on = query.asOf;
  while (ends.length < count) {
    if (period) {
      period = previousPeriod(period);
      on = period.end;
    } else on = addDays(on, -7);
    if (on >= STRUCTURE_34_FROM !== after) break; // the other structure ranks other units
    ends.push(on);
  }
  return ends;
}

/**
 * Every component of every unit scored, on each date, in one query: the ranked units (or
 * their children in force), each unit's latest value (and denominator) and the target in
 * force, and a score published for it. Only what the score needs; a full ranking per
 * component would also read the week before, the pace, the date reached and the children.
 */
async function scoreUnits(
  prisma: PrismaClient,
  scope: RankingScope,
  dates: Date[],
  which: "ranked" | "children",
): Promise<ScoredUnit[]> {
  const on = sql`d.on_date`;
  const units =
    which === "ranked"
      ? sql`SELECT r.id, r.code, r.name, NULL::text AS parent_code FROM (${rankedUnits(scope, on)}) r`
      : sql`SELECT c.id, c.code, c.name, r.code AS parent_code FROM (${rankedUnits(scope, on)}) r
            JOIN unit c ON c.parent_id = r.id AND ${inForceOn("c", on)}`;
  const rows = await prisma.$queryRaw<
    {
      on_date: Date;
      code: string;
      name: string;
      parent_code: string | null;
      published: number | null;
      published_max: number | null;
      ord: number;
      value: number | null;
      denominator: number | null;
      target: number | null;
    }[]
  >`
    WITH d AS (SELECT unnest(${dates.map(isoDate)}::date[]) AS on_date),
    -- Once per query (not per unit): which components have targets at all.
    part AS MATERIALIZED (
      SELECT p.*, EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = p.indicator_id) AS has_targets
      FROM unnest(${scope.components.map((c) => c.id)}::int[]) WITH ORDINALITY AS p(indicator_id, ord)
    ),
    scored AS MATERIALIZED (
      SELECT d.on_date, u.id, u.code, u.name, u.parent_code,
             pub.own_value::float8 AS published, pub.denominator::float8 AS published_max
      FROM d CROSS JOIN LATERAL (${units}) u
      LEFT JOIN LATERAL (${latestPoint("u.id", scope.indicatorId, on, ["own_value", "denominator"])}) pub ON true
    )
    SELECT s.on_date, s.code, s.name, s.parent_code, s.published, s.published_max, p.ord::int AS ord,
           v.value::float8 AS value, v.denominator::float8 AS denominator,
           -- Most components have no targets at all: CASE spares their units the lookup.
           CASE WHEN p.has_targets
             THEN (SELECT t.value FROM (${targetInForce("s.id", sql`p.indicator_id`, sql`s.on_date`)}) t)::float8 END AS target
    FROM scored s CROSS JOIN part p
    LEFT JOIN LATERAL (${latestPoint("s.id", sql`p.indicator_id`, sql`s.on_date`, ["value", "denominator"])}) v ON true
    ORDER BY s.on_date, s.code, p.ord`;
  const scored: ScoredUnit[] = [];
  for (let i = 0; i < rows.length; i += scope.components.length) {
    const unitRows = rows.slice(i, i + scope.components.length);
    const first = unitRows[0] as (typeof rows)[number];
    const parts = scope.components.map((c, k) => {
      const row = unitRows[k];
      return row
        ? partOf(hasDenominator(c.kind), row.value, row.denominator, row.target)
        : { part: null, percent: null };
    });
    const published =
      first.published !== null && first.published_max !== null && first.published_max > 0
        ? { score: fraction(first.published, 100) as Fraction, maxScore: first.published_max / 100 }
        : null;
    scored.push({
      on: isoDate(first.on_date),
      unit: { code: first.code, name: first.name, approximate: false },
      parentCode: first.parent_code,
      ...scoreOf(scope, parts, published),
    });
  }
  return scored;
}

/**
 * A unit's score from its components' parts, or as published by the program (points and
 * maximum imported in hundredths): a published score is ranked as it is, not recomputed.
 */
function scoreOf(
  scope: RankingScope,
  parts: Part[],
  published: { score: Fraction; maxScore: number } | null,
): Pick<ScoredUnit, "score" | "maxScore" | "components" | "published"> {
  if (published) return { ...published, components: [], published: true };
  const weighted = scope.components.map((c, i) => ({ c, weight: weightOf(c.weight), ...(parts[i] ?? NO_PART) }));
  const reported = weighted.some((x) => x.part !== null);
  return {
    score: reported ? weightedPoints(weighted) : null,
    maxScore: scope.components.reduce((sum, c) => sum + c.weight, 0),
    components: weighted.map((x) => ({ c: x.c, points: weightedPoints([x]), percent: x.percent })),
    published: false,
  };
}

const NO_PART: Part = { part: null, percent: null };

/**
 * One component's progress: value / target for a count; for a ratio, ratio / share target
 * (targets in hundredths of a percent), or its ratio without a target. Percent for display.
 */
function partOf(shares: boolean, value: number | null, denominator: number | null, target: number | null): Part {
  // The percents are worked out as the rankings work them out, so both show the same digits.
  if (!shares) return { part: fraction(value, target), percent: percentOf(value, target) };
  if (value === null || denominator === null || denominator <= 0) return NO_PART;
  const ratio = (value / denominator) * 100;
  if (target === null) return { part: fraction(value, denominator), percent: ratio };
  return {
    part: fraction(BigInt(value) * BigInt(100 * SHARE_TARGET_SCALE), BigInt(denominator) * BigInt(target)),
    percent: (ratio / (target / SHARE_TARGET_SCALE)) * 100,
  };
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
      return { part: item ? progressOf(item) : null, percent: item?.percent ?? item?.ratio ?? null };
    });
    return {
      on: isoDate(query.asOf),
      unit: { code: unit.code, name: unit.name, approximate: unit.approximate },
      parentCode: null,
      ...scoreOf(scope, parts, null),
    };
  });
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

/** How many of the bands' lower bounds (percent of the maximum points) a score reaches. */
export function bandsReached(score: number, maxScore: number, bounds: number[]): number {
  const percent = maxScore > 0 ? (score / maxScore) * 100 : 0;
  return bounds.filter((b) => percent >= b).length;
}

/** The band's label: "< 80", "80–90", "≥ 90" for bounds 80, 90 (percent of the total points). */
export function bandOf(score: number, maxScore: number, bounds: number[]): string {
  const reached = bandsReached(score, maxScore, bounds);
  if (reached === 0) return `< ${bounds[0] ?? 0}`;
  if (reached === bounds.length) return `≥ ${bounds[reached - 1]}`;
  return `${bounds[reached - 1]}–${bounds[reached]}`;
}
