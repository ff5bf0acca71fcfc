import { addDays, daysBetween } from "@/lib/format/dates";

// What a unit still needs to make its deadline, and whether its recent pace gets it there:
// the two questions leadership asks of every unit not yet done. Pure functions, tested on
// hand-made series.

/** done: target reached; on-track: the forecast reaches it by the deadline; at-risk: up to AT_RISK_SLIP_DAYS late; off-track: later, no progress, or the deadline has passed. */
export type Trajectory = "done" | "on-track" | "at-risk" | "off-track";
export const TRAJECTORIES = ["done", "on-track", "at-risk", "off-track"] as const;

/** A forecast that misses the deadline by at most four weeks is "at risk"; later than that, "off track". */
export const AT_RISK_SLIP_DAYS = 28;

/** Reporting weeks from `asOf` to the deadline, counting a part week as one; at least 1 (the week in progress). */
export function weeksLeft(deadline: Date, asOf: Date): number {
  return Math.max(1, Math.ceil(daysBetween(asOf, deadline) / 7));
}

type Progress = {
  /** Counts: the value; shares: the ratio in percent. */
  value: number | null;
  /** Counts: the target count; shares: the target share in percent. */
  target: number | null;
  deadline: Date | null;
  asOf: Date;
};

const reached = (p: Progress) => p.value !== null && p.target !== null && p.value >= p.target;

/**
 * The weekly increase still needed to reach the target by the deadline: the gap spread over
 * the weeks left (past the deadline, the whole gap, now). Counts are whole (rounded up);
 * shares are percentage points, unrounded. Null when done, or without a value, target or deadline.
 */
export function neededPerWeek(p: Progress, whole: boolean): number | null {
  if (p.value === null || p.target === null || p.target <= 0 || !p.deadline || reached(p)) return null;
  const perWeek = (p.target - p.value) / weeksLeft(p.deadline, p.asOf);
  return whole ? Math.ceil(perWeek) : perWeek;
}

/**
 * Where the unit is heading, from the forecast at its recent pace (forecastOn: null when the
 * pace is zero or unknown). Shares have no forecast (a share falls as well as rises), so
 * `hasForecast` false leaves an unfinished share without a trajectory before its deadline.
 * Null without a value, target or deadline.
 */
export function trajectoryOf(p: Progress & { forecastOn: Date | null; hasForecast: boolean }): Trajectory | null {
  if (p.value === null || p.target === null || p.target <= 0) return null;
  if (reached(p)) return "done";
  if (!p.deadline) return null;
  if (p.asOf > p.deadline) return "off-track";
  if (!p.hasForecast) return null;
  if (!p.forecastOn) return "off-track";
  if (p.forecastOn <= p.deadline) return "on-track";
  return p.forecastOn <= addDays(p.deadline, AT_RISK_SLIP_DAYS) ? "at-risk" : "off-track";
}
