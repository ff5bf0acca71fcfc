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

/** The units' scores on one date, worked out when asked: all of them, or only who leads. */
type ScoresOn = { all: () => ScoredUnit[]; leaders: () => Set<string> };

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
  const earlier = across ? [] : earlierPeriodEnds(query, MAX_PERIODS_AT_TOP - 1);
  // The date ranked and the periods before it come in one read: a few of them for districts
  // and communes (most leaders' runs end there), every one for the few provinces.
  const first = scope.level === "PROVINCE" ? earlier.length : 3;
  const [known, children] = await Promise.all([
    across ? null : scoresOnDates(prisma, scope, [query.asOf, ...earlier.slice(0, first)]),
    across || scope.level === "COMMUNE" ? null : childrenScores(prisma, scope, query.asOf),
  ]);
  const scored = known ? (known.get(isoDate(query.asOf))?.all() ?? []) : await scoresFromRankings(scope, query, rank);
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  const threshold = topBand(scope.bands);
  const counts = children ? childrenInTopBand(children, threshold) : null;
  const leaders = sorted.filter((_, i) => ranks[i] === 1).map((x) => x.unit.code);
  const atTop = known
    ? await periodsAtTop(leaders, earlier, known, (dates) => scoresOnDates(prisma, scope, dates))
    : null;
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
  // The period before is usually among the dates already read (not across the reorganisation).
  const previousEnd = previousPeriod(query.period).end;
  const read = known?.get(isoDate(previousEnd));
  const previous = read ? ranked(read.all()) : (await rank({ ...query, asOf: previousEnd, period: undefined })).items;
  const before = new Map(previous.map((p) => [p.code, p.score ?? null]));
  const changes = rankChanges(items, previous);
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

/** Competition ranks of units already in rankScored order: equal scores share a rank. */
function ranksOf(sorted: ScoredUnit[]): (number | null)[] {
  return competitionRanks(
    sorted,
    (a, b) => compareFractionDesc(a.score, b.score),
    (x) => x.score !== null,
  );
}

