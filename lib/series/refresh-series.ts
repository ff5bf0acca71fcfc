import "server-only";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { LIVE, OFFICIAL, type ReadModel } from "./bases";
import { recomputeScores } from "./refresh-scores";

const EPOCH = new Date("1900-01-01T00:00:00Z");
const BOTTOM_UP: UnitLevel[] = ["COMMUNE", "DISTRICT", "PROVINCE"];

/**
 * Recomputes the unit_series read model for `unitIds` and all their ancestors, for the
 * given indicators, from `from` on. Call it in the transaction that changed figures, so a
 * saved figure is in the very next ranking.
 */
export async function refreshSeries(
  db: Db,
  options: { unitIds: number[]; indicatorIds: number[]; from?: Date },
  /** The basis recomputed: live for a saved figure; official when a week is approved or unlocked. */
  model: ReadModel = LIVE,
): Promise<void> {
  const from = options.from ?? EPOCH;
  const units = await unitsAndAncestors(db, options.unitIds);
  const bulk = await lockAllSeries(db, model, units.length);
  for (const level of BOTTOM_UP) {
    const ids = units.filter((u) => u.level === level).map((u) => u.id);
    if (ids.length === 0) continue;
    if (!bulk) await lockUnitSeries(db, model, ids);
    await recomputeUnits(db, model, level, ids, options.indicatorIds, from);
  }
  await recomputeDerived(
    db,
    model,
    units.map((u) => u.id),
    options.indicatorIds,
    from,
  );
  await recomputeScores(
    db,
    units.map((u) => u.id),
    options.indicatorIds,
    from,
    { model },
  );
}

/** Beyond this many units (a file import) one exclusive lock replaces the per-unit ones. */
const PER_UNIT_LOCKS_UP_TO = 200;

/** A definition changed (a new derived indicator or scorecard, new weights): both bases follow. */
export async function refreshEveryBasis(
  db: Db,
  options: { unitIds: number[]; indicatorIds: number[]; from?: Date },
): Promise<void> {
  for (const model of [LIVE, OFFICIAL]) await refreshSeries(db, options, model);
}

/*
 * Why the locks: two saves on sibling communes both recompute their shared district and
 * province. Under READ COMMITTED the second would sum the children without the first's
 * uncommitted row (a stale total) or collide on the same unit_series key. So each
 * transaction locks every unit it recomputes until it commits, level by level from the
 * communes up and in id order within a level: one order for everyone, so no deadlock, and a
 * province is locked only for its own recomputation and the commit. Every refresh first
 * takes key 0 shared; a bulk refresh (a file import) takes it exclusively instead of
 * thousands of per-unit locks. Each basis has its own namespace (ReadModel.lockSpace): a save
 * never waits for an approval's recomputation of the official basis.
 */
async function unitsAndAncestors(db: Db, unitIds: number[]): Promise<{ id: number; level: UnitLevel }[]> {
  return db.$queryRaw<{ id: number; level: UnitLevel }[]>`
    WITH RECURSIVE up AS (
       SELECT id, parent_id FROM unit WHERE id = ANY(${[...new Set(unitIds)]}::int[])
       UNION
       SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
     ) SELECT u.id, u.level FROM unit u WHERE u.id IN (SELECT id FROM up) ORDER BY u.id`;
}

/** Rebuilds the whole read model of both bases for the given indicators (after bulk loads). */
export async function rebuildSeries(db: Db, indicatorIds: number[], models = [LIVE, OFFICIAL]): Promise<void> {
  for (const model of models) await rebuildModel(db, model, indicatorIds);
}

async function rebuildModel(db: Db, model: ReadModel, indicatorIds: number[]): Promise<void> {
  for (const level of BOTTOM_UP) {
    const ids = await db.$queryRaw<{ id: number }[]>`SELECT id FROM unit WHERE level = ${level}::"UnitLevel"`;
    await recomputeUnits(
      db,
      model,
      level,
      ids.map((r) => r.id),
      indicatorIds,
      EPOCH,
    );
  }
  const all = (await db.$queryRaw<{ id: number }[]>`SELECT id FROM unit`).map((r) => r.id);
  await recomputeDerived(db, model, all, indicatorIds, EPOCH);
  await recomputeScores(db, all, indicatorIds, EPOCH, { model });
}

