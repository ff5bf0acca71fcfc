import "server-only";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SharedRateLimit } from "@/lib/http/shared-rate-limit";
import { WorkLimit } from "@/lib/http/work-limits";
import { readDataVersion } from "@/lib/series/data-version";
import { getRanking } from "./get-ranking";
import type { Ranking, RankingQuery } from "./ranking-types";

/**
 * What the remembered rankings may hold. A ranked unit takes about 1 KB once its JSON (kept
 * beside it by the API) is counted; a national commune ranking is about 10,000 of them.
 */
const MAX_CACHE_BYTES = 160 * 1024 * 1024;
const BYTES_PER_ITEM = 1024;
const cache = new Map<string, { version: bigint; ranking: Ranking; bytes: number }>();
let cachedBytes = 0;
const inFlight = new Map<string, Promise<Ranking>>();

/** Rankings being computed at once (each holds its rows in memory while it runs). */
const computing = new WorkLimit({
  running: 2,
  waiting: 16,
  retryAfterSeconds: 5,
  busyMessage: "Máy chủ đang tính nhiều bảng xếp hạng cùng lúc; vui lòng thử lại sau ít giây.",
});

/**
 * Rankings nobody has asked for yet, per client address (the remembered ones are free),
 * counted across every instance, in the primary database.
 */
const newRankingsPerAddress = new SharedRateLimit({
  bucket: "new-rankings",
  perWindow: 60,
  windowSeconds: 60,
  message: "Địa chỉ này yêu cầu quá nhiều bảng xếp hạng mới trong một phút; vui lòng thử lại sau.",
});

/**
 * getRanking, remembered until the data changes: every write transaction bumps the data
 * version, and one cheap read of it decides whether a remembered ranking is still right.
 * So the public pages and API answer from memory, and a saved figure is still in the very
 * next ranking. Memory has a ceiling whatever is asked: the cache is bounded in bytes, the
 * same ranking asked twice at once is computed once, at most two are computed at a time,
 * and `requester` (a client address, given by the public API and exports) may ask for only
 * so many new ones a minute and is refused when too many wait: TooBusyError (429). Pages
 * (no requester) wait their turn instead: they cannot answer 429, and each waits on one
 * connection of its own, served in order.
 */
export async function getRankingCached(
  prisma: PrismaClient,
  query: RankingQuery,
  requester?: string,
): Promise<Ranking> {
  const version = await readDataVersion(prisma);
  const key = JSON.stringify([
    query.indicator.toUpperCase(),
    query.level,
    query.parent ?? null,
    query.asOf,
    query.structureOn ?? null,
    query.period?.key ?? null,
  ]);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.ranking;
  const flightKey = `${version} ${key}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  if (requester) await newRankingsPerAddress.take(db(), requester);
  const computed = computing.run(() => getRanking(prisma, query), { waitWhateverTheQueue: !requester });
  inFlight.set(flightKey, computed);
  try {
    const ranking = await computed;
    remember(key, { version, ranking, bytes: 1024 + ranking.items.length * BYTES_PER_ITEM });
    return ranking;
  } finally {
    inFlight.delete(flightKey);
  }
}

function remember(key: string, entry: { version: bigint; ranking: Ranking; bytes: number }): void {
  forget(key); // re-inserted at the end: the map's order is least recently computed first
  if (entry.bytes > MAX_CACHE_BYTES / 4) return; // too big to keep without pushing out everything else
  cache.set(key, entry);
  cachedBytes += entry.bytes;
  while (cachedBytes > MAX_CACHE_BYTES) forget(cache.keys().next().value as string);
}

function forget(key: string): void {
  const entry = cache.get(key);
  if (!entry) return;
  cachedBytes -= entry.bytes;
  cache.delete(key);
}

export type RankingPage = Ranking & { total: number; offset: number; limit: number };
const pages = new WeakMap<Ranking, Map<string, RankingPage>>();

/**
 * One page of a ranking, the same object each time it is asked of the same remembered
 * ranking (so its JSON is serialized once, see respond.ts). A few pages per ranking are kept.
 */
export function rankingPage(ranking: Ranking, page: { offset: number; limit: number }): RankingPage {
  const known = pages.get(ranking) ?? new Map<string, RankingPage>();
  pages.set(ranking, known);
  const key = `${page.offset}:${page.limit}`;
  let result = known.get(key);
  if (!result) {
    const items = ranking.items.slice(page.offset, page.offset + page.limit);
    result = { ...ranking, total: ranking.items.length, offset: page.offset, limit: page.limit, items };
    if (known.size >= 4) known.delete(known.keys().next().value as string);
    known.set(key, result);
  }
  return result;
}
