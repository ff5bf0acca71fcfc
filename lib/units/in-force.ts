import "server-only";
import { ident, type Sql, sql } from "@/lib/db/sql";

// The one rule of "in force on a date" for units (a code denotes different places over time),
// in its forms: a SQL condition, a Prisma `where`, and "in force on some day of a span".

/**
 * The one definition of "in force on a date" for rows with valid_from/valid_to (units):
 * started on or before the date and not ended before it.
 */
export function inForceOn(alias: string, date: Date | Sql): Sql {
  const a = ident(alias);
  return sql`(${a}.valid_from <= ${date}::date AND (${a}.valid_to IS NULL OR ${a}.valid_to >= ${date}::date))`;
}

/** The same rule as a Prisma `where`. */
export function inForceWhere(date: Date) {
  return { validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gte: date } }] };
}

/** In force on at least one day from `from` to `until` (inclusive): the span and the unit's life overlap. */
export function inForceDuring(alias: string, from: Date | Sql, until: Date | Sql): Sql {
  const a = ident(alias);
  return sql`(${a}.valid_from <= ${until}::date AND (${a}.valid_to IS NULL OR ${a}.valid_to >= ${from}::date))`;
}
