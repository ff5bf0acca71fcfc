import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { maxScoreSql, pointsSql, progressSql, scoreSql, weightInHundredthsSql } from "@/lib/indicators/score-model";
import { BASES, LIVE, type ReadModel, readModel } from "./bases";

/**
 * Recomputes the unit_score read model of every scorecard that is, or is scored from,
 * `indicatorIds` (directly or through a derived indicator), for `unitIds` from `from` on.
 * A score is worked out by the score model (lib/indicators/score-model.ts) in its SQL form,
 * which gives the same floating point numbers as the rankings' TypeScript (a published score
 * as published): it only finds earlier leaders and children in a band, and rankings settle
 * near ties exactly.
 */
export async function recomputeScores(
  db: Db,
  unitIds: number[],
  indicatorIds: number[],
  from: Date,
  options: {
    /** The basis rescored (its series read, its scores written). */
    model?: ReadModel;
    /** Locks the units first when there is something to rescore (a caller that holds no series locks). */
    lock?: (db: Db, unitIds: number[], model: ReadModel) => Promise<void>;
  } = {},
): Promise<void> {
  const { model = LIVE, lock } = options;
  const composites = await db.$queryRaw<{ id: number }[]>`
    WITH changed AS (
      SELECT unnest(${indicatorIds}::int[]) AS id
      UNION
      SELECT id FROM indicator
      WHERE kind = 'DERIVED' AND (numerator_id = ANY(${indicatorIds}::int[]) OR denominator_id = ANY(${indicatorIds}::int[]))
    )
    SELECT i.id FROM indicator i
    WHERE i.kind = 'COMPOSITE'
      AND (i.id IN (SELECT id FROM changed)
           OR EXISTS (SELECT 1 FROM indicator_component c WHERE c.composite_id = i.id AND c.component_id IN (SELECT id FROM changed)))`;
  const units = sql`${[...new Set(unitIds)]}::int[]`;
  if (composites.length && lock) await lock(db, unitIds, model);
  for (const { id } of composites) {
    await db.$executeRaw`
      DELETE FROM ${model.scores} WHERE indicator_id = ${id}::int AND unit_id = ANY(${units}) AND as_of >= ${from}::date`;
    await db.$executeRaw`
      WITH part AS MATERIALIZED (
        SELECT c.component_id AS indicator_id, c.sort_order, ${weightInHundredthsSql(sql`c.weight`)} AS hundredths,
               i.kind IN ('RATIO', 'CHECKLIST', 'DERIVED') AS shares,
               EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = c.component_id) AS has_targets
        FROM indicator_component c JOIN indicator i ON i.id = c.component_id
        WHERE c.composite_id = ${id}::int
      ),
      -- Wherever a component or the published score has a point, or a component's target begins.
      points AS (
        SELECT s.unit_id, s.as_of FROM ${model.series} s
        WHERE s.unit_id = ANY(${units}) AND s.as_of >= ${from}::date
          AND s.indicator_id IN (SELECT indicator_id FROM part UNION SELECT ${id}::int)
        UNION
        SELECT t.unit_id, t.assigned_on FROM target t
        WHERE t.unit_id = ANY(${units}) AND t.assigned_on >= ${from}::date
          AND t.indicator_id IN (SELECT indicator_id FROM part)
      )
      INSERT INTO ${model.scores} (indicator_id, unit_id, as_of, score, max_score)
      SELECT ${id}::int, p.unit_id, p.as_of,
             CASE WHEN pub.published THEN pub.own_value / 100 ELSE sc.score END,
             CASE WHEN pub.published THEN pub.denominator / 100
                  ELSE (SELECT ${maxScoreSql(sql`hundredths`, COMPONENT_ORDER)} FROM part pt) END
      FROM points p
      LEFT JOIN LATERAL (
        SELECT own_value::float8, denominator::float8, coalesce(own_value IS NOT NULL AND denominator > 0, false) AS published
        FROM ${model.series} WHERE indicator_id = ${id}::int AND unit_id = p.unit_id AND as_of <= p.as_of
        ORDER BY as_of DESC LIMIT 1
      ) pub ON true
      CROSS JOIN LATERAL (
        SELECT ${scoreSql(pointsSql(sql`pt.hundredths`, "x"), COMPONENT_ORDER)} AS score
        FROM part pt
        LEFT JOIN LATERAL (
          SELECT value, denominator FROM ${model.series}
          WHERE indicator_id = pt.indicator_id AND unit_id = p.unit_id AND as_of <= p.as_of
          ORDER BY as_of DESC LIMIT 1
        ) v ON true
        LEFT JOIN LATERAL (
          SELECT value FROM target
          WHERE pt.has_targets AND unit_id = p.unit_id AND indicator_id = pt.indicator_id AND assigned_on <= p.as_of
          ORDER BY assigned_on DESC LIMIT 1
        ) t ON true
        LEFT JOIN LATERAL (${progressSql(sql`pt.shares`, sql`v.value`, sql`v.denominator`, sql`t.value`)}) x ON true
      ) sc
      WHERE coalesce(pub.published, false) OR sc.score IS NOT NULL`;
  }
}

/**
 * Targets changed: both bases' scorecards are rescored (a target needs no approval), each
 * under its own basis's series locks.
 */
export async function rescoreForTargets(
  db: Db,
  unitIds: number[],
  indicatorIds: number[],
  from: Date,
  lock: (db: Db, unitIds: number[], model: ReadModel) => Promise<void>,
): Promise<void> {
  for (const basis of BASES) await recomputeScores(db, unitIds, indicatorIds, from, { model: readModel(basis), lock });
}

/** The components in the order their points are summed: the order a scorecard lists them in. */
const COMPONENT_ORDER = sql`pt.sort_order, pt.indicator_id`;

/** The migration that created unit_score: a database that had scorecards before it is filled once. */
export const UNIT_SCORE_MIGRATION = "20261204025132_unit_score";

/** Scores every scorecard for every unit over its whole history, in one transaction. */
export async function backfillScores(databaseUrl: string): Promise<void> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await client.$transaction(
      async (tx) => {
        const composites = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM indicator WHERE kind = 'COMPOSITE'`;
        if (!composites.length) return;
        const units = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM unit`;
        await recomputeScores(
          tx,
          units.map((u) => u.id),
          composites.map((c) => c.id),
          new Date("1900-01-01T00:00:00Z"),
        );
      },
      { timeout: 3_600_000, maxWait: 30_000 },
    );
  } finally {
    await client.$disconnect();
  }
}
