import Link from "next/link";
import { formatDue } from "@/lib/format/dates";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import type { ChildrenReporting } from "@/lib/reporting/lateness";
import { reportStateWords } from "@/lib/reporting/reminder-text";

/** The week's reporting of a scope's children: counts, due times and every late unit (each links to its own view). */
export function ReportingStatus({
  reporting,
  linkQuery,
  locale,
}: {
  reporting: ChildrenReporting;
  linkQuery: string;
  locale: Locale;
}) {
  const t = staffMessages(locale);
  const f = formatsFor(locale);
  const c = reporting.counts;
  const late = reporting.units.filter((u) => u.late);
  const notYet = reporting.units.filter((u) => !u.late && u.state !== "APPROVED");
  return (
    <section aria-labelledby="completeness-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="completeness-heading" className="mb-2 text-lg font-semibold">
        {t.weekHeading(f.date(reporting.week))}
      </h2>
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
          <ul aria-label={t.lateList} className="max-h-64 overflow-y-auto text-sm">
            {late.map((u) => (
              <li key={u.code} className="flex justify-between gap-2 border-b border-slate-100 py-0.5">
                <Link href={`/dieu-hanh?unit=${u.code}&${linkQuery}`} className="underline">
                  {u.name}
                </Link>
                <span className="text-red-800">{reportStateWords(u, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : c.total && c.approved === c.total ? (
        <p className="mt-2 text-sm text-emerald-800">{t.allApproved}</p>
      ) : (
        <p className="mt-2 text-sm text-emerald-800">{t.noneLate}</p>
      )}
      {notYet.length ? (
        <p className="mt-2 text-sm text-slate-700">
          {t.notYet(f.count(notYet.length))}{" "}
          {notYet.map((u) => `${u.name} (${reportStateWords(u, locale)})`).join(", ")}
        </p>
      ) : null}
    </section>
  );
}
