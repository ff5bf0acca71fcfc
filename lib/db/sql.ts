import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// SQL is composed from fragments whose values are bound where they are written:
// sql`… ${value} …` becomes a numbered parameter only when the whole query is assembled, so
// no fragment depends on another's parameter numbers. Run a composed query with
// db.$queryRaw(query) or db.$executeRaw(query).

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;

/**
 * A table alias or column written into the SQL text. Only names the code itself spells are
 * accepted (never user input), and they are checked, so a typo cannot become an injection.
 */
export function ident(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return Prisma.raw(name);
}
