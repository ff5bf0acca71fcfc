import "server-only";
import { boundedQuery, type CostCeiling } from "@/lib/db/bounded-query";
import { sql } from "@/lib/db/sql";
import { addDays } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hasDenominator } from "@/lib/indicators/indicator-kinds";
import { shareReachedSql } from "@/lib/indicators/score-model";
import { readModel } from "@/lib/series/bases";
import { latestPoint, targetInForce } from "@/lib/series/series-sql";
import { inForceOn } from "@/lib/units/in-force";
import { PACE_WEEKS } from "./arithmetic";
import type { RankingScope } from "./ranking-scope";
import { rankedUnits } from "./ranking-sql";
import type { RankingRow } from "./ranking-types";

/**
 * Figures and targets of the units in force on `asOf`, carried onto the units of the ranking
 * (in force on scope.unitsOn) through the crosswalk, one reorganisation step: a unit still
 * in force counts as itself; an old unit counts towards its successors. A unit split between
 * several successors cannot be divided exactly: each gets an equal share and the result is
 * marked approximate, as is every province that received part of a split commune whose other
 * part went to another province. Children counts are not computed in this mode.
 */
export async function reaggregatedRows(
  prisma: PrismaClient,
  scope: RankingScope,
  asOf: Date,
  periodBase: Date | null = null,
  ceiling?: CostCeiling,
): Promise<RankingRow[]> {
  const rows = await boundedQuery<RankingRow[]>(prisma, reaggregateSql(scope, asOf, periodBase), ceiling);
  return rows.map((r) => ({
    ...r,
    value: rounded(r.value),
    denominator: rounded(r.denominator),
    week_ago: rounded(r.week_ago),
    week_ago_den: rounded(r.week_ago_den),
    pace_base: rounded(r.pace_base),
    period_base: rounded(r.period_base),
    period_base_den: rounded(r.period_base_den),
    target: r.target === null ? null : Math.round(r.target),
    own_value: null,
    children_sum: null,
    children_total: null,
    children_done: null,
  }));
}

const rounded = (n: number | null | undefined) => (n == null ? null : Math.round(n));

/** The re-aggregated value and denominator of the ranked unit r on a date. */
const seriesAt = (on: Date) =>
  sql`SELECT value, denominator FROM series s WHERE s.ranked_id = r.id AND s.as_of <= ${on}::date ORDER BY as_of DESC LIMIT 1`;

/** The ranking's rows computed through the crosswalk (see reaggregatedRows). */
function reaggregateSql(scope: RankingScope, asOf: Date, periodBase: Date | null) {
  const indicator = scope.indicatorId;
  const shares = hasDenominator(scope.kind);
  const weekAgo = addDays(asOf, -7);
  const paceBase = addDays(asOf, -7 * PACE_WEEKS);
  return sql`
WITH ranked AS (${rankedUnits(scope, scope.unitsOn)}),
source AS (
  SELECT u.id FROM unit u
  WHERE u.level = ${scope.level}::"UnitLevel" AND ${inForceOn("u", asOf)}
),
links AS (
  SELECT s.id AS source_id, s.id AS ranked_id, 1.0::float8 AS share, false AS partial
  FROM source s JOIN ranked r ON r.id = s.id
  UNION ALL
  SELECT us.predecessor_id, us.successor_id,
         1.0 / count(*) OVER (PARTITION BY us.predecessor_id), us.kind = 'PARTIAL'
  FROM unit_successor us JOIN source s ON s.id = us.predecessor_id
  WHERE NOT EXISTS (SELECT 1 FROM ranked r WHERE r.id = us.predecessor_id)
),
mapped AS (SELECT l.* FROM links l JOIN ranked r ON r.id = l.ranked_id),
split_across AS (
  -- provinces that received part of a commune whose other part went to another province
  SELECT DISTINCT nc.parent_id AS ranked_id
  FROM unit_successor us
  JOIN unit oc ON oc.id = us.predecessor_id AND oc.level = 'COMMUNE'
    AND ${inForceOn("oc", asOf)}
  JOIN unit nc ON nc.id = us.successor_id
  WHERE ${scope.level}::"UnitLevel" = 'PROVINCE' AND us.kind = 'PARTIAL'
    AND EXISTS (SELECT 1 FROM unit_successor o JOIN unit onc ON onc.id = o.successor_id
                WHERE o.predecessor_id = us.predecessor_id AND onc.parent_id <> nc.parent_id)
),
points AS (
  SELECT DISTINCT m.ranked_id, s.as_of FROM mapped m
  JOIN ${readModel(scope.basis).series} s ON s.unit_id = m.source_id AND s.indicator_id = ${indicator}::int AND s.as_of <= ${asOf}::date
),
series AS (
  SELECT p.ranked_id, p.as_of, sum(m.share * v.value) AS value, sum(m.share * v.denominator) AS denominator
  FROM points p JOIN mapped m ON m.ranked_id = p.ranked_id
  CROSS JOIN LATERAL (${latestPoint(scope.basis, "m.source_id", indicator, sql`p.as_of`, ["value", "denominator"])}) v
  GROUP BY p.ranked_id, p.as_of
),
targets AS (
  -- Counts add up; a share does not: a merged unit keeps the highest of its parts' shares.
  SELECT m.ranked_id, ${shares ? sql`max(t.value)` : sql`sum(m.share * t.value)`} AS value, max(t.deadline) AS deadline
  FROM mapped m
  CROSS JOIN LATERAL (${targetInForce("m.source_id", indicator, asOf)}) t
  GROUP BY m.ranked_id
)
SELECT r.code, r.name, cur.value, cur.denominator, wk.value AS week_ago, wk.denominator AS week_ago_den,
  (SELECT value FROM series s WHERE s.ranked_id = r.id AND s.as_of <= ${paceBase}::date ORDER BY as_of DESC LIMIT 1) AS pace_base,
  base.value AS period_base, base.denominator AS period_base_den,
  t.value AS target, t.deadline,
  (SELECT min(s.as_of) FROM series s WHERE s.ranked_id = r.id AND ${
    shares ? shareReachedSql(sql`s.value`, sql`s.denominator`, sql`t.value`, "float8") : sql`s.value >= t.value`
  }) AS reached_on,
  (EXISTS (SELECT 1 FROM mapped m WHERE m.ranked_id = r.id AND m.partial)
   OR EXISTS (SELECT 1 FROM split_across x WHERE x.ranked_id = r.id)) AS approximate
FROM ranked r LEFT JOIN targets t ON t.ranked_id = r.id
LEFT JOIN LATERAL (${seriesAt(asOf)}) cur ON true
LEFT JOIN LATERAL (${seriesAt(weekAgo)}) wk ON true
LEFT JOIN LATERAL (${periodBase ? seriesAt(periodBase) : sql`SELECT NULL::float8 AS value, NULL::float8 AS denominator`}) base ON true`;
}
