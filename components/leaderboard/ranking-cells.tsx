import type { formatsFor } from "@/lib/i18n/locale";
import type { PublicMessages } from "@/lib/i18n/public-messages";
import { colourOf, type ScaleStep } from "@/lib/leaderboard/colour-scale";
import type { RankingItem } from "@/lib/rankings/ranking-types";

// The cells of the ranking table that say more than a number: the rank's move, the percent
// bar, a scorecard's parts, and when the unit reached (or will reach) its target.

type Row = RankingItem & { rankChange?: number | null };

export function RankChange({
  change,
  m,
  againstPeriod,
}: {
  change: number | null;
  m: PublicMessages;
  againstPeriod: boolean;
}) {
  if (change === null || change === 0) return <span className="sr-only">{m.sameRank}</span>;
  const up = change > 0;
  return (
    <span className={up ? "text-xs text-emerald-700" : "text-xs text-red-700"}>
      <span aria-hidden>{up ? "▲" : "▼"}</span>
      {Math.abs(change)}
      <span className="sr-only">
        {againstPeriod
          ? up
            ? m.rankUpPeriod(change)
            : m.rankDownPeriod(-change)
          : up
            ? m.rankUp(change)
            : m.rankDown(-change)}
      </span>
    </span>
  );
}

/**
 * Over 100 % is shown as such: the bar fills and the number says how far past the target.
 * Its colour is the map's for the same percent, printed as on screen.
 */
export function PercentBar({
  percent,
  m,
  format,
  scale,
}: {
  percent: number | null;
  m: PublicMessages;
  format: (n: number | null) => string;
  scale: ScaleStep[];
}) {
  if (percent === null) return <span className="text-slate-500">{m.none}</span>;
  return (
    <div className="flex items-center gap-2">
      <div className="h-2.5 flex-1 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div
          className="h-full print:[print-color-adjust:exact]"
          data-colour={colourOf(scale, percent).fill}
          data-percent={percent}
          style={{ width: `${Math.min(percent, 100)}%`, background: colourOf(scale, percent).fill }}
        />
      </div>
      <span className="w-16 text-right tabular-nums sm:w-20">{format(percent)}</span>
    </div>
  );
}

/** Each component, named (in full on hover), as points of its maximum, and how far the unit trails the one above. */
export function ScoreParts({
  item,
  m,
  points,
  names,
}: {
  item: Row;
  m: PublicMessages;
  points: (n: number | null) => string;
  names: Map<string, string>;
}) {
  return (
    <>
      {item.published ? (
        m.publishedScore
      ) : (
        <ul>
          {(item.components ?? []).map((c) => (
            <li key={c.indicator} className="flex justify-between gap-2" title={names.get(c.indicator) ?? c.indicator}>
              <span className="max-w-[14rem] truncate">{names.get(c.indicator) ?? c.indicator}</span>
              <span className="tabular-nums">
                {points(c.points)}/{points(c.weight)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {item.gapToAbove ? (
        <>
          <br />
          <span className="text-slate-600">{m.behindAbove(points(item.gapToAbove))}</span>
        </>
      ) : null}
    </>
  );
}

export type Formats = ReturnType<typeof formatsFor>;

/** When the unit reached its target, or (with `outlook`) when it is expected to and what it still needs. */
export function Finish({
  item,
  m,
  f,
  outlook = true,
}: {
  item: Row;
  m: PublicMessages;
  f: Formats;
  outlook?: boolean;
}) {
  const date = f.date;
  if (item.reachedOn) {
    const days = item.daysAhead ?? 0;
    return (
      <>
        {date(item.reachedOn)}
        <br />
        <span className={days >= 0 ? "text-emerald-700" : "text-red-700"}>
          {days >= 0 ? m.early(days) : m.late(-days)}
        </span>
      </>
    );
  }
  if (item.daysAhead !== null && item.daysAhead < 0)
    return <span className="text-red-700">{m.overdue(-item.daysAhead)}</span>;
  if (!outlook) return <span className="text-slate-500">–</span>;
  const forecast = item.forecastOn ? (
    <span className="text-slate-600">{m.expected(date(item.forecastOn))}</span>
  ) : (
    <span className="text-slate-500">{m.noForecast}</span>
  );
  const needed = neededText(item, m, f);
  return needed ? (
    <>
      {forecast}
      <br />
      <span className="text-xs text-slate-600" title={m.neededTitle}>
        {needed}
      </span>
    </>
  ) : (
    forecast
  );
}

/** "cần +1.250/tuần", or in points for a share. */
function neededText(item: Row, m: PublicMessages, f: Formats): string | null {
  if (item.neededPerWeek === null || item.neededPerWeek === undefined) return null;
  const amount =
    item.ratio !== undefined ? `${f.points(item.neededPerWeek)} ${m.pointsChange}` : f.count(item.neededPerWeek);
  return m.neededPerWeek(amount);
}