/**
 * The series of DERIVED indicators that are, or are computed from, `indicatorIds`: at every
 * date where either part has a point, the numerator's value over the denominator's, both the
 * unit's effective values (so a province's coverage is its intake over its eligible citizens,
 * however each was reported).
 */
async function recomputeDerived(db: Db, model: ReadModel, unitIds: number[], indicatorIds: number[], from: Date) {
  const derived = await db.$queryRaw<{ id: number; numerator_id: number; denominator_id: number }[]>`
    SELECT id, numerator_id, denominator_id FROM indicator
    WHERE kind = 'DERIVED' AND numerator_id IS NOT NULL AND denominator_id IS NOT NULL
      AND (id = ANY(${indicatorIds}::int[]) OR numerator_id = ANY(${indicatorIds}::int[])
           OR denominator_id = ANY(${indicatorIds}::int[]))`;
  for (const d of derived) {
    const units = sql`${unitIds}::int[]`;
    await db.$executeRaw`
      DELETE FROM ${model.series} WHERE unit_id = ANY(${units}) AND indicator_id = ${d.id}::int AND as_of >= ${from}::date`;
    await db.$executeRaw(
      withPeak(
        model,
        from,
        sql`
       WITH points AS (
         SELECT DISTINCT s.unit_id, s.as_of FROM ${model.series} s
         WHERE s.unit_id = ANY(${units}) AND s.indicator_id IN (${d.numerator_id}::int, ${d.denominator_id}::int)
           AND s.as_of >= ${from}::date
       )
       SELECT ${d.id}::int AS indicator_id, p.unit_id, p.as_of, n.value, m.value AS denominator,
              NULL::bigint AS own_value, NULL::bigint AS children_sum
       FROM points p
       CROSS JOIN LATERAL (SELECT value FROM ${model.series} WHERE indicator_id = ${d.numerator_id}::int
         AND unit_id = p.unit_id AND as_of <= p.as_of ORDER BY as_of DESC LIMIT 1) n
       CROSS JOIN LATERAL (SELECT value FROM ${model.series} WHERE indicator_id = ${d.denominator_id}::int
         AND unit_id = p.unit_id AND as_of <= p.as_of ORDER BY as_of DESC LIMIT 1) m`,
      ),
    );
  }
}

async function recomputeUnits(
  db: Db,
  model: ReadModel,
  level: UnitLevel,
  unitIds: number[],
  indicatorIds: number[],
  from: Date,
) {
  const units = sql`${unitIds}::int[]`;
  const indicators = sql`${indicatorIds}::int[]`;
  await db.$executeRaw`
    DELETE FROM ${model.series} WHERE unit_id = ANY(${units}) AND indicator_id = ANY(${indicators}) AND as_of >= ${from}::date`;
  if (level === "COMMUNE") {
    // Communes have no children: their series is their own figures.
    await db.$executeRaw(
      withPeak(
        model,
        from,
        sql`SELECT f.indicator_id, f.unit_id, f.as_of, f.value::bigint AS value, f.denominator::bigint AS denominator,
                       f.value::bigint AS own_value, NULL::bigint AS children_sum
                FROM ${model.figures} f
                WHERE f.unit_id = ANY(${units}) AND f.indicator_id = ANY(${indicators}) AND f.as_of >= ${from}::date`,
      ),
    );
    return;
  }
  // A parent has a point wherever it or a child has one; its value there is its own latest
  // figure if it ever reported one, otherwise the sum of its children's latest values. A
  // denominator goes with its numerator: the own pair, or both children's sums (a parent's
  // ratio is Σ numerators / Σ denominators, never an average of percents).
  await db.$executeRaw(
    withPeak(
      model,
      from,
      sql`
     WITH target AS (SELECT unnest(${units}) AS unit_id),
     points AS (
       SELECT f.indicator_id, f.unit_id, f.as_of FROM ${model.figures} f JOIN target t USING (unit_id)
       WHERE f.indicator_id = ANY(${indicators}) AND f.as_of >= ${from}::date
       UNION
       SELECT s.indicator_id, c.parent_id, s.as_of FROM unit c
       JOIN target t ON c.parent_id = t.unit_id
       JOIN ${model.series} s ON s.unit_id = c.id
       WHERE s.indicator_id = ANY(${indicators}) AND s.as_of >= ${from}::date
     )
     SELECT p.indicator_id, p.unit_id, p.as_of, COALESCE(own.value, kids.total, 0)::bigint AS value,
            (CASE WHEN own.value IS NOT NULL THEN own.denominator ELSE kids.denominator END)::bigint AS denominator,
            own.value::bigint AS own_value, kids.total::bigint AS children_sum
     FROM points p
     LEFT JOIN LATERAL (
       SELECT f.value, f.denominator FROM ${model.figures} f
       WHERE f.unit_id = p.unit_id AND f.indicator_id = p.indicator_id AND f.as_of <= p.as_of
       ORDER BY f.as_of DESC LIMIT 1
     ) own ON true
     LEFT JOIN LATERAL (
       SELECT SUM(cv.value) AS total, SUM(cv.denominator) AS denominator FROM unit c
       CROSS JOIN LATERAL (
         SELECT s.value, s.denominator FROM ${model.series} s
         WHERE s.indicator_id = p.indicator_id AND s.unit_id = c.id AND s.as_of <= p.as_of
         ORDER BY s.as_of DESC LIMIT 1
       ) cv
       WHERE c.parent_id = p.unit_id
     ) kids ON true`,
    ),
  );
}

