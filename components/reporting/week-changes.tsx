import Link from "next/link";
import type { UnitChange, WeekChanges } from "@/lib/dashboard/week-changes";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import type { Measure } from "@/lib/indicators/indicator-kinds";
import { describeRankChange } from "@/lib/rankings/rank-change-reasons";
import { FilterList } from "./filter-list";

const twoDecimals = (tag: string) => new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const signed = (text: string, n: number | null) => (n === null ? "" : `${n > 0 ? "+" : ""}${text}`);

/**
 * "What changed this week": the movers each way with their increase, the units that stopped
 * reporting, and every unit's change, ranked, ten at a time and searchable.
 */
export function WeekChangesSection({
  changes,
  measure,
  linkQuery,
  locale,
}: {
  changes: WeekChanges;
  measure: Measure;
  linkQuery: string;
  locale: Locale;
}) {
  const t = staffMessages(locale);
  const f = formatsFor(locale);
  const query = new URLSearchParams(linkQuery);
  query.set("date", changes.week);
  const href = (code: string) => `/dieu-hanh?unit=${code}&${query}`;
  const increase = (n: number | null) => signed(measure === "count" ? f.count(n) : f.points(n), n);
  const note = (u: UnitChange) =>
    t.changeNote(
      increase(u.increase),
      signed(u.pointsChange === null ? "" : twoDecimals(f.tag).format(u.pointsChange), u.pointsChange),
      f.count(u.rank),
      u.rankChange,
    );
  const fell = (u: UnitChange) => (u.pointsChange ?? u.increase ?? 0) < 0;
  const movers = (id: string, heading: string, units: UnitChange[], warn: boolean) => (
    <div>
      <h3 id={id} className="font-semibold">
        {heading}
      </h3>
      {units.length ? (
        <ol aria-labelledby={id} className="text-sm">
          {units.map((u) => (
            <li key={u.code} className="flex flex-wrap justify-between gap-x-2 border-b border-slate-100 py-0.5">
              <Link href={href(u.code)} className="underline">
                {u.name}
              </Link>
              {/* The slowest units often still grew: only a fall is red. */}
              <span
                className={`tabular-nums ${fell(u) ? "text-red-800" : warn ? "text-slate-700" : "text-emerald-800"}`}
              >
                {note(u)}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t.noMovers}</p>
      )}
    </div>
  );
  const common = { filterLabel: t.filter, noMatch: t.noMatch };
  return (
    <section aria-labelledby="changes-heading" className="min-w-0 space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="changes-heading" className="text-lg font-semibold">
        {t.changesHeading(f.date(changes.week), f.date(changes.previousWeek))}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {movers("movers-up", t.moversUp, changes.up, false)}
        {movers("movers-down", t.moversDown, changes.down, true)}
      </div>
      {changes.rankReasons.length ? (
        <div>
          <h3 className="font-semibold">{t.rankReasonsHeading}</h3>
          <ul className="text-sm">
            {changes.rankReasons.map((r) => (
              <li key={r.code} className="border-b border-slate-100 py-0.5">
                <Link href={href(r.code)} className="font-semibold underline">
                  {r.name}
                </Link>{" "}
                {describeRankChange(r, locale, measure)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">{t.stoppedHeading(f.count(changes.stopped.length))}</h3>
        {changes.stopped.length ? (
          <FilterList
            {...common}
            label={t.stoppedList}
            showAll={t.showAllOf(f.count(changes.stopped.length))}
            items={changes.stopped.map((u) => ({
              key: u.code,
              href: href(u.code),
              name: u.name,
              note: t.lastWeekValue(f.count(u.value)),
              warn: true,
            }))}
          />
        ) : (
          <p className="text-sm text-slate-600">{t.noStopped}</p>
        )}
      </div>
      {changes.units.some((u) => u.increase !== null) ? (
        <div>
          <h3 className="font-semibold">{t.changeList}</h3>
          <p className="text-sm text-slate-600">{t.changesNote}</p>
          <FilterList
            {...common}
            label={t.changeList}
            showAll={t.showAllOf(f.count(changes.units.length))}
            items={changes.units.map((u) => ({ key: u.code, href: href(u.code), name: u.name, note: note(u) }))}
          />
        </div>
      ) : null}
    </section>
  );
}
