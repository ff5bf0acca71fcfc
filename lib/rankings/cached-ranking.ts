import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDataVersion } from "@/lib/series/data-version";
import { getRanking } from "./get-ranking";
import type { Ranking, RankingQuery } from "./ranking-types";

const MAX_ENTRIES = 2000;
const cache = new Map<string, { version: bigint; ranking: Ranking }>();

/**
 * getRanking, remembered until the data changes: every write transaction bumps the data
 * version, and one cheap read of it decides whether a remembered ranking is still right.
 * So the public pages and API answer from memory, and a saved figure is still in the very
 * next ranking.
 */
export async function getRankingCached(prisma: PrismaClient, query: RankingQuery): Promise<Ranking> {
  const version = await readDataVersion(prisma);
  const key = JSON.stringify([
    query.indicator.toUpperCase(),
    query.level,
    query.parent ?? null,
    query.asOf,
    query.structureOn ?? null,
  ]);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.ranking;
  const ranking = await getRanking(prisma, query);
  cache.delete(key); // re-insert at the end: the map's order is least recently computed first
  cache.set(key, { version, ranking });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return ranking;
}
