import "server-only";
import { ident, type Sql, sql } from "@/lib/db/sql";

// The one rule of "in force on a date" for units (a code denotes different places over time),
// in its two forms: a SQL condition and a Prisma `where`.

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
