import "server-only";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import type { Point } from "./figure-rules";

/**
 * The last `count` figures of each (unit, indicator) pair up to a date, oldest first, by
 * "unitId:indicatorId": the history the jump warning judges a new figure by, for the entry
 * form (before the week shown) and for imports (up to the file's latest date).
 */
export async function recentFigures(
  db: Db,
  pairs: { unitId: number; indicatorId: number }[],
  until: { date: Date; inclusive: boolean },
  count: number,
): Promise<Map<string, Point[]>> {
  if (pairs.length === 0) return new Map();
  const rows = await db.$queryRaw<{ unit_id: number; indicator_id: number; as_of: Date; value: number }[]>`
    SELECT p.unit_id, p.indicator_id, h.as_of, h.value
    FROM unnest(${pairs.map((p) => p.unitId)}::int[], ${pairs.map((p) => p.indicatorId)}::int[]) AS p(unit_id, indicator_id)
    CROSS JOIN LATERAL (
      SELECT f.as_of, f.value FROM figure f
      WHERE f.unit_id = p.unit_id AND f.indicator_id = p.indicator_id
        AND ${until.inclusive ? sql`f.as_of <= ${until.date}::date` : sql`f.as_of < ${until.date}::date`}
      ORDER BY f.as_of DESC LIMIT ${count}
    ) h
    ORDER BY p.unit_id, p.indicator_id, h.as_of`;
  const history = new Map<string, Point[]>();
  for (const r of rows) {
    const key = `${r.unit_id}:${r.indicator_id}`;
    const points = history.get(key);
    if (points) points.push({ asOf: r.as_of, value: r.value });
    else history.set(key, [{ asOf: r.as_of, value: r.value }]);
  }
  return history;
}
