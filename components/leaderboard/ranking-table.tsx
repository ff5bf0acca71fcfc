"use client";

import Link from "next/link";
import { LONG_TABLE_FRAME, NoMatchRow, SortHeader, TableSearch, useTableView } from "@/components/ui/table-view";
import type { PeriodKind } from "@/lib/calendar/periods";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { periodCount } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";
import { isAtRisk } from "@/lib/leaderboard/at-risk";
import { colourScale } from "@/lib/leaderboard/colour-scale";
import { measureOfItems, shownFigure, shownPercent } from "@/lib/leaderboard/shown-figures";
import type { ComponentName, RankingItem } from "@/lib/rankings/ranking-types";
import { Finish, PercentBar, RankChange, ScoreParts } from "./ranking-cells";

type Row = RankingItem & { rankChange?: number | null };

type Props = {
  items: Row[];
  unitLabel: string;
  childLabel: string | null;
  /** Query kept on the links to each unit's page (indicator, date, language). */
  linkQuery: string;
  locale?: Locale;
  /** Set when ranking a reporting period: the increase within it gets a column, and rank changes compare with the period before. */
  changeLabel?: string | null;
  /** What a scorecard leader's run at the top is counted in: the period ranked, else weeks. */
  periodKind?: PeriodKind;
  /** A scorecard's bands: the bars' colours follow them, as the map's do (lib/leaderboard/colour-scale.ts). */
  bands?: number[] | null;
  /** A scorecard's components' names: each part of a score is named (in full on hover). */
  componentNames?: ComponentName[] | null;
  /**
   * Whether to say where units are heading (forecast, weekly need, at-risk flags): not for
   * units of a structure that has ended, whose figures stopped when they did.
   */
  outlook?: boolean;
};

const SORT_VALUES = {
  rank: (row: Row) => row.rank,
  unit: (row: Row) => row.name,
  value: (row: Row) => row.score ?? row.ratio ?? row.value,
  change: (row: Row) => row.change ?? null,
  target: (row: Row) => row.target,
  percent: (row: Row) => shownPercent(row),
  finish: (row: Row) => row.daysAhead,
  children: (row: Row) => (row.childrenTotal ? (row.childrenDone ?? 0) / row.childrenTotal : null),
};
const nameOf = (row: Row) => row.name;
/** Longer tables scroll inside a frame so the page below them stays near; shorter ones are simply the page. */
const FRAMED_FROM_ROWS = 100;

/**
 * Units by percent of target: the table leadership reads in meetings. Searchable by name
 * and sortable by any column once JavaScript runs; the header stays in view as it scrolls.
 */
