import "server-only";
import { InvalidParamError } from "@/lib/errors";
import { addDays } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getRanking } from "@/lib/rankings/get-ranking";
import { rankChanges } from "@/lib/rankings/period-changes";
import type { Ranking, RankingQuery } from "@/lib/rankings/ranking-types";

/**
 * The one reader of what an edition stores: a week's ranking with each unit's rank the week
 * before, as the leaderboard and the people's CSV show it.
 *
 * It reads the official basis, whatever the query says: figures count once their unit's week
 * is approved, as on the public board.
 */
export async function officialRankingForEdition(
  prisma: PrismaClient,
  asked: Omit<RankingQuery, "period" | "structureOn" | "basis">,
): Promise<Ranking> {
  const query = { ...asked, basis: "official" as const };
  const ranking = await getRanking(prisma, query);
  const before = await getRanking(prisma, { ...query, asOf: addDays(query.asOf, -7) }).catch((error: unknown) => {
    // The week before may lie before the unit or the indicator began: no earlier rank then.
    if (error instanceof InvalidParamError) return null;
    throw error;
  });
  if (!before) return ranking;
  const moves = rankChanges(ranking.items, before.items);
  return { ...ranking, items: ranking.items.map((item, i) => ({ ...item, ...moves[i] })) };
}
