import "server-only";
import { cache } from "react";
import { type Period, parsePeriod, recentPeriods, type ShownPeriod, shownPeriod } from "@/lib/calendar/periods";
import { addDays, isoDate, parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { hasDenominator } from "@/lib/indicators/indicator-kinds";
import { pickIndicator } from "@/lib/indicators/indicators";
import { periodAsOf } from "@/lib/params/query-params";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { rankChanges } from "@/lib/rankings/period-changes";
import type { ComponentName, RankingItem } from "@/lib/rankings/ranking-types";
import { type Basis, readModel } from "@/lib/series/bases";
import { scopeSeries } from "@/lib/series/scope-series";
import { STRUCTURE_34_FROM, STRUCTURE_63_TO, type Structure } from "@/lib/units/structures";

export type LeaderboardItem = RankingItem & {
  /** Places gained since the previous week (negative: places lost); null when not ranked then. */
  rankChange: number | null;
};

type IndicatorName = { code: string; name: string; nameEn: string; kind: IndicatorKind; retiredOn: string | null };

export type Leaderboard = {
  indicators: IndicatorName[];
  indicator: IndicatorName;
  structure: Structure;
  /** Reporting dates of this structure, oldest first: the time slider's stops. */
  dates: string[];
  asOf: string | null;
  /** The reporting period ranked, when one was picked (the ranking is then as of its end). */
  period: ShownPeriod | null;
  /** The periods a reader may pick, newest first. */
  periods: Period[];
  items: LeaderboardItem[];
  /** Scorecards: the percent of the maximum a district or commune must reach to count in childrenDone. */
  childrenThreshold: number | null;
  /** Scorecards: the score bands the colour scale follows (lib/leaderboard/colour-scale.ts). */
  bands: number[] | null;
  /** Scorecards: the components' names, for the table's parts and the files. */
  componentNames: ComponentName[] | null;
  /** A scorecard's country line (the country itself is not scored): the provinces' mean score, the leader, how many reach the top band. */
  scorecard: {
    mean: number | null;
    maxScore: number | null;
    leader: { code: string; name: string; score: number } | null;
    inTopBand: number;
    topBand: number | null;
    provinces: number;
  } | null;
  /** The whole country: the provinces' sums, and its value at every reporting date. */
  national: {
    value: number;
    target: number | null;
    percent: number | null;
    /** Indicators with a denominator: the country's Σ denominators and its ratio (Σ numerators / Σ denominators). */
    denominator: number | null;
    ratio: number | null;
    provincesDone: number;
    provinces: number;
    /** The latest of the provinces' deadlines (YYYY-MM-DD): when the country's target is due. */
    deadline: string | null;
    points: { asOf: string; value: number }[];
  } | null;
};

type Params = { indicator?: string; date?: string; structure: Structure; period?: string };

/** The public leaderboard: provinces by percent of target, on a reporting date of a structure. */
export const getLeaderboard = cache(async (prisma: PrismaClient, params: Params): Promise<Leaderboard> => {
  const { indicators, indicator } = await pickIndicator(prisma, params.indicator);
  const periods = recentPeriods(todayInVietnam()).filter((p) => inStructure(p, params.structure));
  const dates = await reportingDates(prisma, indicator.id, params.structure);
  const period = pickPeriod(params.period, params.structure);
  const asOf = period ? isoDate(periodAsOf(period)) : pickDate(dates, params.date);
  const empty = {
    indicators,
    indicator,
    structure: params.structure,
    dates,
    periods,
    period: null,
    national: null,
    childrenThreshold: null,
    bands: null,
    componentNames: null,
    scorecard: null,
  };
  if (!asOf) return { ...empty, asOf: null, items: [] };

  const day = parseIsoDate(asOf) as Date;
  // The public sees what was approved: the official basis, always.
  const query = { indicator: indicator.code, level: "PROVINCE" as const, basis: "official" as const };
  let items: LeaderboardItem[];
  let ranking: Awaited<ReturnType<typeof getRankingCached>>;
  if (period) {
    // Rank change against the period before comes with the period's ranking.
    ranking = await getRankingCached(prisma, { ...query, asOf: day, period });
    items = ranking.items.map((item) => ({ ...item, rankChange: item.rankChange ?? null }));
  } else {
    const [now, previous] = await Promise.all([
      getRankingCached(prisma, { ...query, asOf: day }),
      getRankingCached(prisma, { ...query, asOf: addDays(day, -7) }),
    ]);
    ranking = now;
    const changes = rankChanges(now.items, previous.items);
    items = now.items.map((item, i) => ({ ...item, rankChange: changes[i]?.rankChange ?? null }));
  }
  return {
    ...empty,
    asOf,
    period: period ? shownPeriod(period) : null,
    items,
    childrenThreshold: ranking.childrenThreshold ?? null,
    bands: ranking.bands ?? null,
    componentNames: ranking.componentNames ?? null,
    // A scorecard has no national figure (the country is not scored): its line is the provinces'.
    national: indicator.kind === "COMPOSITE" ? null : await nationalOf(prisma, indicator, items, day),
    scorecard: indicator.kind === "COMPOSITE" ? scorecardLine(items, ranking.bands ?? null) : null,
  };
});

/** The provinces' mean score, the leader, and how many reach the top band (percent of the maximum points). */
function scorecardLine(items: RankingItem[], bands: number[] | null): NonNullable<Leaderboard["scorecard"]> {
  const scored = items.filter((i) => i.score !== null && i.score !== undefined);
  const top = bands?.length ? Math.max(...bands) : null;
  const maxScore = scored[0]?.maxScore ?? null;
  const first = scored.find((i) => i.rank === 1);
  const share = (i: RankingItem) => (maxScore ? ((i.score as number) / maxScore) * 100 : 0);
  return {
    mean: scored.length ? scored.reduce((sum, i) => sum + (i.score as number), 0) / scored.length : null,
    maxScore,
    leader: first ? { code: first.code, name: first.name, score: first.score as number } : null,
    inTopBand: top === null ? 0 : scored.filter((i) => share(i) >= top).length,
    topBand: top,
    provinces: items.length,
  };
}

/** A period picked in the URL, if it is one that has begun and falls in the structure's years; else none. */
function pickPeriod(text: string | undefined, structure: Structure): Period | null {
  if (!text) return null;
  const period = parsePeriod(text.slice(0, 40));
  if ("problem" in period || period.start > todayInVietnam()) return null;
  return inStructure(period, structure) ? period : null;
}

/** A period belongs to the structure its last ranked day falls in. */
function inStructure(period: Period, structure: Structure): boolean {
  const end = periodAsOf(period);
  return structure === "63" ? end <= STRUCTURE_63_TO : end >= STRUCTURE_34_FROM;
}

/** The country's headline from the ranked provinces, and its value over time up to `asOf`. */
async function nationalOf(
  prisma: PrismaClient,
  indicator: { id: number; kind: IndicatorKind },
  items: RankingItem[],
  asOf: Date,
): Promise<Leaderboard["national"]> {
  const reported = items.filter((i) => i.value !== null);
  if (!reported.length) return null;
  const value = reported.reduce((sum, i) => sum + (i.value ?? 0), 0);
  const deadline = items.reduce<string | null>(
    (latest, i) => (i.deadline && (!latest || i.deadline > latest) ? i.deadline : latest),
    null,
  );
  if (hasDenominator(indicator.kind)) {
    // The country's ratio is its provinces' numerators over their denominators; a share
    // target is not summed, so the headline shows the ratio and no target.
    const denominator = reported.reduce((sum, i) => sum + (i.denominator ?? 0), 0);
    return {
      value,
      denominator,
      ratio: denominator > 0 ? (value / denominator) * 100 : null,
      target: null,
      percent: null,
      provincesDone: items.filter((i) => i.reachedOn !== null || (i.target === null && i.ratio === 100)).length,
      provinces: items.length,
      deadline,
      points: [],
    };
  }
  const targets = items.filter((i) => i.target !== null);
  const target = targets.length ? targets.reduce((sum, i) => sum + (i.target ?? 0), 0) : null;
  // The country is the same before and after the reorganisation: its whole history is one line.
  const points = await scopeSeries(prisma, null, indicator.id, asOf, "official");
  return {
    value,
    denominator: null,
    ratio: null,
    target,
    percent: target ? (value / target) * 100 : null,
    provincesDone: items.filter((i) => i.reachedOn !== null).length,
    provinces: items.length,
    deadline,
    points,
  };
}

/** The requested date if it is a reporting date, else the latest one on or before it, else the latest. */
function pickDate(dates: string[], wanted: string | undefined): string | null {
  if (dates.length === 0) return null;
  if (wanted && parseIsoDate(wanted)) {
    const onOrBefore = dates.filter((d) => d <= wanted);
    if (onOrBefore.length) return onOrBefore.at(-1) as string;
  }
  return dates.at(-1) as string;
}

/**
 * The date a page shows when its address names none: the latest reporting date of today's
 * structure, as the leaderboard opens on. The unit pages take it too, so a unit reads the
 * same date (and the same forecasts) whether it is opened from the leaderboard or directly.
 */
export async function latestReportingDate(
  prisma: PrismaClient,
  indicatorId: number,
  basis: Basis = "official",
): Promise<string | null> {
  return (await reportingDates(prisma, indicatorId, "34", basis)).at(-1) ?? null;
}

/** Dates with a province figure on a basis; a scorecard's are its components'. */
async function reportingDates(
  prisma: PrismaClient,
  indicatorId: number,
  structure: Structure,
  basis: Basis = "official",
): Promise<string[]> {
  const from = structure === "63" ? new Date("2008-08-01T00:00:00Z") : STRUCTURE_34_FROM;
  const to = structure === "63" ? STRUCTURE_63_TO : new Date("9999-12-31T00:00:00Z");
  const rows = await prisma.$queryRaw<{ as_of: Date }[]>`
    SELECT DISTINCT s.as_of FROM ${readModel(basis).series} s
    JOIN unit u ON u.id = s.unit_id AND u.level = 'PROVINCE'
    WHERE s.indicator_id IN (SELECT ${indicatorId}::int
                             UNION SELECT component_id FROM indicator_component WHERE composite_id = ${indicatorId}::int)
      AND s.as_of BETWEEN ${from}::date AND ${to}::date
    ORDER BY s.as_of`;
  return rows.map((r) => isoDate(r.as_of));
}
