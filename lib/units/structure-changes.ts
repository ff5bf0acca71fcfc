import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The days on which the set of units in force changes (a unit begins, or the day after one
 * ends), oldest first. Between two of them every date has the same units in force.
 */
export async function structureChangeDates(prisma: PrismaClient): Promise<Date[]> {
  const rows = await prisma.$queryRaw<{ day: Date }[]>`
    SELECT valid_from AS day FROM unit
    UNION SELECT valid_to + 1 FROM unit WHERE valid_to IS NOT NULL
    ORDER BY day`;
  return rows.map((r) => r.day);
}

/** The first day of the structure in force on `date`: the latest change on or before it (or the date). */
export function structureStart(changes: Date[], date: Date): Date {
  let start: Date | null = null;
  for (const change of changes) {
    if (change.getTime() > date.getTime()) break;
    start = change;
  }
  return start ?? date;
}
