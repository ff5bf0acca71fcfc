import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import { addDays } from "@/lib/format/dates";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { OFFICIAL, weekOfSql } from "./bases";
import { rebuildSeries, refreshSeries } from "./refresh-series";

/**
 * A unit's week was approved or unlocked: its figures of that week entered or left the
 * official basis, so the unit's official series (and its ancestors', derived ratios and
 * scorecards) are recomputed from the week's first day. Call it in the transaction that
 * changes the report's status, after the change. Children approved earlier are already in
 * their parents' official values, so only the unit's own indicators of the week are redone.
 */
export async function refreshOfficialWeek(db: Db, unitId: number, week: Date): Promise<void> {
  const indicators = await db.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT indicator_id AS id FROM figure
    WHERE unit_id = ${unitId}::int AND as_of BETWEEN ${addDays(week, -6)}::date AND ${week}::date
      AND ${weekOfSql(sql`as_of`)} = ${week}::date`;
  if (!indicators.length) return;
  await refreshSeries(
    db,
    { unitIds: [unitId], indicatorIds: indicators.map((i) => i.id), from: addDays(week, -6) },
    OFFICIAL,
  );
}

/** The migration that created the official basis: a database with approved weeks before it is filled once. */
export const OFFICIAL_BASIS_MIGRATION = "20261207023554_official_basis";

/** Builds the official basis from every approved week, in one transaction. */
export async function backfillOfficial(databaseUrl: string): Promise<void> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await client.$transaction(
      async (tx) => {
        const indicators = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM indicator`;
        await rebuildSeries(
          tx,
          indicators.map((i) => i.id),
          [OFFICIAL],
        );
      },
      { timeout: 3_600_000, maxWait: 30_000 },
    );
  } finally {
    await client.$disconnect();
  }
}
