import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { RANK_CHANGE } from "@/lib/i18n/messages/rank-change";
import { pick } from "@/lib/i18n/phrase";
import type { Measure } from "@/lib/indicators/indicator-kinds";
import type { RankingItem } from "./ranking-types";

// Why a unit's rank changed between two rankings of the same siblings (the week before, or
// the period before): who passed it and whom it passed, with each one's gain, its own gain
// against the median of its siblings', and whether its target or denominator changed.

/** What units are ranked by, as shown: a scorecard's points, else percent of target (a share without targets: its ratio). */
export function rankingKey(item: RankingItem): number | null {
  if (item.score !== undefined) return item.score;
  return item.percent ?? item.ratio ?? null;
}

export type Mover = { code: string; name: string; gain: number | null };

export type RankChangeReason = {
  code: string;
  name: string;
  rankBefore: number;
  rankNow: number;
  /** Places gained (negative: lost). */
  places: number;
  /** Siblings ranked below it before and above it now, fastest first. */
  passedBy: Mover[];
  /** Siblings ranked above it before and below it now, slowest first. */
  passed: Mover[];
  /** Its own gain in what ranks (percentage points of target, or points), and the median of its siblings'. */
  gain: number | null;
  siblingsMedianGain: number | null;
  /** Set when its target (or, for a share, its denominator) is not what it was. */
  targetChange: { before: number; now: number } | null;
  denominatorChange: { before: number; now: number } | null;
};

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const gainOf = (now: RankingItem, before: RankingItem | undefined): number | null => {
  const a = rankingKey(now);
  const b = before ? rankingKey(before) : null;
  return a !== null && b !== null ? a - b : null;
};

const changed = (before: number | null | undefined, now: number | null | undefined) =>
  before != null && now != null && before !== now ? { before, now } : null;

/**
 * The reasons behind `code`'s move from `previous` to `items` (two rankings of the same
 * siblings). Null when it was not ranked in both, or its rank did not change.
 */
export function rankChangeReason(code: string, items: RankingItem[], previous: RankingItem[]): RankChangeReason | null {
  const before = new Map(previous.map((i) => [i.code, i]));
  const unit = items.find((i) => i.code === code);
  const was = before.get(code);
  if (!unit || !was || unit.rank === null || was.rank === null || unit.rank === was.rank) return null;
  const gains = new Map(items.map((i) => [i.code, gainOf(i, before.get(i.code))]));
  const mover = (i: RankingItem): Mover => ({ code: i.code, name: i.name, gain: gains.get(i.code) ?? null });
  const byGain = (a: Mover, b: Mover) => (b.gain ?? -Infinity) - (a.gain ?? -Infinity);
  const rankBefore = (i: RankingItem) => before.get(i.code)?.rank ?? null;
  const others = items.filter((i) => i.code !== code && i.rank !== null && rankBefore(i) !== null);
  const passedBy = others
    .filter((i) => (rankBefore(i) as number) > (was.rank as number) && (i.rank as number) < (unit.rank as number))
    .map(mover)
    .sort(byGain);
  const passed = others
    .filter((i) => (rankBefore(i) as number) < (was.rank as number) && (i.rank as number) > (unit.rank as number))
    .map(mover)
    .sort((a, b) => byGain(b, a));
  const siblingGains = items
    .filter((i) => i.code !== code)
    .map((i) => gains.get(i.code))
    .filter((g): g is number => g !== null && g !== undefined);
  return {
    code,
    name: unit.name,
    rankBefore: was.rank,
    rankNow: unit.rank,
    places: was.rank - unit.rank,
    passedBy,
    passed,
    gain: gains.get(code) ?? null,
    siblingsMedianGain: median(siblingGains),
    targetChange: changed(was.target, unit.target),
    denominatorChange: changed(was.denominator, unit.denominator),
  };
}

/** Names listed before "and N others". */
const NAMES_SHOWN = 3;

/**
 * The reason as one sentence: "giảm 2 bậc (từ 3 xuống 5): Thanh Hoá và Nghệ An tăng nhanh hơn
 * (2,1 và 1,8 điểm %); Hà Nội tăng 0,6 điểm % (trung vị các đơn vị cùng cấp: 1,2 điểm %)".
 * A scorecard's gains are points of its score; every other kind's, percentage points.
 */
export function describeRankChange(reason: RankChangeReason, locale: Locale, measure: Measure = "count"): string {
  const scorecard = measure === "score";
  const w = pick(locale, RANK_CHANGE);
  const f = formatsFor(locale);
  const amount = (n: number | null) => {
    const text = n === null ? "–" : f.points(n);
    return scorecard ? w.scorePoints(text) : w.percentPoints(text);
  };
  const bare = (n: number | null) => (n === null ? "–" : f.points(n));
  const list = (movers: Mover[]) => {
    const shown = movers.slice(0, NAMES_SHOWN);
    const gains = shown.map((m) => bare(m.gain));
    // The unit word once, after the last gain: "2,1 và 1,8 điểm %".
    if (gains.length) gains[gains.length - 1] = amount(shown.at(-1)?.gain ?? null);
    return [shown.map((m) => m.name), Math.max(0, movers.length - NAMES_SHOWN), gains] as const;
  };
  const parts: string[] = [];
  if (reason.places < 0 && reason.passedBy.length) parts.push(w.passedBy(...list(reason.passedBy)));
  if (reason.places > 0 && reason.passed.length) parts.push(w.passed(...list(reason.passed)));
  if (reason.gain !== null)
    parts.push(
      w.ownGain(
        reason.name,
        amount(reason.gain),
        reason.siblingsMedianGain === null ? null : amount(reason.siblingsMedianGain),
      ),
    );
  if (reason.targetChange)
    parts.push(
      measure === "ratio"
        ? w.targetChanged(f.percent(reason.targetChange.before), f.percent(reason.targetChange.now))
        : w.targetChanged(f.count(reason.targetChange.before), f.count(reason.targetChange.now)),
    );
  if (reason.denominatorChange)
    parts.push(w.denominatorChanged(f.count(reason.denominatorChange.before), f.count(reason.denominatorChange.now)));
  const moved = w.moved(reason.places, reason.rankBefore, reason.rankNow);
  return parts.length ? `${moved}: ${parts.join("; ")}` : moved;
}
