import "server-only";
import type { Db } from "@/lib/db/db";
import { addDays, isoDate } from "@/lib/format/dates";
import { type RankChangeReason, rankChangeReason } from "@/lib/rankings/rank-change-reasons";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";

// "What changed this week" for leadership: each child's increase over the week and its
// change in percent of target, the biggest movers each way, and who stopped reporting.

/** How many movers each way are named. */
export const MOVERS_SHOWN = 5;

export type UnitChange = {
  code: string;
  name: string;
  /** Counts: the figure's increase over the week; ratios and scores: the change of the ratio or score. */
  increase: number | null;
  /** Percent of target at the week's end minus a week before, in percentage points. */
  pointsChange: number | null;
  percent: number | null;
  rank: number | null;
  /** Places gained since the week before (negative: lost). */
  rankChange: number | null;
};

export type StoppedUnit = { code: string; name: string; value: number | null };

export type WeekChanges = {
  /** The week compared (its Sunday) and the week before it. */
  week: string;
  previousWeek: string;
  /** Every child, the largest change in percent of target first. */
  units: UnitChange[];
  /** The biggest movers up and down, MOVERS_SHOWN each (no unit in both). */
  up: UnitChange[];
  down: UnitChange[];
  /** Had a figure in the week before and none in this one; the largest last figure first. */
  stopped: StoppedUnit[];
  /** Why the ranks that moved most (RANK_REASONS_SHOWN, largest move first) changed. */
  rankReasons: RankChangeReason[];
};

/** How many rank changes are explained. */
export const RANK_REASONS_SHOWN = 3;

/** Which units reported a figure of the indicator in a week, and in the week before. */
export type WeeklyReporting = { thisWeek: ReadonlySet<string>; lastWeek: ReadonlySet<string> };

/** The figure a change is measured in: the ratio (percent), the score, or the count. */
function measured(item: RankingItem): number | null {
  return item.ratio ?? item.score ?? item.value;
}

const minus = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

/**
 * The week's changes of `current` (ranked as of the week's Sunday) against `previous` (as
 * of the Sunday before), matched by code. Movers are ranked by their change in percent of
 * target (by their increase when no unit has a target), ties by increase, then by name.
 */
export function weekChanges(
  current: RankingItem[],
  previous: RankingItem[],
  reporting: WeeklyReporting,
  week: Date,
): WeekChanges {
  const before = new Map(previous.map((p) => [p.code, p]));
  const units: UnitChange[] = current.map((c) => {
    const p = before.get(c.code);
    return {
      code: c.code,
      name: c.name,
      increase: minus(measured(c), p ? measured(p) : null),
      pointsChange: minus(c.percent, p?.percent),
      percent: c.percent,
      rank: c.rank,
      rankChange: minus(p?.rank, c.rank),
    };
  });
  const byPoints = units.some((u) => u.pointsChange !== null);
  const key = (u: UnitChange) => (byPoints ? u.pointsChange : u.increase);
  // A unit that stopped reporting carries last week's figure: it did not "make no progress".
  const stoppedCodes = new Set(
    current.filter((c) => reporting.lastWeek.has(c.code) && !reporting.thisWeek.has(c.code)).map((c) => c.code),
  );
  const moved = units.filter((u) => key(u) !== null);
  const order = (a: UnitChange, b: UnitChange) =>
    (key(b) as number) - (key(a) as number) ||
    (b.increase ?? 0) - (a.increase ?? 0) ||
    a.name.localeCompare(b.name, "vi");
  const ranked = [...moved].sort(order);
  const reported = ranked.filter((u) => !stoppedCodes.has(u.code));
  const up = reported.filter((u) => (key(u) as number) > 0).slice(0, MOVERS_SHOWN);
  const down = [...reported]
    .reverse()
    .filter((u) => !up.includes(u))
    .slice(0, MOVERS_SHOWN);
  const stopped = current
    .filter((c) => reporting.lastWeek.has(c.code) && !reporting.thisWeek.has(c.code))
    .map((c) => ({ code: c.code, name: c.name, value: before.get(c.code)?.value ?? c.value }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name, "vi"));
  return {
    week: isoDate(week),
    previousWeek: isoDate(addDays(week, -7)),
    units: [...ranked, ...units.filter((u) => key(u) === null)],
    up,
    down,
    stopped,
    rankReasons: units
      .filter((u) => u.rankChange && !stoppedCodes.has(u.code))
      .sort((a, b) => Math.abs(b.rankChange ?? 0) - Math.abs(a.rankChange ?? 0) || a.name.localeCompare(b.name, "vi"))
      .slice(0, RANK_REASONS_SHOWN)
      .map((u) => rankChangeReason(u.code, current, previous))
      .filter((r): r is RankChangeReason => r !== null),
  };
}

/**
 * The children of `parentId` (the provinces for null) in force on `week` that have a
 * figure of the indicator dated within the week (Monday–Sunday), and within the week before.
 */
export async function weeklyReporting(
  db: Db,
  parentId: number | null,
  indicatorId: number,
  week: Date,
): Promise<WeeklyReporting> {
  const rows = await db.$queryRaw<{ code: string; this_week: boolean; last_week: boolean }[]>`
    SELECT u.code,
           EXISTS (SELECT 1 FROM unit_series s WHERE s.unit_id = u.id AND s.indicator_id = ${indicatorId}::int
                     AND s.as_of > ${week}::date - 7 AND s.as_of <= ${week}::date) AS this_week,
           EXISTS (SELECT 1 FROM unit_series s WHERE s.unit_id = u.id AND s.indicator_id = ${indicatorId}::int
                     AND s.as_of > ${week}::date - 14 AND s.as_of <= ${week}::date - 7) AS last_week
    FROM unit u
    WHERE ${childOf("u", parentId)} AND ${inForceOn("u", week)}`;
  return {
    thisWeek: new Set(rows.filter((r) => r.this_week).map((r) => r.code)),
    lastWeek: new Set(rows.filter((r) => r.last_week).map((r) => r.code)),
  };
}
