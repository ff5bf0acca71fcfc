import "server-only";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import { addDays, isoDate } from "@/lib/format/dates";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { inForceOn } from "@/lib/units/in-force";

// The facts the week's flags are computed from, in three bounded queries: each leaf unit's
// weekly figures over the last WINDOW_WEEKS weeks (one row per unit and indicator, arrays
// inside), the indicators, and the figure changes made after the week's approval.

/** Weeks of figures read: this week and nine before it (eight earlier increases and the previous week). */
export const WINDOW_WEEKS = 10;

export type FlagUnit = { id: number; code: string; name: string; parentId: number | null; inScope: boolean };
export type FlagIndicator = {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: IndicatorKind;
  numeratorId: number | null;
  denominatorId: number | null;
};
/** One unit's figures of one indicator by weeks ago (0 = this week), missing weeks absent. */
export type WeekSeries = {
  unitId: number;
  indicatorId: number;
  values: Map<number, number>;
  dens: Map<number, number>;
};
export type LateChange = {
  unitId: number;
  indicatorId: number;
  at: Date;
  actor: string;
  from: number | null;
  to: number | null;
  approvedAt: Date;
  approvedBy: string;
};

/**
 * The leaf units (no unit below them on the week) matching `scope`, with their siblings
 * (the other leaves of their parents, outside `scope` too: they are what "usual around it"
 * is judged by) and every entered indicator's weekly figures.
 */
export async function loadFlagFacts(db: Db, week: Date, scope: Sql) {
  const from = addDays(week, -7 * WINDOW_WEEKS + 1);
  const leaf = sql`NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id AND ${inForceOn("c", week)})`;
  const [units, indicators, series, late] = await Promise.all([
    db.$queryRaw<
      { id: number; code: string; type: string; name: string; parent_id: number | null; in_scope: boolean }[]
    >`
      WITH target AS (SELECT u.id, u.parent_id FROM unit u WHERE ${inForceOn("u", week)} AND ${leaf} AND ${scope})
      SELECT u.id, u.code, u.type, u.name, u.parent_id, u.id IN (SELECT id FROM target) AS in_scope FROM unit u
      WHERE ${inForceOn("u", week)} AND ${leaf}
        AND (u.id IN (SELECT id FROM target) OR u.parent_id IN (SELECT parent_id FROM target))`,
    db.$queryRaw<FlagIndicator[]>`
      SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn", kind, numerator_id AS "numeratorId",
             denominator_id AS "denominatorId"
      FROM indicator WHERE retired_on IS NULL OR retired_on > ${week}::date`,
    db.$queryRaw<{ unit_id: number; indicator_id: number; ago: number[]; vals: number[]; dens: (number | null)[] }[]>`
      WITH target AS (SELECT u.id, u.parent_id FROM unit u WHERE ${inForceOn("u", week)} AND ${leaf} AND ${scope}),
      family AS (
        SELECT u.id FROM unit u WHERE ${inForceOn("u", week)} AND ${leaf}
          AND (u.id IN (SELECT id FROM target) OR u.parent_id IN (SELECT parent_id FROM target))
      ),
      points AS (
        -- The week a figure counts in ends on the Sunday on or after its date; the latest in it wins.
        SELECT DISTINCT ON (f.unit_id, f.indicator_id, wk) f.unit_id, f.indicator_id, wk, f.value, f.denominator
        FROM figure f
        JOIN family ON family.id = f.unit_id
        CROSS JOIN LATERAL (SELECT f.as_of + ((7 - extract(isodow FROM f.as_of)::int) % 7) AS wk) w
        WHERE f.as_of BETWEEN ${from}::date AND ${week}::date
        ORDER BY f.unit_id, f.indicator_id, wk, f.as_of DESC
      )
      SELECT unit_id, indicator_id, array_agg(((${week}::date - wk) / 7)::int) AS ago,
             array_agg(value) AS vals, array_agg(denominator) AS dens
      FROM points GROUP BY unit_id, indicator_id`,
    db.$queryRaw<
      {
        unit_id: number;
        indicator_id: number;
        at: Date;
        actor: string;
        from_value: number | null;
        to_value: number | null;
        approved_at: Date;
        approved_by: string;
      }[]
    >`
      WITH target AS (SELECT u.id FROM unit u WHERE ${inForceOn("u", week)} AND ${scope}),
      -- Units whose report of the week was approved at some point (an unlock keeps the row):
      -- the first approval, then the figure changes of the week made after it, both by index.
      approved AS (
        SELECT wr.unit_id, ap.at, ap.actor FROM weekly_report wr
        JOIN LATERAL (
          SELECT r.at, r.actor FROM audit_entry r
          WHERE r.unit_id = wr.unit_id AND r.indicator_id IS NULL AND r.at >= ${week}::date
            AND r.entity = 'weekly_report' AND r.action = 'approve' AND r.new_value->>'week' = ${isoDate(week)}
          ORDER BY r.at LIMIT 1
        ) ap ON TRUE
        WHERE wr.week = ${week}::date AND wr.unit_id IN (SELECT id FROM target)
      )
      SELECT DISTINCT ON (a.unit_id, a.indicator_id) a.unit_id, a.indicator_id, a.at, a.actor,
             (a.old_value->>'value')::int AS from_value, (a.new_value->>'value')::int AS to_value,
             ap.at AS approved_at, ap.actor AS approved_by
      FROM approved ap
      JOIN audit_entry a ON a.unit_id = ap.unit_id AND a.indicator_id IS NOT NULL AND a.at > ap.at
      WHERE a.entity = 'figure' AND a.new_value->>'asOf' BETWEEN ${isoDate(addDays(week, -6))} AND ${isoDate(week)}
      ORDER BY a.unit_id, a.indicator_id, a.at DESC`,
  ]);
  return {
    units: units.map(
      (u): FlagUnit => ({
        id: u.id,
        code: u.code,
        name: `${u.type} ${u.name}`,
        parentId: u.parent_id,
        inScope: u.in_scope,
      }),
    ),
    indicators,
    series: series.map(
      (s): WeekSeries => ({
        unitId: s.unit_id,
        indicatorId: s.indicator_id,
        values: new Map(s.ago.map((a, i) => [a, s.vals[i] as number])),
        dens: new Map(
          s.ago.flatMap((a, i) => (s.dens[i] == null ? [] : [[a, s.dens[i] as number] as [number, number]])),
        ),
      }),
    ),
    late: late.map(
      (l): LateChange => ({
        unitId: l.unit_id,
        indicatorId: l.indicator_id,
        at: l.at,
        actor: l.actor,
        from: l.from_value,
        to: l.to_value,
        approvedAt: l.approved_at,
        approvedBy: l.approved_by,
      }),
    ),
  };
}

export type FlagFacts = Awaited<ReturnType<typeof loadFlagFacts>>;