export function RankingTable({
  items,
  unitLabel,
  childLabel,
  linkQuery,
  locale = "vi",
  changeLabel = null,
  periodKind = "week",
  bands = null,
  componentNames = null,
  outlook = true,
}: Props) {
  const m = publicMessages(locale);
  const scale = colourScale(bands);
  const names = new Map((componentNames ?? []).map((c) => [c.indicator, locale === "en" ? c.nameEn : c.nameVi]));
  const measure = measureOfItems(items);
  const byTarget = items.some((i) => i.target !== null);
  const labels = {
    value: measure === "score" ? m.score : measure === "ratio" ? m.numeratorOverDenominator : m.value,
    target: measure === "score" ? m.band : measure === "ratio" ? m.shareTarget : m.target,
    percent: measure === "score" ? m.scorePercent : measure === "ratio" && !byTarget ? m.ratio : m.percent,
    finish: measure === "score" ? m.components : m.finish,
  };
  const f = formatsFor(locale);
  const view = useTableView(items, nameOf, SORT_VALUES);
  const header = (column: keyof typeof SORT_VALUES, label: string, className: string) => (
    <SortHeader
      view={view}
      column={column}
      locale={locale}
      className={`sticky top-0 z-10 bg-white py-2 font-semibold ${className}`}
    >
      {label}
    </SortHeader>
  );
  return (
    <div>
      <TableSearch view={view} locale={locale} />
      {/* The provinces (34 or 63) lie on the page, header sticky to its top; only long lists (communes) get a frame of their own. */}
      <div className={items.length > FRAMED_FROM_ROWS ? LONG_TABLE_FRAME : "print:overflow-visible"}>
        <table className="w-full sm:min-w-[720px] text-left text-sm">
          <thead className="border-b text-slate-600">
            <tr>
              {header("rank", m.rank, "pr-2")}
              {header("unit", unitLabel, "pr-3")}
              {header("value", labels.value, "hidden pr-3 text-right sm:table-cell")}
              {changeLabel ? header("change", changeLabel, "hidden pr-3 text-right sm:table-cell") : null}
              {header("target", labels.target, "hidden pr-3 text-right sm:table-cell")}
              {header("percent", labels.percent, "w-32 pr-3 sm:w-48")}
              {header("finish", labels.finish, "hidden pr-3 sm:table-cell")}
              {childLabel ? header("children", childLabel, "hidden pr-3 sm:table-cell") : null}
            </tr>
          </thead>
          <tbody>
            <NoMatchRow
              view={view}
              locale={locale}
              colSpan={6 + (childLabel ? 1 : 0) + (changeLabel ? 1 : 0)}
              className="py-3"
            />
            {view.visible.map((item) => (
              <tr key={item.code} className="border-b border-slate-100 align-middle">
                <td className="py-2 pr-2 tabular-nums">
                  <span className="font-semibold">{item.rank ?? "–"}</span>{" "}
                  <RankChange change={item.rankChange ?? null} m={m} againstPeriod={Boolean(changeLabel)} />
                </td>
                <td className="py-2 pr-3">
                  <Link href={`/units/${item.code}?${linkQuery}`} className="hover:underline">
                    {item.name}
                  </Link>
                  {item.approximate && <span title={m.approximate}> ≈</span>}
                  {item.approved === false && (
                    <span
                      title={m.notApprovedHint}
                      className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800"
                    >
                      {m.notApproved}
                    </span>
                  )}
                  {item.rank === 1 && item.periodsAtTop ? (
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-800">
                      {m.atTopFor(periodCount(item.periodsAtTop, periodKind, locale))}
                    </span>
                  ) : null}
                  {outlook && isAtRisk(item) && (
                    <span
                      className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold ${item.trajectory === "off-track" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-800"}`}
                    >
                      {item.trajectory ? m.trajectory(item.trajectory) : m.atRisk}
                    </span>
                  )}
                </td>
                <td className="hidden sm:table-cell py-2 pr-3 text-right tabular-nums">
                  {shownFigure(item, f) || "–"}
                </td>
                {changeLabel ? (
                  <td className="hidden sm:table-cell py-2 pr-3 text-right tabular-nums">
                    {item.change == null
                      ? "–"
                      : `${item.change >= 0 ? "+" : ""}${measure === "count" ? f.count(item.change) : `${f.points(item.change)} ${m.pointsChange}`}`}
                  </td>
                ) : null}
                <td className="hidden sm:table-cell py-2 pr-3 text-right tabular-nums">
                  {measure === "score"
                    ? (item.band ?? "")
                    : measure === "ratio"
                      ? f.percent(item.target)
                      : f.count(item.target)}
                </td>
                <td className="py-2 pr-3">
                  <PercentBar percent={shownPercent(item)} m={m} format={f.percent} scale={scale} />
                </td>
                <td className="hidden sm:table-cell py-2 pr-3 text-xs">
                  {measure === "score" ? (
                    <ScoreParts item={item} m={m} points={f.points} names={names} />
                  ) : (
                    <Finish item={item} m={m} f={f} outlook={outlook} />
                  )}
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
      {outlook && items.some((i) => i.trajectory || i.neededPerWeek !== null) ? (
        <p className="mt-2 text-xs text-slate-600">{m.outlookNote}</p>
      ) : null}
    </div>
  );
}
