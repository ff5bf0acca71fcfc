import "server-only";
import type { CostCeiling } from "@/lib/db/bounded-query";
import { db } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { TooCostlyError } from "@/lib/errors";
import { isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SharedRateLimit } from "@/lib/limits/shared-rate-limit";
import { WorkLimit } from "@/lib/limits/work-limits";
import { structureChangeDates, structureStart } from "@/lib/units/structure-changes";
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
/** Rankings whose cost ceiling was reached, per key, until the data changes: not tried again. */
const tooCostly = new Map<string, bigint>();
/** A ranking being computed, shared by everyone who asked for it while it runs. */
type Flight = { promise: Promise<Ranking>; waiters: number; stop: AbortController };
const inFlight = new Map<string, Flight>();
let changeDates: { version: bigint; dates: Promise<Date[]> } | null = null;

/**
 * What one ranking may cost: PostgreSQL stops a statement after this long. The national
 * rankings take well under a second; only re-aggregations across the crosswalk come near.
 */
export const RANKING_TIMEOUT_MS = 8_000;
const TOO_COSTLY =
  `Bảng xếp hạng này cần tính quá lâu (quá ${RANKING_TIMEOUT_MS / 1000} giây) nên đã dừng: chọn một đơn vị cha (parent), ` +
  "một cấp cao hơn hoặc bỏ structureOn.";

/**
 * Re-aggregations across the crosswalk (structureOn) cost the most: they take one place at a
 * time, so they can never hold every place of `computing` at once.
 */
const reaggregating = new WorkLimit({
  running: 1,
  waiting: 4,
  retryAfterSeconds: 10,
  busyMessage: "Máy chủ đang tính một bảng xếp hạng theo cơ cấu đơn vị khác; vui lòng thử lại sau ít giây.",
});

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
  asked: RankingQuery,
  requester?: string,
  signal?: AbortSignal,
): Promise<Ranking> {
  const version = await readDataVersion(prisma);
  // Units in force change on a few dates only: any date between two of them names the same
  // units, so it is ranked (and remembered) once, whatever date a visitor types.
  const query = asked.structureOn
    ? { ...asked, structureOn: structureStart(await changesAt(prisma, version), asked.structureOn) }
    : asked;
  const key = JSON.stringify([
    query.basis,
    query.indicator.toUpperCase(),
    query.level,
    query.parent ?? null,
    query.asOf,
    query.structureOn ?? null,
    query.period?.key ?? null,
  ]);
  if (tooCostly.get(key) === version) throw new TooCostlyError(TOO_COSTLY);
  const asAsked = (ranking: Ranking) =>
    asked.structureOn && query.structureOn?.getTime() !== asked.structureOn.getTime()
      ? { ...ranking, structureOn: isoDate(asked.structureOn) }
      : ranking;
  const hit = cache.get(key);
  if (hit && hit.version === version) return asAsked(hit.ranking);
  const flightKey = `${version} ${key}`;
  const running = inFlight.get(flightKey);
  if (running) return asAsked(await join(running, signal));
  if (requester) await newRankingsPerAddress.take(db(), requester);
  const stop = new AbortController();
  const ceiling: CostCeiling = { timeoutMs: RANKING_TIMEOUT_MS, signal: stop.signal, tooCostly: TOO_COSTLY };
  const limit = query.structureOn ? reaggregating : computing;
  const flight: Flight = {
    promise: limit.run(() => getRanking(prisma, query, ceiling), { waitWhateverTheQueue: !requester }),
    waiters: 0,
    stop,
  };
  inFlight.set(flightKey, flight);
  try {
    const ranking = await join(flight, signal);
    remember(key, { version, ranking, bytes: 1024 + ranking.items.length * BYTES_PER_ITEM });
    return asAsked(ranking);
  } catch (error) {
    // Reached the ceiling by itself (not called off by its clients): the same answer until the data change.
    if (error instanceof TooCostlyError && !stop.signal.aborted) {
      if (tooCostly.size >= 1000) tooCostly.clear(); // a bound on what refusals cost to remember
      tooCostly.set(key, version);
    }
    throw error;
  } finally {
    inFlight.delete(flightKey);
  }
}

/**
 * Waits for a shared computation. A client that leaves (its request's signal aborts) stops
 * waiting; once every client has left, the computation is called off (its statement cancelled).
 */
function join(flight: Flight, signal?: AbortSignal): Promise<Ranking> {
  flight.waiters++;
  if (!signal) return flight.promise; // a page: it waits to the end
  return new Promise((resolve, reject) => {
    const leave = () => {
      if (--flight.waiters === 0) flight.stop.abort();
      reject(new TooCostlyError("Máy khách đã ngắt kết nối; bảng xếp hạng không được tính tiếp."));
    };
    if (signal.aborted) return leave();
    signal.addEventListener("abort", leave, { once: true });
    flight.promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
  });
}

/** The dates the units in force change on, read once per data version. */
function changesAt(prisma: PrismaClient, version: bigint): Promise<Date[]> {
  if (changeDates?.version !== version) {
    const dates = structureChangeDates(prisma);
    changeDates = { version, dates };
    dates.catch(() => (changeDates = null));
  }
  return changeDates.dates;
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
