import { ScrollTable } from "@/components/ui/table";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import { shownFigure, shownPercent } from "@/lib/leaderboard/shown-figures";
import type { RankingItem } from "@/lib/rankings/ranking-types";

/** An edition's provinces as published: rank, province, figure, target and percent (or share, score). */
export function EditionRankingTable({ items, locale }: { items: RankingItem[]; locale: Locale }) {
  const p = pick(locale, PUBLICATION);
  const f = formatsFor(locale);
  const columns = [
    { label: p.rank, numeric: true },
    { label: p.provinces },
    { label: p.value, numeric: true },
    { label: p.target, numeric: true, className: "hidden sm:table-cell" },
    { label: p.percent, numeric: true },
  ];
  return (
    <ScrollTable columns={columns}>
      {items.map((item) => (
        <tr key={item.code} className="border-t border-slate-200">
          <td className="p-2 text-right tabular-nums">{item.rank ?? "–"}</td>
          <td className="p-2">{item.name}</td>
          <td className="p-2 text-right tabular-nums">{shownFigure(item, f)}</td>
          <td className="hidden p-2 text-right tabular-nums sm:table-cell">
            {item.ratio !== undefined && item.target !== null ? f.percent(item.target) : f.count(item.target)}
          </td>
          <td className="p-2 text-right tabular-nums">{f.percent(shownPercent(item))}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