/**
 * Inserts the computed points with their peak: the highest value so far, continuing from
 * the last point kept before the recomputed range.
 */
function withPeak(model: ReadModel, from: Date, points: Sql): Sql {
  return sql`
    INSERT INTO ${model.series} (indicator_id, unit_id, as_of, value, denominator, own_value, children_sum, peak)
    SELECT x.indicator_id, x.unit_id, x.as_of, x.value, x.denominator, x.own_value, x.children_sum,
           greatest(max(x.value) OVER (PARTITION BY x.indicator_id, x.unit_id ORDER BY x.as_of), before.peak)
    FROM (${points}) x
    LEFT JOIN LATERAL (
      SELECT s.peak FROM ${model.series} s
      WHERE s.indicator_id = x.indicator_id AND s.unit_id = x.unit_id AND s.as_of < ${from}::date
      ORDER BY s.as_of DESC LIMIT 1
    ) before ON true`;
}

/**
 * Takes the locks refreshSeries takes for `unitIds` (not their ancestors), in the same
 * order, for writes that recompute those units' derived read models without refreshing
 * their series (targets rescoring scorecards): so they never race a figure's refresh.
 */
export async function lockSeriesUnits(db: Db, unitIds: number[], model: ReadModel = LIVE): Promise<void> {
  const units = await db.$queryRaw<{ id: number; level: UnitLevel }[]>`
    SELECT id, level FROM unit WHERE id = ANY(${[...new Set(unitIds)]}::int[]) ORDER BY id`;
  if (await lockAllSeries(db, model, units.length)) return;
  for (const level of BOTTOM_UP) {
    const ids = units.filter((u) => u.level === level).map((u) => u.id);
    if (ids.length) await lockUnitSeries(db, model, ids);
  }
}

/** Key 0: shared, or exclusive (returns true) for more than PER_UNIT_LOCKS_UP_TO units. */
async function lockAllSeries(db: Db, model: ReadModel, units: number): Promise<boolean> {
  const bulk = units > PER_UNIT_LOCKS_UP_TO;
  await db.$queryRaw(
    bulk
      ? sql`SELECT pg_advisory_xact_lock(${model.lockSpace}::int, 0)::text`
      : sql`SELECT pg_advisory_xact_lock_shared(${model.lockSpace}::int, 0)::text`,
  );
  return bulk;
}

/** Each unit's own lock, in id order (`ids` sorted). */
async function lockUnitSeries(db: Db, model: ReadModel, ids: number[]): Promise<void> {
  await db.$queryRaw`SELECT count(pg_advisory_xact_lock(${model.lockSpace}::int, id))::text FROM unnest(${ids}::int[]) AS id`;
}
