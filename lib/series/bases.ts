import "server-only";
import { type Sql, sql } from "@/lib/db/sql";

/**
 * The two bases every number can be read on. "live": every saved figure, the moment it is
 * saved (what officers watch during the week). "official": only figures whose unit's week has
 * been approved by the level above (what a unit is ranked on and what the public sees).
 */
export type Basis = "official" | "live";
export const BASES = ["official", "live"] as const satisfies readonly Basis[];

/** Where one basis is read from and written to; the SQL that fills and reads them is shared. */
export type ReadModel = {
  basis: Basis;
  /** The series table (a unit's effective value at every date). */
  series: Sql;
  /** The scorecards' stored scores. */
  scores: Sql;
  /** The figures it is built from: a table or a subquery with the columns of `figure`. */
  figures: Sql;
  /** Advisory-lock namespace of "recomputing this unit's series" on this basis. */
  lockSpace: number;
};

/** The Sunday ending a figure's week (a figure belongs to the week ending on the Sunday on or after its date). */
export function weekOfSql(asOf: Sql): Sql {
  return sql`(${asOf} + ((7 - extract(isodow FROM ${asOf})::int) % 7))`;
}

/** Figures whose unit's report for their week is approved. */
const APPROVED_FIGURES = sql`(SELECT f.* FROM figure f
  WHERE EXISTS (SELECT 1 FROM weekly_report r WHERE r.unit_id = f.unit_id AND r.status = 'APPROVED'
                AND r.week = ${weekOfSql(sql`f.as_of`)}))`;

export const LIVE: ReadModel = {
  basis: "live",
  series: sql`unit_series`,
  scores: sql`unit_score`,
  figures: sql`figure`,
  lockSpace: 6_0001,
};

export const OFFICIAL: ReadModel = {
  basis: "official",
  series: sql`official_series`,
  scores: sql`official_score`,
  figures: APPROVED_FIGURES,
  lockSpace: 6_0002,
};

export function readModel(basis: Basis): ReadModel {
  return basis === "official" ? OFFICIAL : LIVE;
}
