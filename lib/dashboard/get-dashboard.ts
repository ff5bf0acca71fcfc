import "server-only";
import type { Actor } from "@/lib/access/actor";
import { viewedUnit } from "@/lib/access/viewed-unit";
import { type Period, recentPeriods, type ShownPeriod, shownPeriod } from "@/lib/calendar/periods";
import { reportDueSettings } from "@/lib/env";
import { InvalidParamError } from "@/lib/errors";
import {
  addDays,
  daysBetween,
  isoDate,
  parseIsoDate,
  parseTypedDate,
  sundayOnOrBefore,
  todayInVietnam,
} from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { type Measure, measureOf } from "@/lib/indicators/indicator-kinds";
import { pickIndicator } from "@/lib/indicators/indicators";
import { isAtRisk } from "@/lib/leaderboard/at-risk";
import { latestReportingDate } from "@/lib/leaderboard/get-leaderboard";
import { shownPercent } from "@/lib/leaderboard/shown-figures";
import { periodAsOf, periodParam } from "@/lib/params/query-params";
import { forecastReachDate, PACE_WEEKS } from "@/lib/rankings/arithmetic";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { rankChanges } from "@/lib/rankings/period-changes";
import { type RankChangeReason, rankChangeReason } from "@/lib/rankings/rank-change-reasons";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { neededPerWeek, type Trajectory, trajectoryOf } from "@/lib/rankings/trajectory";
import { type ChildrenReporting, childrenReporting, latestWeekDueBelow } from "@/lib/reporting/lateness";
import type { Basis } from "@/lib/series/bases";
import { nationalTarget, scopeSeries } from "@/lib/series/scope-series";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { fullName } from "@/lib/units/units-on";
import { type WeekChanges, weekChanges, weeklyReporting } from "./week-changes";

export type Dashboard = {
  asOf: string;
  /** Live (every saved figure, the default for staff) or official (approved weeks only). */
  basis: Basis;
  /** What in the address could not be used (a period that is not one), said to the reader. */
  notice: string | null;
  /** A date in the address that is not one (as typed, shortened): the page shows today instead. */
  badDate: string | null;
  /**
   * The viewed unit ended (the 2025 reorganisation): the day it ended, the last week of its
   * figures, and whether it is the viewer's own unit (who must then be moved to a new one).
   */
  ended: { name: string; type: string; endedOn: string; lastWeek: string; own: boolean } | null;
  /** The reporting period viewed, when one was picked (the dashboard is then as of its end). */
  period: ShownPeriod | null;
  periods: Period[];
  week: string;
  indicator: { code: string; name: string; nameEn: string };
  indicators: { code: string; name: string; nameEn: string }[];
  /** The scope: a unit, or the whole country. */
  /** parentCode only when the parent is within the viewer's scope too. */
  scope: { code: string | null; name: string; parentCode: string | null };
  headline: {
    /** Counts: value and target; ratios: the ratio and its share target (percent); scorecards: the score and its maximum. */
    measure: Measure;
    value: number | null;
    target: number | null;
    percent: number | null;
    deadline: string | null;
    forecastOn: string | null;
    childrenDone: number;
    childrenTotal: number;
    atRisk: number;
    /** The weekly increase still needed to make the deadline, and where the recent pace leads (lib/rankings/trajectory.ts). */
    neededPerWeek: number | null;
    trajectory: Trajectory | null;
    /** Why the viewed unit's rank among its siblings changed since the week before. */
    rankReason: RankChangeReason | null;
  };
  points: { asOf: string; value: number }[];
  /** From the last point to the deadline at the pace of the last PACE_WEEKS weeks. */
  forecast: { asOf: string; value: number }[];
  childLevel: UnitLevel | null;
  children: RankingItem[];
  atRisk: RankingItem[];
  /**
   * The children's reports for a week: who reported, submitted, was approved, and who is late.
   * Opened with no date or period, the latest week whose submission time has passed (so the
   * late units show); otherwise the week of the date viewed.
   */
  completeness: ChildrenReporting;
  /** Opened with no date or period: the week of today's figures, when it is not yet the one above. */
  currentWeek: ChildrenReporting | null;
  /** What changed over the reports' week: each child's increase, the movers, who stopped reporting. */
  changes: WeekChanges;
};

/**
 * What leadership reads for its scope (the viewer's unit, a unit below it, or the country):
 * headline figures, value against target over time with the forecast to the deadline, the
 * children ranked, the units at risk and the week's reporting completeness.
 */
