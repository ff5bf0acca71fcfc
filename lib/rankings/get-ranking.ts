import "server-only";
import { previousPeriod } from "@/lib/calendar/periods";
import { boundedQuery, type CostCeiling } from "@/lib/db/bounded-query";
import { type Sql, sql } from "@/lib/db/sql";
import { addDays, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { hasDenominator, SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import { exactProgress, progressOf, shareReachedSql } from "@/lib/indicators/score-model";
import { type Basis, readModel, weekOfSql } from "@/lib/series/bases";
import { latestPoint, targetInForce } from "@/lib/series/series-sql";
import { inForceOn } from "@/lib/units/in-force";
import { LEVEL_NAMES } from "@/lib/units/levels";
import { STRUCTURE_34_FROM } from "@/lib/units/structures";
import {
  compareFractionDesc,
  competitionRanks,
  daysAhead,
  type Fraction,
  forecastReachDate,
  fraction,
  PACE_WEEKS,
  percentOf,
} from "./arithmetic";
import { increase, periodFields, rankChanges } from "./period-changes";
import { type RankingScope, resolveRankingScope } from "./ranking-scope";
import { rankedUnits } from "./ranking-sql";
import type { Ranking, RankingItem, RankingQuery, RankingRow } from "./ranking-types";
import { reaggregatedRows } from "./reaggregate";
import { scorecardRanking } from "./scorecard";
import { neededPerWeek, trajectoryOf } from "./trajectory";

/**
 * The ranking every page, the CLI and the API show: the units of a level (under an optional
 * ancestor) in force on a date, by percent of target. Values are read from the unit_series
 * read model, which figure writes keep current. With a `ceiling` (every request's ranking
 * has one) each statement is bounded in time and called off when its clients leave.
 */
export async function getRanking(prisma: PrismaClient, query: RankingQuery, ceiling?: CostCeiling): Promise<Ranking> {
  const scope = await resolveRankingScope(prisma, query);
  const base = query.period ? addDays(query.period.start, -1) : null;
  const header = {
    indicator: scope.indicatorCode,
    basis: query.basis,
    level: LEVEL_NAMES[query.level],
    parent: scope.parentCode,
    asOf: isoDate(query.asOf),
    structureOn: query.structureOn ? isoDate(query.structureOn) : null,
    ...(scope.retiredOn ? { indicatorRetiredOn: scope.retiredOn } : {}),
  };
  if (scope.kind === "COMPOSITE")
    return scorecardRanking(prisma, scope, query, header, (q) => getRanking(prisma, q, ceiling));
  const rowsRead = query.structureOn
    ? reaggregatedRows(prisma, scope, query.asOf, base, ceiling)
    : boundedQuery<RankingRow[]>(prisma, rankingSql(scope, query.asOf, base), ceiling);
  if (!query.period) return { ...header, items: rankRows(await rowsRead, query.asOf, scope.kind) };
  const before = previousPeriod(query.period);
  // Ranks compare on the units ranked now: across the 2025 reorganisation the period before
  // is carried onto today's units through the crosswalk, as --structure-on does.
  const across = before.end < STRUCTURE_34_FROM && query.asOf >= STRUCTURE_34_FROM;
  // The period before is ranked at the same time as this one: neither waits for the other.
  const [rows, previous] = await Promise.all([
    rowsRead,
    getRanking(
      prisma,
      {
        indicator: query.indicator,
        basis: query.basis,
        level: query.level,
        parent: query.parent,
        asOf: before.end,
        structureOn: query.structureOn ?? (across ? query.asOf : undefined),
      },
      ceiling,
    ),
  ]);
  const ranking: Ranking = { ...header, items: rankRows(rows, query.asOf, scope.kind) };
  const changes = rankChanges(ranking.items, previous.items);
  const rowOf = new Map(rows.map((r) => [r.code, r]));
  return {
    ...ranking,
    ...periodFields(query.period),
    items: ranking.items.map((item, i) => {
      const row = rowOf.get(item.code);
      const change = hasDenominator(scope.kind)
        ? increase(item.ratio ?? null, ratioOf(row?.period_base ?? null, row?.period_base_den ?? null))
        : increase(item.value, row?.period_base ?? null);
      return { ...item, change, ...(changes[i] as { previousRank: number | null; rankChange: number | null }) };
    }),
  };
}

/** A ratio in percent, unrounded; null without a positive denominator. */
function ratioOf(numerator: number | null, denominator: number | null): number | null {
  return numerator !== null && denominator !== null && denominator > 0 ? (numerator / denominator) * 100 : null;
}

/**
 * Ranks the rows: counts by percent of target; indicators with a denominator by ratio over
 * their share target where the ranking has targets, else by their ratio; all exactly.
 */
export function rankRows(rows: RankingRow[], asOf: Date, kind: IndicatorKind = "CUMULATIVE"): RankingItem[] {
  const shares = hasDenominator(kind);
  const byTarget = !shares || rows.some((r) => r.target !== null);
  const keyOf = (r: RankingRow): Fraction | null => {
    if (!shares) return fraction(r.value, r.target);
    if (r.value === null || r.denominator == null) return null;
    if (!byTarget) return fraction(r.value, r.denominator);
    if (r.target === null) return null;
    const progress = progressOf(true, r.value, r.denominator, r.target);
    return progress && exactProgress(progress);
  };
  const keys = new Map(rows.map((r) => [r, keyOf(r)]));
  const compare = (a: RankingRow, b: RankingRow) => compareFractionDesc(keys.get(a) ?? null, keys.get(b) ?? null);
  const sorted = [...rows].sort((a, b) => compare(a, b) || a.code.localeCompare(b.code));
  const ranks = competitionRanks(sorted, compare, (r) => keys.get(r) != null);
  return sorted.map((r, i) => {
    const forecast = shares ? null : forecastReachDate(r.value, r.target, r.pace_base, asOf);
    const progress = { value: r.value, target: r.target, deadline: r.deadline, asOf };
    const item: RankingItem = {
      rank: ranks[i] ?? null,
      code: r.code,
      name: r.name,
      value: r.value,
      target: r.target,
      percent: percentOf(r.value, r.target),
      reachedOn: r.reached_on ? isoDate(r.reached_on) : null,
      deadline: r.deadline ? isoDate(r.deadline) : null,
      daysAhead: daysAhead(r.deadline, r.reached_on, asOf),
      forecastOn: toIso(forecast),
      weeklyChange: r.value !== null && r.week_ago !== null ? r.value - r.week_ago : null,
      childrenDone: r.children_done,
      childrenTotal: r.children_total,
      approximate: r.approximate,
      discrepancy:
        r.own_value !== null && r.children_sum !== null && r.own_value !== r.children_sum
          ? { reported: r.own_value, childrenSum: r.children_sum }
          : null,
      neededPerWeek: shares ? null : neededPerWeek(progress, true),
      trajectory: shares ? null : trajectoryOf({ ...progress, forecastOn: forecast, hasForecast: true }),
      ...basisFields(r),
    };
    if (!shares) return item;
    const ratio = ratioOf(r.value, r.denominator ?? null);
    const target = r.target === null ? null : r.target / SHARE_TARGET_SCALE;
    const weekAgo = ratioOf(r.week_ago, r.week_ago_den ?? null);
    const shareProgress = { value: ratio, target, deadline: r.deadline, asOf };
    return {
      ...item,
      target,
      percent: ratio !== null && target ? (ratio / target) * 100 : null,
      weeklyChange: ratio !== null && weekAgo !== null ? ratio - weekAgo : null,
      neededPerWeek: neededPerWeek(shareProgress, false),
      trajectory: trajectoryOf({ ...shareProgress, forecastOn: null, hasForecast: false }),
      numerator: r.value,
      denominator: r.denominator ?? null,
      ratio,
    };
  });
}

const toIso = (d: Date | null) => (d ? isoDate(d) : null);

/** What an item says of its basis: the date of its latest official figure, or whether its live figures are approved. */
function basisFields(r: RankingRow): Pick<RankingItem, "officialAsOf" | "approved"> {
  if (r.official_as_of !== undefined) return { officialAsOf: toIso(r.official_as_of) };
  if (r.approved !== undefined) return { approved: r.approved === true };
  return {};
}

/** The columns that tell a row's basis (see basisFields): `cur` is the unit's latest point. */
function basisColumns(basis: Basis) {
  return basis === "official"
    ? sql`cur.as_of AS official_as_of`
    : sql`EXISTS (SELECT 1 FROM weekly_report wr WHERE wr.unit_id = r.id AND wr.status = 'APPROVED'
        AND wr.week = ${weekOfSql(sql`cur.as_of`)}) AS approved`;
}

/** Each ranked unit's value, the values a week and PACE_WEEKS earlier, its target and its children's progress. */
function rankingSql(scope: RankingScope, asOf: Date, periodBase: Date | null) {
  const indicator = scope.indicatorId;
  const shares = hasDenominator(scope.kind);
  const pair = ["value", "denominator"];
  const basis = scope.basis;
  const series = readModel(basis).series;
  return sql`
WITH ranked AS (${rankedUnits(scope, asOf)})
SELECT r.code, r.name,
  cur.value::float8 AS value, cur.denominator::float8 AS denominator,
  cur.own_value::float8 AS own_value, cur.children_sum::float8 AS children_sum,
  wk.value::float8 AS week_ago, wk.denominator::float8 AS week_ago_den, pace.value::float8 AS pace_base,
  ${periodBase ? sql`base.value::float8` : sql`NULL::float8`} AS period_base,
  ${periodBase ? sql`base.denominator::float8` : sql`NULL::float8`} AS period_base_den,
  t.value::float8 AS target, t.deadline,
  reached.as_of AS reached_on,
  kids.total::int AS children_total, kids.done::int AS children_done,
  false AS approximate, ${basisColumns(basis)}
FROM ranked r
LEFT JOIN LATERAL (${targetInForce("r.id", indicator, asOf)}) t ON true
LEFT JOIN LATERAL (${shares ? firstShareReached(series, indicator) : firstCountReached(series, indicator)}) first_reach ON true
LEFT JOIN LATERAL (SELECT first_reach.as_of WHERE first_reach.as_of <= ${asOf}::date) reached ON true
LEFT JOIN LATERAL (${latestPoint(basis, "r.id", indicator, asOf, [...pair, "own_value", "children_sum", "as_of"])}) cur ON true
LEFT JOIN LATERAL (${latestPoint(basis, "r.id", indicator, addDays(asOf, -7), pair)}) wk ON true
LEFT JOIN LATERAL (${latestPoint(basis, "r.id", indicator, addDays(asOf, -7 * PACE_WEEKS))}) pace ON true
${periodBase ? sql`LEFT JOIN LATERAL (${latestPoint(basis, "r.id", indicator, periodBase, pair)}) base ON true` : sql``}
LEFT JOIN LATERAL (
  SELECT count(*) AS total, count(*) FILTER (WHERE ${shares ? childShareDone : sql`cv.value >= ct.value`}) AS done
  FROM unit c
  LEFT JOIN LATERAL (${latestPoint(basis, "c.id", indicator, asOf, pair)}) cv ON true
  LEFT JOIN LATERAL (${targetInForce("c.id", indicator, asOf)}) ct ON true
  WHERE c.parent_id = r.id AND ${inForceOn("c", asOf)}
) kids ON true`;
}

/** The first date a count target was reached: the smallest peak at or above it (peaks never fall). */
const firstCountReached = (series: Sql, indicator: number) => sql`
  SELECT s.as_of FROM ${series} s
  WHERE s.indicator_id = ${indicator}::int AND s.unit_id = r.id AND s.peak >= t.value
  ORDER BY s.peak, s.as_of LIMIT 1`;

/** The first date a ratio reached its share target (a ratio can fall, so the series is scanned). */
const firstShareReached = (series: Sql, indicator: number) => sql`
  SELECT s.as_of FROM ${series} s
  WHERE s.indicator_id = ${indicator}::int AND s.unit_id = r.id
    AND ${shareReachedSql(sql`s.value`, sql`s.denominator`, sql`t.value`, "bigint")}
  ORDER BY s.as_of LIMIT 1`;

/** A child is done when its ratio reaches its share target, or, without one, when it is complete (21 of 21). */
const childShareDone = sql`CASE WHEN ct.value IS NOT NULL
    THEN ${shareReachedSql(sql`cv.value`, sql`cv.denominator`, sql`ct.value`, "bigint")}
    ELSE cv.denominator > 0 AND cv.value >= cv.denominator END`;