/** Each unit's rank and score: what the period before is compared on. */
function ranked(scored: ScoredUnit[]): { code: string; rank: number | null; score: number | null }[] {
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  return sorted.map((x, i) => ({
    code: x.unit.code,
    rank: ranks[i] ?? null,
    score: x.score ? toNumber(x.score) : null,
  }));
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
 * first: periods of the query's kind, or weeks without one
 * ("đứng đầu tuần thứ 12 liên tiếp"). The walk back stops at the first period a leader did
 * not lead; earlier periods are read in growing batches, so a long run costs a few reads.
 */
async function periodsAtTop(
  leaders: string[],
  earlier: Date[],
  known: Map<string, ScoresOn>,
  scoreOn: (dates: Date[]) => Promise<Map<string, ScoresOn>>,
): Promise<Map<string, number>> {
  const runs = new Map(leaders.map((code) => [code, 1]));
  const leading = new Set(leaders);
  let batch = 8;
  for (const [i, date] of earlier.entries()) {
    if (!leading.size) break;
    if (!known.has(isoDate(date))) {
      for (const [on, scored] of await scoreOn(earlier.slice(i, i + batch))) known.set(on, scored);
      batch *= 2;
    }
    const top = known.get(isoDate(date))?.leaders() ?? new Set<string>();
    for (const code of leading) {
      if (top.has(code)) runs.set(code, (runs.get(code) ?? 0) + 1);
      else leading.delete(code);
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
 * The ranked units' scores on each of `dates` (the date ranked and periods before it), among
 * the units ranked on the first. Each unit's series of each component and of the scorecard
 * itself (published scores) is read once as a range covering every date, and each date
 * takes the latest point at or before it, as a ranking does; targets likewise.
 */
async function scoresOnDates(prisma: PrismaClient, scope: RankingScope, dates: Date[]): Promise<Map<string, ScoresOn>> {
  const last = new Date(Math.max(...dates.map((d) => d.getTime())));
  const first = new Date(Math.min(...dates.map((d) => d.getTime())));
  const ids = [scope.indicatorId, ...scope.components.map((c) => c.id)];
  const ranked = rankedUnits(scope, dates[0] as Date);
  const [points, targets] = await Promise.all([
    prisma.$queryRaw<
      {
        code: string;
        name: string;
        ord: number;
        as_of: Date | null;
        value: number | null;
        denominator: number | null;
        own_value: number | null;
      }[]
    >`
      WITH ranked AS MATERIALIZED (${ranked}),
      part AS MATERIALIZED (SELECT * FROM unnest(${ids}::int[]) WITH ORDINALITY AS p(indicator_id, ord))
      SELECT r.code, r.name, p.ord::int AS ord, s.as_of, s.value::float8 AS value,
             s.denominator::float8 AS denominator, s.own_value::float8 AS own_value
      FROM ranked r CROSS JOIN part p
      LEFT JOIN LATERAL (
        SELECT as_of, value, denominator, own_value FROM unit_series
        WHERE indicator_id = p.indicator_id AND unit_id = r.id AND as_of <= ${last}::date
          -- from the point in force on the first date (the latest before it) on
          AND as_of >= COALESCE((SELECT max(c.as_of) FROM unit_series c
                                 WHERE c.indicator_id = p.indicator_id AND c.unit_id = r.id AND c.as_of <= ${first}::date),
                                ${first}::date)
      ) s ON true
      ORDER BY r.code, p.ord, s.as_of`,
    prisma.$queryRaw<{ code: string; indicator_id: number; assigned_on: Date; value: number }[]>`
      WITH ranked AS MATERIALIZED (${ranked})
      SELECT r.code, t.indicator_id, t.assigned_on, t.value::float8 AS value
      FROM ranked r JOIN target t ON t.unit_id = r.id
      WHERE t.indicator_id = ANY(${ids.slice(1)}::int[]) AND t.assigned_on <= ${last}::date
      ORDER BY t.assigned_on`,
  ]);
  // Per unit, per series (0: the scorecard's own, then each component), its points in date order.
  const series = new Map<string, { name: string; points: ((typeof points)[number] & { time: number })[][] }>();
  for (const row of points) {
    const unit = series.get(row.code) ?? { name: row.name, points: ids.map(() => []) };
    series.set(row.code, unit);
    if (row.as_of) unit.points[row.ord - 1]?.push({ ...row, time: row.as_of.getTime() });
  }
  const targetsOf = new Map<string, ((typeof targets)[number] & { time: number })[]>();
  for (const t of targets) {
    const key = `${t.code} ${t.indicator_id}`;
    const list = targetsOf.get(key) ?? [];
    targetsOf.set(key, list);
    list.push({ ...t, time: t.assigned_on.getTime() });
  }
  // Each date is scored only if asked: a leader's run usually ends within a period or two.
  const readingsOn = (date: Date) =>
    [...series].map(([code, unit]) => {
      const at = (k: number) => latestBy(unit.points[k] ?? [], date.getTime());
      const own = at(0);
      return {
        code,
        name: unit.name,
        published: publishedOf(own?.own_value ?? null, own?.denominator ?? null),
        raw: scope.components.map((c, k) => {
          const point = at(k + 1);
          const target = latestBy(targetsOf.get(`${code} ${c.id}`) ?? [], date.getTime());
          return [
            hasDenominator(c.kind),
            point?.value ?? null,
            point?.denominator ?? null,
            target?.value ?? null,
          ] as const;
        }),
      };
    });
  type Reading = ReturnType<typeof readingsOn>[number];
  const exact = (date: Date, r: Reading, detail: boolean): ScoredUnit => ({
    on: isoDate(date),
    unit: { code: r.code, name: r.name, approximate: false },
    parentCode: null,
    ...scoreOf(
      scope,
      r.raw.map((x) => partOf(...x)),
      r.published,
      detail,
    ),
  });
  const byDate = new Map<string, ScoresOn>();
  for (const date of dates) {
    byDate.set(isoDate(date), {
      all: () => readingsOn(date).map((r) => exact(date, r, true)),
      // Exact fractions are slow to sum; floating point picks the few units near the top,
      // and only those are compared exactly.
      leaders: () => {
        const readings = readingsOn(date).map((r) => ({ r, approx: approxScore(scope, r.raw, r.published) }));
        const best = Math.max(...readings.map((x) => x.approx ?? Number.NEGATIVE_INFINITY));
        if (!Number.isFinite(best)) return new Set<string>();
        const near = readings.filter((x) => x.approx !== null && x.approx >= best - 1e-9 * Math.max(1, best));
        return leadersOf(near.map((x) => exact(date, x.r, false)));
      },
    });
  }
  return byDate;
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
 * The ranked units' children in force on `on`, each scored, in one query: each child's latest
 * value (and denominator) of every component, the target in force, and a published score.
 */
async function childrenScores(prisma: PrismaClient, scope: RankingScope, on: Date): Promise<ScoredUnit[]> {
  // Scores are seldom published: without any, no child is looked up for one.
  const [{ published }] = await prisma.$queryRaw<[{ published: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM unit_series WHERE indicator_id = ${scope.indicatorId}::int AND own_value IS NOT NULL) AS published`;
  const rows = await prisma.$queryRaw<
    {
      code: string;
      name: string;
      parent_code: string;
      published: number | null;
      published_max: number | null;
      ord: number;
      value: number | null;
      denominator: number | null;
      target: number | null;
    }[]
  >`
    WITH
    -- Once per query (not per child): which components have targets at all.
    part AS MATERIALIZED (
      SELECT p.*, EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = p.indicator_id) AS has_targets
      FROM unnest(${scope.components.map((c) => c.id)}::int[]) WITH ORDINALITY AS p(indicator_id, ord)
    ),
    child AS MATERIALIZED (
      SELECT c.id, c.code, c.name, r.code AS parent_code,
             pub.own_value::float8 AS published, pub.denominator::float8 AS published_max
      FROM (${rankedUnits(scope, on)}) r
      JOIN unit c ON c.parent_id = r.id AND ${inForceOn("c", on)}
      ${published ? sql`LEFT JOIN LATERAL (${latestPoint("c.id", scope.indicatorId, on, ["own_value", "denominator"])}) pub ON true` : sql`LEFT JOIN (SELECT NULL::bigint AS own_value, NULL::bigint AS denominator) pub ON true`}
    )
    SELECT s.code, s.name, s.parent_code, s.published, s.published_max, p.ord::int AS ord,
           v.value::float8 AS value, v.denominator::float8 AS denominator,
           -- Most components have no targets at all: CASE spares the children the lookup.
           CASE WHEN p.has_targets
             THEN (SELECT t.value FROM (${targetInForce("s.id", sql`p.indicator_id`, on)}) t)::float8 END AS target
    FROM child s CROSS JOIN part p
    LEFT JOIN LATERAL (${latestPoint("s.id", sql`p.indicator_id`, on, ["value", "denominator"])}) v ON true
    ORDER BY s.code, p.ord`;
  const scored: ScoredUnit[] = [];
  for (let i = 0; i < rows.length; i += scope.components.length) {
    const unitRows = rows.slice(i, i + scope.components.length);
    const first = unitRows[0] as (typeof rows)[number];
    const parts = scope.components.map((c, k) => {
      const row = unitRows[k];
      return row ? partOf(hasDenominator(c.kind), row.value, row.denominator, row.target) : NO_PART;
    });
    scored.push({
      on: isoDate(on),
      unit: { code: first.code, name: first.name, approximate: false },
      parentCode: first.parent_code,
      ...scoreOf(scope, parts, publishedOf(first.published, first.published_max), false),
    });
  }
  return scored;
}

/** A score published by the program: points and maximum, both imported in hundredths. */
function publishedOf(points: number | null, max: number | null): { score: Fraction; maxScore: number } | null {
  return points !== null && max !== null && max > 0
    ? { score: fraction(points, 100) as Fraction, maxScore: max / 100 }
    : null;
}

/**
 * A unit's score from its components' parts, or as published by the program (points and
 * maximum imported in hundredths): a published score is ranked as it is, not recomputed.
 */
function scoreOf(
  scope: RankingScope,
  parts: Part[],
  published: { score: Fraction; maxScore: number } | null,
  /** Each component's points too (what a ranked unit shows; a child or an earlier period needs only the total). */
  detail = true,
): Pick<ScoredUnit, "score" | "maxScore" | "components" | "published"> {
  if (published) return { ...published, components: [], published: true };
  const weighted = scope.components.map((c, i) => ({ c, weight: weightOf(c.weight), ...(parts[i] ?? NO_PART) }));
  const reported = weighted.some((x) => x.part !== null);
  return {
    score: reported ? weightedPoints(weighted) : null,
    maxScore: scope.components.reduce((sum, c) => sum + c.weight, 0),
    components: detail ? weighted.map((x) => ({ c: x.c, points: weightedPoints([x]), percent: x.percent })) : [],
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

/** A score in floating point, from the same readings as partOf: only to find who is near the top. */
function approxScore(
  scope: RankingScope,
  raw: readonly (readonly [boolean, number | null, number | null, number | null])[],
  published: { score: Fraction; maxScore: number } | null,
): number | null {
  if (published) return toNumber(published.score);
  let score: number | null = null;
  for (const [k, [shares, value, denominator, target]] of raw.entries()) {
    let part: number | null = null;
    if (!shares) part = value !== null && target !== null && target > 0 ? value / target : null;
    else if (value !== null && denominator !== null && denominator > 0)
      part =
        target === null
          ? value / denominator
          : target > 0
            ? (value * 100 * SHARE_TARGET_SCALE) / (denominator * target)
            : null;
    if (part === null) continue;
    score = (score ?? 0) + (Math.round((scope.components[k]?.weight ?? 0) * 100) / 100) * Math.min(1, part);
  }
  return score;
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