export async function getDashboard(
  prisma: PrismaClient,
  actor: Actor,
  params: {
    unit?: string | null;
    indicator?: string | null;
    date?: string | null;
    period?: string | null;
    basis?: string | null;
  },
  now: Date = new Date(),
): Promise<Dashboard> {
  const today = todayInVietnam(now);
  const basis: Basis = params.basis === "official" ? "official" : "live";
  // A period the address names wrongly is set aside with a notice: the page still opens.
  let notice: string | null = null;
  let period: Period | undefined;
  try {
    period = params.period ? periodParam(params.period.slice(0, 40), "period") : undefined;
  } catch (error) {
    if (!(error instanceof InvalidParamError)) throw error;
    notice = error.message;
  }
  const dateText = params.date?.trim().slice(0, 40) ?? "";
  const asked = dateText ? parseTypedDate(dateText) : null;
  const { indicators, indicator } = await pickIndicator(prisma, params.indicator);
  // With no date, the leaderboard's latest reporting date (never after today): the dashboard
  // then says the same figures, forecasts and ranks as the public page.
  const latest = asked || period ? null : await latestReportingDate(prisma, indicator.id, basis);
  const latestDay = latest ? (parseIsoDate(latest) as Date) : null;
  const wanted = period
    ? periodAsOf(period)
    : asked && asked <= today
      ? asked
      : latestDay && latestDay <= today
        ? latestDay
        : today;
  const unit = await viewedUnit(prisma, actor, params.unit || null, wanted);
  // A unit is shown within its own life: one that ended in the 2025 reorganisation as of its
  // last day (its parent and siblings are gone after it), one formed then from its first.
  const asOf =
    unit?.validTo && unit.validTo < wanted ? unit.validTo : unit && unit.validFrom > wanted ? unit.validFrom : wanted;

  const measure = measureOf(indicator.kind);

  // Children on the date: districts or communes (provinces' children changed level in 2025).
  const childLevelRow = await prisma.$queryRaw<{ level: UnitLevel }[]>`
    SELECT level FROM unit WHERE ${childOf("unit", unit?.id ?? null)} AND ${inForceOn("unit", asOf)} LIMIT 1`;
  const childLevel = childLevelRow[0]?.level ?? null;
  const siblings = (on: Date) =>
    unit
      ? getRankingCached(prisma, {
          indicator: indicator.code,
          basis,
          level: unit.level,
          parent: unit.parentCode ?? undefined,
          asOf: on,
        }).then((r) => r.items)
      : Promise.resolve([] as RankingItem[]);
  const [rankedChildren, childrenBefore, siblingsNow, siblingsBefore, points, target] = await Promise.all([
    childLevel
      ? getRankingCached(prisma, {
          indicator: indicator.code,
          basis,
          level: childLevel,
          parent: unit?.code,
          asOf,
          period,
        }).then((r) => r.items)
      : Promise.resolve([] as RankingItem[]),
    // The children a week earlier, for each one's rank change as the leaderboard shows it (a period's come with it).
    childLevel && !period
      ? getRankingCached(prisma, {
          indicator: indicator.code,
          basis,
          level: childLevel,
          parent: unit?.code,
          asOf: addDays(asOf, -7),
        })
          .then((r) => r.items)
          .catch((error) => {
            if (error instanceof InvalidParamError) return [] as RankingItem[];
            throw error;
          })
      : Promise.resolve([] as RankingItem[]),
    siblings(asOf),
    // A week earlier may lie before the unit's structure began: then there is no rank to compare.
    siblings(addDays(asOf, -7)).catch((error) => {
      if (error instanceof InvalidParamError) return [] as RankingItem[];
      throw error;
    }),
    // The trend and its forecast are drawn for counts; a ratio's or a score's line is not a sum.
    measure === "count" ? scopeSeries(prisma, unit?.id ?? null, indicator.id, asOf, basis) : Promise.resolve([]),
    unit || measure !== "count" ? Promise.resolve(null) : nationalTarget(prisma, indicator.id, asOf),
  ]);

  const moves = period ? null : rankChanges(rankedChildren, childrenBefore);
  const children = moves
    ? rankedChildren.map((item, i) => ({ ...item, rankChange: moves[i]?.rankChange ?? null }))
    : rankedChildren;
  const standing = unit ? (siblingsNow.find((i) => i.code === unit.code) ?? null) : null;
  const last = points.at(-1) ?? null;
  const value = standing?.value ?? last?.value ?? null;
  const targetValue = standing?.target ?? target?.value ?? null;
  const deadline = standing?.deadline ?? target?.deadline ?? null;
  const paceFrom = points.filter((p) => p.asOf <= isoDate(addDays(asOf, -7 * PACE_WEEKS))).at(-1)?.value ?? null;
  const forecastOn = standing
    ? standing.forecastOn
    : (() => {
        const on = forecastReachDate(value, targetValue, paceFrom, asOf);
        return on ? isoDate(on) : null;
      })();
  const atRisk = children.filter(isAtRisk);
  // The country (or a ratio's or score's headline) has no ranking item: its need and trajectory are worked out here.
  const progress = {
    value: measure === "count" ? value : null,
    target: targetValue,
    deadline: deadline ? new Date(`${deadline}T00:00:00Z`) : null,
    asOf,
  };
  const neededPerWeekNow = standing ? standing.neededPerWeek : neededPerWeek(progress, true);
  const trajectory = standing
    ? standing.trajectory
    : trajectoryOf({
        ...progress,
        forecastOn: forecastOn ? new Date(`${forecastOn}T00:00:00Z`) : null,
        hasForecast: true,
      });

  // With no date or period the figures are today's, but today's week is rarely due yet: the
  // reports are shown for the latest week that fell due (never after the viewed unit's life).
  const settings = reportDueSettings();
  const viewedWeek = sundayOnOrBefore(asOf);
  const dueWeek = latestWeekDueBelow(unit, childLevel, now, settings);
  const reportWeek = period || asked || dueWeek > viewedWeek ? viewedWeek : dueWeek;
  const ranked = (on: Date) =>
    childLevel
      ? getRankingCached(prisma, {
          indicator: indicator.code,
          basis,
          level: childLevel,
          parent: unit?.code,
          asOf: on,
        }).then((r) => r.items)
      : Promise.resolve([] as RankingItem[]);
  const [completeness, currentWeek, weekItems, weekBefore, reporting] = await Promise.all([
    childrenReporting(prisma, unit, reportWeek, now, settings),
    reportWeek < viewedWeek ? childrenReporting(prisma, unit, viewedWeek, now, settings) : Promise.resolve(null),
    // The changes are the reports' week's: as of its Sunday against the Sunday before.
    !period && isoDate(reportWeek) === isoDate(asOf) ? Promise.resolve(children) : ranked(reportWeek),
    // The week before may fall under the structure before 2025, with no such parent in it.
    ranked(addDays(reportWeek, -7)).catch((error) => {
      if (error instanceof InvalidParamError) return [] as RankingItem[];
      throw error;
    }),
    weeklyReporting(prisma, unit?.id ?? null, indicator.id, reportWeek),
  ]);
  const ended =
    unit?.validTo && unit.validTo < wanted
      ? {
          name: fullName(unit),
          type: unit.type,
          endedOn: isoDate(addDays(unit.validTo, 1)),
          lastWeek: isoDate(sundayOnOrBefore(unit.validTo)),
          own: unit.id === actor.unitId,
        }
      : null;

  return {
    asOf: isoDate(asOf),
    basis,
    notice,
    badDate: dateText && !asked ? dateText : null,
    ended,
    period: period ? shownPeriod(period) : null,
    periods: recentPeriods(today),
    week: isoDate(viewedWeek),
    indicator: { code: indicator.code, name: indicator.name, nameEn: indicator.nameEn },
    indicators: indicators.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })),
    scope: unit
      ? { code: unit.code, name: fullName(unit), parentCode: unit.id === actor.unitId ? null : unit.parentCode }
      : { code: null, name: "Toàn quốc", parentCode: null },
    headline: {
      measure,
      ...(measure === "count"
        ? { value, target: targetValue, percent: value !== null && targetValue ? (value / targetValue) * 100 : null }
        : shareHeadline(measure, standing, children)),
      deadline,
      forecastOn,
      childrenDone: children.filter((c) => c.reachedOn !== null).length,
      childrenTotal: children.length,
      atRisk: atRisk.length,
      neededPerWeek: neededPerWeekNow,
      trajectory,
      rankReason: unit ? rankChangeReason(unit.code, siblingsNow, siblingsBefore) : null,
    },
    points,
    forecast: forecastLine(last, paceFrom, deadline, targetValue),
    childLevel,
    children,
    atRisk,
    completeness,
    currentWeek,
    changes: weekChanges(weekItems, weekBefore, reporting, reportWeek),
  };
}

