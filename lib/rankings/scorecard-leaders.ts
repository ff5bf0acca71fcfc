import "server-only";
import { previousPeriod } from "@/lib/calendar/periods";
import { addDays } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { STRUCTURE_34_FROM } from "@/lib/units/structures";
import type { RankingScope } from "./ranking-scope";
import type { RankingQuery } from "./ranking-types";
import { type Stored, type StoredScore, scoresOn, storedScores } from "./scorecard-reads";
import { leadersOf, NEAR, near, ranked, storedUnit } from "./scored-units";

// A scorecard's earlier periods, read from the unit_score read model: the ranks of the period
// before (for the rank change) and how many periods in a row each leader has led. Only near
// ties are scored again exactly.

/** The last days of the periods before the query's (or of the weeks before its date), newest first. */
export function earlierPeriodEnds(query: RankingQuery, count: number): Date[] {
  const ends: Date[] = [];
  let period = query.period;
  let on = query.asOf;
  while (ends.length < count) {
    if (period) {
      period = previousPeriod(period);
      on = period.end;
    } else on = addDays(on, -7);
    if (!sameStructure(on, query.asOf)) break; // the other structure ranks other units
    ends.push(on);
  }
  return ends;
}

/** Both dates in the same structure (63 provinces before 1/7/2025, 34 from then). */
function sameStructure(a: Date, b: Date): boolean {
  return a >= STRUCTURE_34_FROM === b >= STRUCTURE_34_FROM;
}

/**
 * How many of the earlier periods are read with the ranking itself: the period before (its
 * ranks give the rank change) and the next, or the weeks of the last two months. Each unit
 * has a score every few weeks, so a wider span costs reading more than most runs need.
 */
export function firstPeriodsRead(earlier: Date[], asOf: Date): number {
  const span = addDays(asOf, -FIRST_READ_DAYS).getTime();
  return Math.max(2, earlier.filter((end) => end.getTime() >= span).length);
}

const FIRST_READ_DAYS = 56;

/**
 * Ranks from stored scores (unit_score) on `date`: neighbours within a hair are scored again
 * exactly, so no rank rests on floating point. (The margin is twice what compareScored
 * treats as a hair, so it never asks the others for an exact score.)
 */
export async function rankStored(
  prisma: PrismaClient,
  scope: RankingScope,
  date: Date,
  stored: StoredScore[],
): Promise<{ code: string; rank: number | null; score: number | null }[]> {
  const sorted = [...stored].sort((a, b) => b.score - a.score);
  const again = new Set<number>();
  sorted.forEach((x, i) => {
    const above = sorted[i - 1];
    if (above && near(above.score, x.score, 2 * NEAR)) again.add(above.id).add(x.id);
  });
  const exact = again.size ? await scoresOn(prisma, scope, date, [...again]) : [];
  const byCode = new Map(exact.map((x) => [x.unit.code, x]));
  return ranked(sorted.map((x) => byCode.get(x.code) ?? storedUnit(date, x)));
}

/**
 * How many periods in a row, up to this one, each leader (a unit ranked first) has ranked
 * first: periods of the query's kind, or weeks without one ("đứng đầu tuần thứ 12 liên
 * tiếp"). Earlier periods are read from unit_score, a few first (most runs end there),
 * then three times as many as read so far, and so on; the walk back stops at the first period
 * a leader did not lead.
 */
export async function periodsAtTop(
  prisma: PrismaClient,
  scope: RankingScope,
  earlier: Date[],
  /** The first `count` of `earlier`, read while the units ranked were being scored. */
  firstRead: { count: number; read: Promise<Stored> },
  leaders: string[],
): Promise<Map<string, number>> {
  const runs = new Map(leaders.map((code) => [code, 1]));
  const leading = new Set(leaders);
  for (let next = 0; leading.size && next < earlier.length; ) {
    const dates = earlier.slice(next, next ? next * 3 : firstRead.count);
    const stored = next ? await storedScores(prisma, scope, dates) : await firstRead.read;
    next += dates.length;
    for (const date of dates) {
      const top = await leadersOn(prisma, scope, date, stored(date));
      for (const code of leading) {
        if (top.has(code)) runs.set(code, (runs.get(code) ?? 0) + 1);
        else leading.delete(code);
      }
      if (!leading.size) break;
    }
  }
  return runs;
}

/** Who led on `date`: the highest stored score, and any within a hair of it scored exactly. */
async function leadersOn(
  prisma: PrismaClient,
  scope: RankingScope,
  date: Date,
  stored: StoredScore[],
): Promise<Set<string>> {
  if (!stored.length) return new Set();
  const best = Math.max(...stored.map((x) => x.score));
  const top = stored.filter((x) => near(x.score, best));
  if (top.length === 1) return new Set(top.map((x) => x.code));
  return leadersOf(
    await scoresOn(
      prisma,
      scope,
      date,
      top.map((x) => x.id),
    ),
  );
}
