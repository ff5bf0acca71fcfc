import "server-only";
import { MAX_PERIODS_AT_TOP, previousPeriod } from "@/lib/calendar/periods";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { increase, periodFields, rankChanges } from "./period-changes";
import type { RankingScope } from "./ranking-scope";
import type { Ranking, RankingItem, RankingQuery } from "./ranking-types";
import { earlierPeriodEnds, firstPeriodsRead, periodsAtTop, rankStored } from "./scorecard-leaders";
import { scoresFromRankings, scoresOn, storedScores } from "./scorecard-reads";
import { bandOfScored, near, rankScored, ranksOf, shownScores } from "./scored-units";
import { childrenInTopBand, topBand } from "./top-band-children";

// Scorecards (COMPOSITE indicators): a score out of the components' points, bands, the
// scores the program publishes (imported as the scorecard's own figures), how many children
// reach the top band, and how many periods in a row the leader has led. The units ranked are
// scored from their components in floating point, and compared exactly wherever floating
// point comes within a hair of deciding (a tie, a band's bound); children and earlier periods
// are read from the unit_score read model, and only near ties are scored again exactly.

/**
 * A scorecard: each component worth its weight × the unit's percent of its target (or its
 * ratio without a target), at most the weight. Units rank by the total, compared exactly;
 * the band is the highest whose lower bound the score reaches.
 */
export async function scorecardRanking(
  prisma: PrismaClient,
  scope: RankingScope,
  query: RankingQuery,
  header: Omit<Ranking, "items">,
  /** The ranking of another indicator (each component, and the period before). */
  rank: (query: RankingQuery) => Promise<Ranking>,
): Promise<Ranking> {
  // Re-aggregated onto another structure there are no children to count and no earlier
  // rankings of the same units, as with counts (childrenDone is null there too).
  const across = Boolean(query.structureOn);
  const threshold = topBand(scope.bands);
  // Earlier periods' scores are read at the same time, from unit_score: who led them, and
  // the period before (the first of them, unless it lies across the reorganisation).
  const earlier = across ? [] : earlierPeriodEnds(query, MAX_PERIODS_AT_TOP - 1);
  const firstCount = firstPeriodsRead(earlier, query.asOf);
  const firstRead = storedScores(prisma, scope, earlier.slice(0, firstCount));
  // The period before is ranked as soon as its stored scores are read.
  const previousEnd = query.period ? previousPeriod(query.period).end : null;
  const previousRanking = !previousEnd
    ? null
    : earlier[0]?.getTime() === previousEnd.getTime()
      ? firstRead.then((stored) => rankStored(prisma, scope, previousEnd, stored(previousEnd)))
      : rank({ ...query, asOf: previousEnd, period: undefined }).then((r) => r.items);
  previousRanking?.catch(() => {}); // its error is thrown where it is awaited, not as an unhandled rejection
  const [known, counts] = await Promise.all([
    across ? null : scoresOn(prisma, scope, query.asOf),
    across || scope.level === "COMMUNE" ? null : childrenInTopBand(prisma, scope, query.asOf, threshold),
    firstRead,
  ]);
  const scored = known ?? (await scoresFromRankings(scope, query, rank));
  const sorted = rankScored(scored);
  const ranks = ranksOf(sorted);
  const leaders = sorted.filter((_, i) => ranks[i] === 1).map((x) => x.unit.code);
  const [atTop, previous] = await Promise.all([
    across ? null : periodsAtTop(prisma, scope, earlier, { count: firstCount, read: firstRead }, leaders),
    previousRanking,
  ]);
  const scores = shownScores(sorted, ranks);
  const items: RankingItem[] = sorted.map((x, i) => {
    const score = scores[i] ?? null;
    const above = i > 0 ? scores[i - 1] : null;
    const kids = counts?.get(x.unit.code);
    return {
      code: x.unit.code,
      name: x.unit.name,
      approximate: x.unit.approximate,
      rank: ranks[i] ?? null,
      value: null,
      target: null,
      percent: null,
      reachedOn: null,
      deadline: null,
      daysAhead: null,
      forecastOn: null,
      weeklyChange: null,
      neededPerWeek: null,
      trajectory: null,
      childrenDone: counts ? (kids?.done ?? 0) : null,
      childrenTotal: counts ? (kids?.total ?? 0) : null,
      discrepancy: null,
      score,
      maxScore: x.maxScore,
      band: bandOfScored(x, scope.bands),
      published: x.published,
      gapToAbove: score !== null && above !== null && above !== undefined ? above - score : null,
      periodsAtTop: atTop ? (atTop.get(x.unit.code) ?? 0) : null,
      components: x.components.map((k) => ({
        indicator: k.c.code,
        weight: k.c.weight,
        points: k.points,
        percent: k.percent,
      })),
    };
  });
  const withThreshold = {
    ...header,
    childrenThreshold: threshold,
    bands: scope.bands,
    componentNames: scope.components.map((c) => ({ indicator: c.code, nameVi: c.nameVi, nameEn: c.nameEn })),
  };
  if (!query.period || !previous) return { ...withThreshold, items };
  const before = new Map(previous.map((p) => [p.code, p.score ?? null]));
  const changes = rankChanges(items, previous);
  return {
    ...withThreshold,
    ...periodFields(query.period),
    items: items.map((item, i) => ({
      ...item,
      change: scoreChange(item.score ?? null, before.get(item.code) ?? null),
      ...(changes[i] as { previousRank: number | null; rankChange: number | null }),
    })),
  };
}

/**
 * The increase of a score within a period. The score before comes from unit_score, where
 * the score model's SQL sums it: a difference within a hair is rounding, not a change.
 */
function scoreChange(now: number | null, before: number | null): number | null {
  const change = increase(now, before);
  return change !== null && near(now as number, before as number) ? 0 : change;
}