/**
 * The headline of a ratio (the unit's, or the country's Σ numerators / Σ denominators of its
 * children, with the share target) or of a scorecard (the score out of its maximum).
 */
function shareHeadline(measure: Measure, standing: RankingItem | null, children: RankingItem[]) {
  if (measure === "score")
    return {
      value: standing?.score ?? null,
      target: standing?.maxScore ?? null,
      percent: standing ? shownPercent(standing) : null,
    };
  if (standing) return { value: standing.ratio ?? null, target: standing.target, percent: standing.percent };
  const numerator = children.reduce((sum, c) => sum + (c.numerator ?? 0), 0);
  const denominator = children.reduce((sum, c) => sum + (c.denominator ?? 0), 0);
  return { value: denominator > 0 ? (numerator / denominator) * 100 : null, target: null, percent: null };
}

function forecastLine(
  last: { asOf: string; value: number } | null,
  paceFrom: number | null,
  deadline: string | null,
  target: number | null,
): { asOf: string; value: number }[] {
  if (!last || paceFrom === null || !deadline || target === null || deadline <= last.asOf) return [];
  const perDay = (last.value - paceFrom) / (PACE_WEEKS * 7);
  if (perDay <= 0) return [];
  const lastDate = new Date(`${last.asOf}T00:00:00Z`);
  const end = new Date(`${deadline}T00:00:00Z`);
  return [last, { asOf: deadline, value: Math.round(last.value + perDay * daysBetween(lastDate, end)) }];
}
