import type { Period } from "@/lib/calendar/periods";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import type { Basis } from "@/lib/series/bases";
import type { Trajectory } from "./trajectory";

export type RankingQuery = {
  indicator: string;
  /**
   * Which figures: "official" (approved weeks only: what units are ranked on and the public
   * sees) or "live" (every saved figure, for staff during the week).
   */
  basis: Basis;
  level: UnitLevel;
  /** Code of an ancestor: districts of a province, communes of a district or province. */
  parent?: string;
  asOf: Date;
  /**
   * Re-aggregate onto the units in force on this date (e.g. 2023 figures onto today's 34
   * provinces) through the old → new crosswalk.
   */
  structureOn?: Date;
  /**
   * A reporting period (lib/calendar/periods.ts): the ranking is as of its last day (today
   * while it runs), with each unit's increase within it and its rank against the period before.
   */
  period?: Period;
};

/** One ranked unit. Field names are a public API contract: keep them. Dates are YYYY-MM-DD. */
export type RankingItem = {
  rank: number | null;
  code: string;
  name: string;
  value: number | null;
  target: number | null;
  percent: number | null;
  reachedOn: string | null;
  deadline: string | null;
  daysAhead: number | null;
  forecastOn: string | null;
  weeklyChange: number | null;
  /**
   * The weekly increase still needed to reach the target by the deadline (counts: whole,
   * rounded up; shares: percentage points); null when done or without a target or deadline.
   */
  neededPerWeek: number | null;
  /** Where the unit is heading at its recent pace (lib/rankings/trajectory.ts); null when it cannot be told. */
  trajectory: Trajectory | null;
  /**
   * Children that reached their own target (scorecards: whose score reaches the top band,
   * Ranking.childrenThreshold); null when re-aggregating onto another structure.
   */
  childrenDone: number | null;
  childrenTotal: number | null;
  approximate: boolean;
  /** Set when the unit reported its own figure and its children's sum differs from it. */
  discrepancy: { reported: number; childrenSum: number } | null;
  /** On the official basis: the date (YYYY-MM-DD) of the latest official figure used for the unit; null without one. */
  officialAsOf?: string | null;
  /** On the live basis: whether the unit's report for the week of its latest figure is approved. */
  approved?: boolean;
  /** With a period: the increase within it (value at its end − value the day before it began; null without both). */
  change?: number | null;
  /** With a period: the rank in the period before, and places gained since (negative: lost). */
  previousRank?: number | null;
  rankChange?: number | null;
  /**
   * Indicators with a denominator (RATIO, CHECKLIST, DERIVED): value is the numerator, ratio
   * is numerator / denominator in percent, unrounded; target is then a share in percent,
   * percent is ratio / target, and weeklyChange and change are in percentage points.
   */
  numerator?: number | null;
  denominator?: number | null;
  ratio?: number | null;
  /** Scorecards (COMPOSITE): the points out of maxScore, its band, the points behind the unit above, and each component. */
  score?: number | null;
  maxScore?: number;
  band?: string | null;
  gapToAbove?: number | null;
  /** A score published by the program and imported (no components then), not computed here. */
  published?: boolean;
  components?: ScoreComponent[];
  /**
   * Scorecards: for a unit ranked first, how many periods in a row up to this one it has
   * ranked first (periods of the query's kind, else weeks; at most MAX_PERIODS_AT_TOP
   * looked back); 0 for the others; null when re-aggregating onto another structure.
   */
  periodsAtTop?: number | null;
};

/** A scorecard component's names in both languages, for tables and files (items carry only its code). */
export type ComponentName = { indicator: string; nameVi: string; nameEn: string };

/** One component of a unit's score: points of its weight, from its percent of target (or ratio). */
export type ScoreComponent = { indicator: string; weight: number; points: number; percent: number | null };

export type Ranking = {
  indicator: string;
  basis: Basis;
  level: "province" | "district" | "commune";
  parent: string | null;
  asOf: string;
  structureOn: string | null;
  /** The indicator was retired from this date (YYYY-MM-DD): the ranking is history. */
  indicatorRetiredOn?: string;
  /** With a period: its key (month:2023-05) and first and last days. */
  period?: string;
  periodStart?: string;
  periodEnd?: string;
  /** Scorecards: the percent of the maximum points a child must reach to count in childrenDone (the top band). */
  childrenThreshold?: number;
  /** Scorecards: the score bands, in percent of the maximum points (the leaderboard's colour scale follows them). */
  bands?: number[];
  /** Scorecards: each component's names, in the order of the items' components. */
  componentNames?: ComponentName[];
  items: RankingItem[];
};

/** What the database gives for each ranked unit; the arithmetic happens in TypeScript. */
export type RankingRow = {
  code: string;
  name: string;
  value: number | null;
  own_value: number | null;
  children_sum: number | null;
  week_ago: number | null;
  pace_base: number | null;
  /** With a period: the value the day before it began. */
  period_base?: number | null;
  /** Indicators with a denominator: the denominators paired with value, week_ago and period_base. */
  denominator?: number | null;
  week_ago_den?: number | null;
  period_base_den?: number | null;
  target: number | null;
  deadline: Date | null;
  reached_on: Date | null;
  children_total: number | null;
  children_done: number | null;
  approximate: boolean;
  /** On the official basis: the date of the latest point read. */
  official_as_of?: Date | null;
  /** On the live basis: whether the week of the latest point is approved. */
  approved?: boolean | null;
};
