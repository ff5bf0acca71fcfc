import { formatDueVi, formatIsoDateVi } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";
import type { ChildrenReporting } from "@/lib/reporting/lateness";
import { reportStateWords } from "@/lib/reporting/reminder-text";

/** The week's reporting of a scope's children: counts, due times and every late unit. */
export function ReportingStatus({ reporting }: { reporting: ChildrenReporting }) {
  const c = reporting.counts;
  const late = reporting.units.filter((u) => u.late);
  const notYet = reporting.units.filter((u) => !u.late && u.state !== "APPROVED");
  return (
    <section aria-labelledby="completeness-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="completeness-heading" className="mb-2 text-lg font-semibold">
        Báo cáo tuần kết thúc {formatIsoDateVi(reporting.week)}
      </h2>
      <p className="text-sm">
        Có số liệu {formatCount(c.withFigures)}/{formatCount(c.total)} · đã gửi {formatCount(c.submitted)} · đã duyệt{" "}
        {formatCount(c.approved)}
      </p>
      {reporting.submitDue ? (
        <p className="text-sm text-slate-600">
          Hạn gửi {formatDueVi(reporting.submitDue)} · hạn duyệt {formatDueVi(reporting.approveDue)}
        </p>
      ) : null}
      {late.length ? (
        <>
          <p className="mt-2 text-sm font-semibold text-red-800">Quá hạn ({formatCount(late.length)}):</p>
          <ul aria-label="Đơn vị quá hạn báo cáo" className="max-h-64 overflow-y-auto text-sm">
            {late.map((u) => (
              <li key={u.code} className="flex justify-between gap-2 border-b border-slate-100 py-0.5">
                <span>{u.name}</span>
                <span className="text-red-800">{reportStateWords(u)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : c.total && c.approved === c.total ? (
        <p className="mt-2 text-sm text-emerald-800">Tất cả đơn vị đã được duyệt báo cáo tuần này.</p>
      ) : (
        <p className="mt-2 text-sm text-emerald-800">Chưa đơn vị nào quá hạn.</p>
      )}
      {notYet.length ? (
        <p className="mt-2 text-sm text-slate-700">
          Chưa hết hạn, chưa xong ({formatCount(notYet.length)}):{" "}
          {notYet.map((u) => `${u.name} (${reportStateWords(u)})`).join(", ")}
        </p>
      ) : null}
    </section>
  );
}
