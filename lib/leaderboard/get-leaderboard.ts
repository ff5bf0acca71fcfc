import "server-only";
import { cache } from "react";
import { addDays, isoDate, parseIsoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { rankChanges } from "@/lib/rankings/get-ranking";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { STRUCTURE_34_FROM, STRUCTURE_63_TO, type Structure } from "@/lib/units/structures";

export const DEFAULT_INDICATOR = "CCCD_INTAKE";

export type LeaderboardItem = RankingItem & {
  /** Places gained since the previous week (negative: places lost); null when not ranked then. */
  rankChange: number | null;
};

type IndicatorName = { code: string; name: string; nameEn: string };

export type Leaderboard = {
  indicators: IndicatorName[];
  indicator: IndicatorName;
  structure: Structure;
  /** Reporting dates of this structure, oldest first: the time slider's stops. */
  dates: string[];
  asOf: string | null;
  items: LeaderboardItem[];
};

type Params = { indicator?: string; date?: string; structure: Structure };

/** The public leaderboard: provinces by percent of target, on a reporting date of a structure. */
export const getLeaderboard = cache(async (prisma: PrismaClient, params: Params): Promise<Leaderboard> => {
  const indicators = (
    await prisma.indicator.findMany({
      orderBy: { sortOrder: "asc" },
      select: { code: true, nameVi: true, nameEn: true },
    })
  ).map((i) => ({ code: i.code, name: i.nameVi, nameEn: i.nameEn }));
  const indicator =
    indicators.find((i) => i.code === params.indicator?.toUpperCase()) ??
    indicators.find((i) => i.code === DEFAULT_INDICATOR) ??
    (indicators[0] as IndicatorName);
  const dates = await reportingDates(prisma, indicator.code, params.structure);
  const asOf = pickDate(dates, params.date);
  if (!asOf) return { indicators, indicator, structure: params.structure, dates, asOf: null, items: [] };

  const day = parseIsoDate(asOf) as Date;
  const query = { indicator: indicator.code, level: "PROVINCE" as const };
  const [ranking, previous] = await Promise.all([
    getRankingCached(prisma, { ...query, asOf: day }),
    getRankingCached(prisma, { ...query, asOf: addDays(day, -7) }),
  ]);
  const changes = rankChanges(ranking.items, previous.items);
  const items = ranking.items.map((item, i) => ({ ...item, rankChange: changes[i]?.rankChange ?? null }));
  return { indicators, indicator, structure: params.structure, dates, asOf, items };
});

/** The requested date if it is a reporting date, else the latest one on or before it, else the latest. */
function pickDate(dates: string[], wanted: string | undefined): string | null {
  if (dates.length === 0) return null;
  if (wanted && parseIsoDate(wanted)) {
    const onOrBefore = dates.filter((d) => d <= wanted);
    if (onOrBefore.length) return onOrBefore.at(-1) as string;
  }
  return dates.at(-1) as string;
}

async function reportingDates(prisma: PrismaClient, indicator: string, structure: Structure): Promise<string[]> {
  const from = structure === "63" ? new Date("2008-08-01T00:00:00Z") : STRUCTURE_34_FROM;
  const to = structure === "63" ? STRUCTURE_63_TO : new Date("9999-12-31T00:00:00Z");
  const rows = await prisma.$queryRaw<{ as_of: Date }[]>`
    SELECT DISTINCT s.as_of FROM unit_series s
    JOIN unit u ON u.id = s.unit_id AND u.level = 'PROVINCE'
    JOIN indicator i ON i.id = s.indicator_id AND i.code = ${indicator}
    WHERE s.as_of BETWEEN ${from}::date AND ${to}::date
    ORDER BY s.as_of`;
  return rows.map((r) => isoDate(r.as_of));
}
