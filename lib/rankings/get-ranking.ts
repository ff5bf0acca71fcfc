import "server-only";
import { sql } from "@/lib/db/sql";
import { addDays, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inForceOn } from "@/lib/units/in-force";
import { STRUCTURE_34_FROM } from "@/lib/units/structures";
import {
  comparePercentDesc,
  competitionRanks,
  daysAhead,
  forecastReachDate,
  PACE_WEEKS,
  percentOf,
} from "./arithmetic";
import { previousPeriod } from "./periods";
import { type RankingScope, resolveRankingScope } from "./ranking-scope";
import { latestPoint, rankedUnits, targetInForce } from "./ranking-sql";
import { LEVEL_NAMES, type Ranking, type RankingItem, type RankingQuery } from "./ranking-types";
import { reaggregatedRows } from "./reaggregate";

/** What the database gives for each ranked unit; the arithmetic happens in TypeScript. */
export type RankingRow = {
  code: string;
  name: string;
  value: number | null;
  own_value: number | null;
  children_sum: number | null;
  week_ago: number | null;
  pace_base: number | null;
  /** With a period: the value the day before it began. */
  period_base?: number | null;
  target: number | null;
  deadline: Date | null;
  reached_on: Date | null;
  children_total: number | null;
  children_done: number | null;
  approximate: boolean;
};

/**
 * The ranking every page, the CLI and the API show: the units of a level (under an optional
 * ancestor) in force on a date, by percent of target. Values are read from the unit_series
 * read model, which figure writes keep current.
 */
export async function getRanking(prisma: PrismaClient, query: RankingQuery): Promise<Ranking> {
  const scope = await resolveRankingScope(prisma, query);
  const base = query.period ? addDays(query.period.start, -1) : null;
  const rows = query.structureOn
    ? await reaggregatedRows(prisma, scope, query.asOf, base)
    : await prisma.$queryRaw<RankingRow[]>(rankingSql(scope, query.asOf, base));
  const ranking: Ranking = {
    indicator: scope.indicatorCode,
    level: LEVEL_NAMES[query.level],
    parent: scope.parentCode,
    asOf: isoDate(query.asOf),
    structureOn: query.structureOn ? isoDate(query.structureOn) : null,
    items: rankRows(rows, query.asOf),
  };
  if (!query.period) return ranking;
  const before = previousPeriod(query.period);
  // Ranks compare on the units ranked now: across the 2025 reorganisation the period before
  // is carried onto today's units through the crosswalk, as --structure-on does.
  const across = before.end < STRUCTURE_34_FROM && query.asOf >= STRUCTURE_34_FROM;
  const previous = await getRanking(prisma, {
    indicator: query.indicator,
    level: query.level,
    parent: query.parent,
    asOf: before.end,
    structureOn: query.structureOn ?? (across ? query.asOf : undefined),
  });
  const changes = rankChanges(ranking.items, previous.items);
  const baseOf = new Map(rows.map((r) => [r.code, r.period_base ?? null]));
  return {
    ...ranking,
    period: query.period.key,
    periodStart: isoDate(query.period.start),
    periodEnd: isoDate(query.period.end),
    items: ranking.items.map((item, i) => ({
      ...item,
      change: increase(item.value, baseOf.get(item.code) ?? null),
      ...(changes[i] as { previousRank: number | null; rankChange: number | null }),
    })),
  };
}

/** The increase within a period; unknown (null) without a value at its end or before it began. */
function increase(value: number | null, base: number | null): number | null {
  return value !== null && base !== null ? value - base : null;
}

/** Each item's rank in `previous` (by unit code) and the places gained since (negative: lost). */
export function rankChanges(
  items: RankingItem[],
  previous: RankingItem[],
): { previousRank: number | null; rankChange: number | null }[] {
  const before = new Map(previous.map((i) => [i.code, i.rank]));
  return items.map((item) => {
    const previousRank = before.get(item.code) ?? null;
    return {
      previousRank,
      rankChange: item.rank !== null && previousRank !== null ? previousRank - item.rank : null,
    };
  });
}

