import { formatDue } from "@/lib/format/dates";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { type ChildrenReporting, lateUnitsRanked, type UnitReporting } from "@/lib/reporting/lateness";
import { reportStateWords } from "@/lib/reporting/reminder-text";
import { FilterList } from "./filter-list";

/**
 * A week's reporting of a scope's children: the week's dates and whether its submission time
 * has passed, counts, due times and every late unit, the furthest behind first (each links to
 * its own view). Nothing here is green unless the week is due and nobody is late.
 */
export function ReportingStatus({
  reporting,
  linkQuery,
  locale,
  id = "completeness",
  note,
}: {
  reporting: ChildrenReporting;
  linkQuery: string;
  locale: Locale;
  /** The section's id, for two weeks on one page. */
  id?: string;
  note?: string;
}) {
  const t = staffMessages(locale);
  const f = formatsFor(locale);
  const c = reporting.counts;
  const late = lateUnitsRanked(reporting);
  const notYet = reporting.units.filter((u) => !u.late && u.state !== "APPROVED");
  // A unit opens on this section's week, where its own lateness is.
  const query = new URLSearchParams(linkQuery);
  query.set("date", reporting.week);
  const item = (u: UnitReporting, warn: boolean) => ({
    key: u.code,
    href: `/dieu-hanh?unit=${u.code}&${query}`,
    name: u.name,
    note: reportStateWords(u, locale),
    warn,
  });
  const common = { filterLabel: t.filter, noMatch: t.noMatch };
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {t.weekDueHeading(
          f.date(reporting.week),
          formatDue(reporting.submitDue ?? reporting.approveDue, locale),
          reporting.submitPassed,
        )}
      </h2>
      {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      <p className="text-sm">
        {t.weekCounts(f.count(c.withFigures), f.count(c.total), f.count(c.submitted), f.count(c.approved))}
      </p>
      {reporting.submitDue ? (
        <p className="text-sm text-slate-600">
          {t.dueLine(formatDue(reporting.submitDue, locale), formatDue(reporting.approveDue, locale))}
        </p>
      ) : null}
      {late.length ? (
        <>
          <p className="mt-2 text-sm font-semibold text-red-800">{t.lateHeading(f.count(late.length))}</p>
          <FilterList
            {...common}
            label={t.lateList}
            showAll={t.showAll(f.count(late.length))}
            items={late.map((u) => item(u, true))}
          />
        </>
      ) : c.total && c.approved === c.total ? (
        <p className="mt-2 text-sm text-emerald-800">{t.allApproved}</p>
      ) : reporting.submitPassed ? (
        <p className="mt-2 text-sm text-emerald-800">{t.noneLate}</p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t.notDueYet}</p>
      )}
      {notYet.length ? (
        <details className="mt-2 text-sm text-slate-700">
          <summary className="cursor-pointer">{t.notYet(f.count(notYet.length))}</summary>
          <FilterList
            {...common}
            label={t.notYetList}
            showAll={t.showAllOf(f.count(notYet.length))}
            items={notYet.map((u) => item(u, false))}
          />
        </details>
      ) : null}
    </section>
  );
}
