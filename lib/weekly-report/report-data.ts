import "server-only";
import { type Period, previousPeriod } from "@/lib/calendar/periods";
import type { Db } from "@/lib/db/db";
import { reportDueSettings } from "@/lib/env";
import { InvalidParamError } from "@/lib/errors";
import { addDays, isoDate, sundayOnOrBefore } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { type Measure, measureOf } from "@/lib/indicators/indicator-kinds";
import { listIndicators } from "@/lib/indicators/indicators";
import { isAtRisk } from "@/lib/leaderboard/at-risk";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { type RankChangeReason, rankChangeReason } from "@/lib/rankings/rank-change-reasons";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { type ChildrenReporting, childrenReporting } from "@/lib/reporting/lateness";
import { scopeSeries } from "@/lib/series/scope-series";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { type UnitOfCode, unitByCode } from "@/lib/units/units-on";

// Everything the written weekly report says, read from the same rankings the leaderboard and
// the dashboard show (same basis, same date): nothing in its text is computed twice.

export type IndicatorResult = {
  code: string;
  name: string;
  measure: Measure;
  /** The unit's line among its siblings (for the country: its provinces' sums); null without figures. */
  item: RankingItem | null;
  /** How many siblings are ranked; 0 for the country. */
  of: number;
  /** Why its rank moved since the week (or period) before. */
  reason: RankChangeReason | null;
};

export type ReportData = {
  /** The unit reported on; null: the whole country. Its parent names the agency above it. */
  unit: UnitOfCode | null;
  parent: UnitOfCode | null;
  asOf: Date;
  week: Date;
  period: Period | null;
  results: IndicatorResult[];
  /** The units below, ranked by the first indicator with figures, and those at risk of missing a deadline. */
  childLevel: UnitLevel | null;
  children: { indicator: string; name: string; measure: Measure; items: RankingItem[] }[];
  behind: { indicator: string; items: RankingItem[] }[];
  reporting: ChildrenReporting | null;
  /** A counted indicator's line over the last weeks against its target, for the report's chart. */
  trend: { name: string; points: { asOf: string; value: number }[]; target: number | null } | null;
};

/** Weeks the report's chart shows. */
const TREND_WEEKS = 26;

/** Indicators whose children's rankings go in the appendix (the first few, in the program's order). */
const APPENDIX_INDICATORS = 3;

export async function reportData(
  prisma: PrismaClient,
  params: { unit: UnitOfCode | null; asOf: Date; period?: Period },
  now: Date = new Date(),
): Promise<ReportData> {
  const { unit, asOf } = params;
  const period = params.period ?? null;
  const [indicators, childLevel, parent] = await Promise.all([
    listIndicators(prisma),
    childLevelOf(prisma, unit, asOf),
    unit?.parentCode ? unitByCode(prisma, unit.parentCode, asOf) : null,
  ]);
  const results: IndicatorResult[] = [];
  const children: ReportData["children"] = [];
  const behind: ReportData["behind"] = [];
  for (const indicator of indicators) {
    const measure = measureOf(indicator.kind);
    // A report sent upward states what was approved: the official basis.
    const base = { indicator: indicator.code, basis: "official" as const, period: period ?? undefined };
    const [siblings, before, below] = await Promise.all([
      unit
        ? getRankingCached(prisma, { ...base, level: unit.level, parent: unit.parentCode ?? undefined, asOf })
        : null,
      unit ? previousSiblings(prisma, unit, indicator.code, asOf, period) : null,
      childLevel ? getRankingCached(prisma, { ...base, level: childLevel, parent: unit?.code, asOf }) : null,
    ]);
    const item = unit ? (siblings?.items.find((i) => i.code === unit.code) ?? null) : countryLine(below?.items ?? []);
    results.push({
      code: indicator.code,
      name: indicator.nameVi,
      measure,
      item: item && (item.value !== null || item.score != null) ? item : null,
      of: siblings ? siblings.items.filter((i) => i.rank !== null).length : 0,
      reason: unit && siblings && before ? rankChangeReason(unit.code, siblings.items, before) : null,
    });
    if (below?.items.some((i) => i.value !== null || i.score != null)) {
      // The appendix ranks: indicators whose units below have targets (and so ranks) come in.
      if (children.length < APPENDIX_INDICATORS && below.items.some((i) => i.rank !== null))
        children.push({ indicator: indicator.code, name: indicator.nameVi, measure, items: below.items });
      const atRisk = below.items.filter(isAtRisk);
      if (atRisk.length) behind.push({ indicator: indicator.nameVi, items: atRisk });
    }
  }
  const week = sundayOnOrBefore(asOf);
  // The chart follows the first counted indicator with a target (else the first counted one).
  const counts = results.filter((r) => r.measure === "count" && r.item);
  const counted = counts.find((r) => r.item?.target != null) ?? counts[0];
  const [reporting, points] = await Promise.all([
    childLevel ? childrenReporting(prisma, unit, week, now, reportDueSettings()) : null,
    counted ? trendPoints(prisma, unit, counted.code, asOf) : [],
  ]);
  const trend =
    counted && points.length > 1 ? { name: counted.name, points, target: counted.item?.target ?? null } : null;
  return { unit, parent, asOf, week, period, results, childLevel, children, behind, reporting, trend };
}