export function rankRows(rows: RankingRow[], asOf: Date): RankingItem[] {
  const sorted = [...rows].sort((a, b) => comparePercentDesc(a, b) || a.code.localeCompare(b.code));
  const ranks = competitionRanks(sorted, comparePercentDesc, (r) => percentOf(r.value, r.target) !== null);
  return sorted.map((r, i) => ({
    rank: ranks[i] ?? null,
    code: r.code,
    name: r.name,
    value: r.value,
    target: r.target,
    percent: percentOf(r.value, r.target),
    reachedOn: r.reached_on ? isoDate(r.reached_on) : null,
    deadline: r.deadline ? isoDate(r.deadline) : null,
    daysAhead: daysAhead(r.deadline, r.reached_on, asOf),
    forecastOn: toIso(forecastReachDate(r.value, r.target, r.pace_base, asOf)),
    weeklyChange: r.value !== null && r.week_ago !== null ? r.value - r.week_ago : null,
    childrenDone: r.children_done,
    childrenTotal: r.children_total,
    approximate: r.approximate,
    discrepancy:
      r.own_value !== null && r.children_sum !== null && r.own_value !== r.children_sum
        ? { reported: r.own_value, childrenSum: r.children_sum }
        : null,
  }));
}

const toIso = (d: Date | null) => (d ? isoDate(d) : null);

/** Each ranked unit's value, the values a week and PACE_WEEKS earlier, its target and its children's progress. */
function rankingSql(scope: RankingScope, asOf: Date, periodBase: Date | null) {
  const indicator = scope.indicatorId;
  return sql`
WITH ranked AS (${rankedUnits(scope, asOf)})
SELECT r.code, r.name,
  cur.value::float8 AS value, cur.own_value::float8 AS own_value, cur.children_sum::float8 AS children_sum,
  wk.value::float8 AS week_ago, pace.value::float8 AS pace_base,
  ${periodBase ? sql`base.value::float8` : sql`NULL::float8`} AS period_base,
  t.value::float8 AS target, t.deadline,
  reached.as_of AS reached_on,
  kids.total::int AS children_total, kids.done::int AS children_done,
  false AS approximate
FROM ranked r
LEFT JOIN LATERAL (${targetInForce("r.id", indicator, asOf)}) t ON true
LEFT JOIN LATERAL (
  -- The first date the target was reached: the smallest peak at or above it (peaks never fall).
  SELECT s.as_of FROM unit_series s
  WHERE s.indicator_id = ${indicator}::int AND s.unit_id = r.id AND s.peak >= t.value
  ORDER BY s.peak, s.as_of LIMIT 1
) first_reach ON true
LEFT JOIN LATERAL (SELECT first_reach.as_of WHERE first_reach.as_of <= ${asOf}::date) reached ON true
LEFT JOIN LATERAL (${latestPoint("r.id", indicator, asOf, ["value", "own_value", "children_sum"])}) cur ON true
LEFT JOIN LATERAL (${latestPoint("r.id", indicator, addDays(asOf, -7))}) wk ON true
LEFT JOIN LATERAL (${latestPoint("r.id", indicator, addDays(asOf, -7 * PACE_WEEKS))}) pace ON true
${periodBase ? sql`LEFT JOIN LATERAL (${latestPoint("r.id", indicator, periodBase)}) base ON true` : sql``}
LEFT JOIN LATERAL (
  SELECT count(*) AS total, count(*) FILTER (WHERE cv.value >= ct.value) AS done
  FROM unit c
  LEFT JOIN LATERAL (${latestPoint("c.id", indicator, asOf)}) cv ON true
  LEFT JOIN LATERAL (${targetInForce("c.id", indicator, asOf)}) ct ON true
  WHERE c.parent_id = r.id AND ${inForceOn("c", asOf)}
) kids ON true`;
}
