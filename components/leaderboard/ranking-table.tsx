import Link from "next/link";
import { formatDateVi } from "@/lib/format/dates";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import { isAtRisk } from "@/lib/leaderboard/at-risk";
import type { RankingItem } from "@/lib/rankings/ranking-types";

type Row = RankingItem & { rankChange?: number | null };

const viDate = (iso: string | null) => (iso ? formatDateVi(new Date(`${iso}T00:00:00Z`)) : "");

type Props = {
  items: Row[];
  unitLabel: string;
  childLabel: string | null;
  /** Query kept on the links to each unit's page (indicator, date). */
  linkQuery: string;
};

/** Units by percent of target: the table leadership reads in meetings. */
export function RankingTable({ items, unitLabel, childLabel, linkQuery }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full sm:min-w-[720px] text-left text-sm">
        <thead className="border-b text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-2 font-semibold">
              Hạng
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {unitLabel}
            </th>
            <th scope="col" className="hidden sm:table-cell py-2 pr-3 text-right font-semibold">
              Số liệu
            </th>
            <th scope="col" className="hidden sm:table-cell py-2 pr-3 text-right font-semibold">
              Chỉ tiêu
            </th>
            <th scope="col" className="w-32 py-2 pr-3 font-semibold sm:w-48">
              Tỷ lệ
            </th>
            <th scope="col" className="hidden sm:table-cell py-2 pr-3 font-semibold">
              Về đích
            </th>
            {childLabel && (
              <th scope="col" className="hidden sm:table-cell py-2 pr-3 font-semibold">
                {childLabel} xong
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code} className="border-b border-slate-100 align-middle">
              <td className="py-2 pr-2 tabular-nums">
                <span className="font-semibold">{item.rank ?? "–"}</span>{" "}
                <RankChange change={item.rankChange ?? null} />
              </td>
              <td className="py-2 pr-3">
                <Link href={`/units/${item.code}?${linkQuery}`} className="hover:underline">
                  {item.name}
                </Link>
                {item.approximate && <span title="gần đúng: có xã bị chia tách"> ≈</span>}
                {isAtRisk(item) && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-800">
                    nguy cơ trễ hạn
                  </span>
                )}
              </td>
              <td className="hidden sm:table-cell py-2 pr-3 text-right tabular-nums">{formatCount(item.value)}</td>
              <td className="hidden sm:table-cell py-2 pr-3 text-right tabular-nums">{formatCount(item.target)}</td>
              <td className="py-2 pr-3">
                <PercentBar percent={item.percent} />
              </td>
              <td className="hidden sm:table-cell py-2 pr-3 text-xs">
                <Finish item={item} />
              </td>
              {childLabel && (
                <td className="hidden sm:table-cell py-2 pr-3 tabular-nums">
                  {item.childrenTotal ? `${item.childrenDone}/${item.childrenTotal}` : ""}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RankChange({ change }: { change: number | null }) {
  if (change === null || change === 0) return <span className="sr-only">không đổi hạng</span>;
  const up = change > 0;
  return (
    <span className={up ? "text-xs text-emerald-700" : "text-xs text-red-700"}>
      <span aria-hidden>{up ? "▲" : "▼"}</span>
      {Math.abs(change)}
      <span className="sr-only">{up ? " bậc tăng so với tuần trước" : " bậc giảm so với tuần trước"}</span>
    </span>
  );
}

/** Over 100 % is shown as such: the bar fills and the number says how far past the target. */
function PercentBar({ percent }: { percent: number | null }) {
  if (percent === null) return <span className="text-slate-500">chưa có</span>;
  return (
    <div className="flex items-center gap-2">
      <div className="h-2.5 flex-1 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div
          className={percent >= 100 ? "h-full bg-emerald-600" : "h-full bg-brand-600"}
          style={{ width: `${Math.min(percent, 100)}%` }}
        />
      </div>
      <span className="w-16 text-right tabular-nums sm:w-20">{formatPercent(percent)}</span>
    </div>
  );
}

function Finish({ item }: { item: Row }) {
  if (item.reachedOn) {
    const days = item.daysAhead ?? 0;
    return (
      <>
        {viDate(item.reachedOn)}
        <br />
        <span className={days >= 0 ? "text-emerald-700" : "text-red-700"}>
          {days >= 0 ? `sớm ${days} ngày` : `trễ ${-days} ngày`}
        </span>
      </>
    );
  }
  if (item.daysAhead !== null && item.daysAhead < 0)
    return <span className="text-red-700">quá hạn {-item.daysAhead} ngày</span>;
  if (item.forecastOn) return <span className="text-slate-600">dự kiến {viDate(item.forecastOn)}</span>;
  return <span className="text-slate-500">chưa có dự báo</span>;
}