/** The ranking the unit's rank is compared with: the period before, or the week before. */
async function previousSiblings(
  prisma: PrismaClient,
  unit: UnitOfCode,
  indicator: string,
  asOf: Date,
  period: Period | null,
): Promise<RankingItem[] | null> {
  const on = period ? previousPeriod(period).end : addDays(asOf, -7);
  try {
    const ranking = await getRankingCached(prisma, {
      indicator,
      basis: "official",
      level: unit.level,
      parent: unit.parentCode ?? undefined,
      asOf: on,
    });
    return ranking.items;
  } catch (error) {
    // The week before may lie before the unit's structure began: nothing to compare with.
    if (error instanceof InvalidParamError) return null;
    throw error;
  }
}

/** The country's line, from its provinces: sums of values, targets and the week's increases (a share: Σ/Σ). */
function countryLine(provinces: RankingItem[]): RankingItem | null {
  const reported = provinces.filter((p) => p.value !== null);
  if (!reported.length || provinces[0]?.score !== undefined) return null;
  const sum = (pick: (p: RankingItem) => number | null | undefined) =>
    reported.every((p) => pick(p) != null) ? reported.reduce((total, p) => total + (pick(p) as number), 0) : null;
  const share = provinces[0]?.ratio !== undefined;
  const value = sum((p) => p.value) as number;
  const denominator = share ? sum((p) => p.denominator) : null;
  const target = share ? null : sum((p) => p.target);
  return {
    rank: null,
    code: "",
    name: "Toàn quốc",
    value,
    target,
    percent: target ? (value / target) * 100 : null,
    reachedOn: null,
    deadline: null,
    daysAhead: null,
    forecastOn: null,
    weeklyChange: share ? null : sum((p) => p.weeklyChange),
    neededPerWeek: null,
    trajectory: null,
    childrenDone: provinces.filter((p) => p.reachedOn !== null).length,
    childrenTotal: provinces.length,
    approximate: false,
    discrepancy: null,
    ...(share ? { numerator: value, denominator, ratio: denominator ? (value / denominator) * 100 : null } : {}),
  };
}

/** The unit's (or the country's) value at each reporting date of the last TREND_WEEKS weeks. */
async function trendPoints(prisma: PrismaClient, unit: UnitOfCode | null, indicator: string, asOf: Date) {
  const found = await prisma.indicator.findUnique({ where: { code: indicator }, select: { id: true } });
  if (!found) return [];
  const points = await scopeSeries(prisma, unit?.id ?? null, found.id, asOf, "official");
  const from = isoDate(addDays(asOf, -7 * TREND_WEEKS));
  return points.filter((p) => p.asOf > from);
}

async function childLevelOf(db: Db, unit: UnitOfCode | null, asOf: Date): Promise<UnitLevel | null> {
  const rows = await db.$queryRaw<{ level: UnitLevel }[]>`
    SELECT level FROM unit WHERE ${childOf("unit", unit?.id ?? null)} AND ${inForceOn("unit", asOf)} LIMIT 1`;
  return rows[0]?.level ?? null;
}
