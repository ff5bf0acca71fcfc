import "server-only";
import { sql } from "@/lib/db/sql";
import { isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inForceOn } from "@/lib/units/in-force";
import { type Basis, readModel } from "./bases";
import { latestPoint, targetInForce } from "./series-sql";

/** The scope's value at every date it has one; the country's is the sum of the provinces in force then. */
export async function scopeSeries(
  prisma: PrismaClient,
  unitId: number | null,
  indicatorId: number,
  asOf: Date,
  basis: Basis,
) {
  const series = readModel(basis).series;
  const rows =
    unitId !== null
      ? await prisma.$queryRaw<{ as_of: Date; value: bigint }[]>`
          SELECT as_of, value FROM ${series}
          WHERE unit_id = ${unitId}::int AND indicator_id = ${indicatorId}::int AND as_of <= ${asOf}::date ORDER BY as_of`
      : await prisma.$queryRaw<{ as_of: Date; value: bigint }[]>`
          WITH dates AS (
            SELECT DISTINCT s.as_of FROM ${series} s JOIN unit u ON u.id = s.unit_id
            WHERE u.level = 'PROVINCE' AND s.indicator_id = ${indicatorId}::int AND s.as_of <= ${asOf}::date
          )
          SELECT d.as_of, sum(v.value)::bigint AS value FROM dates d
          JOIN unit u ON u.level = 'PROVINCE' AND ${inForceOn("u", sql`d.as_of`)}
          CROSS JOIN LATERAL (${latestPoint(basis, "u.id", indicatorId, sql`d.as_of`)}) v
          GROUP BY d.as_of ORDER BY d.as_of`;
  return rows.map((r) => ({ asOf: isoDate(r.as_of), value: Number(r.value) }));
}

/** The country's target: the sum of the provinces' targets in force, due at the latest of their deadlines. */
export async function nationalTarget(prisma: PrismaClient, indicatorId: number, asOf: Date) {
  const [row] = await prisma.$queryRaw<{ value: bigint | null; deadline: Date | null }[]>`
    SELECT sum(t.value)::bigint AS value, max(t.deadline) AS deadline FROM unit u
    CROSS JOIN LATERAL (${targetInForce("u.id", indicatorId, asOf)}) t
    WHERE u.level = 'PROVINCE' AND ${inForceOn("u", asOf)}`;
  return row?.value ? { value: Number(row.value), deadline: row.deadline ? isoDate(row.deadline) : null } : null;
}
