import type { SheetRow } from "@/lib/entry/get-entry-sheet";
import { ReportButton, type ReportForm } from "./report-button";
import { ReportStatusBadge } from "./report-status-badge";

export type ReportVerb = "submit" | "approve" | "unlock";

/** The unit's own weekly report: its status and what the user may do with it. */
export function OwnReportBar(props: {
  own: SheetRow;
  busy: boolean;
  dirty: boolean;
  form: ReportForm;
  onAction: (unit: string, verb: ReportVerb) => void;
}) {
  const { own, busy, dirty } = props;
  const buttonOf = (verb: ReportVerb) => ({ unit: own.code, verb, report: props.form, onAction: props.onAction });
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <span>
        Báo cáo của {own.name}: <ReportStatusBadge status={own.status} />
        {own.approvedBy ? <span className="text-slate-600"> · duyệt bởi {own.approvedBy}</span> : null}
      </span>
      {own.canSubmit ? (
        <ReportButton {...buttonOf("submit")} variant="primary" disabled={busy}>
          {dirty ? "Lưu và gửi báo cáo" : "Gửi báo cáo"}
        </ReportButton>
      ) : null}
      {own.canApprove ? (
        <ReportButton {...buttonOf("approve")} variant="approve" disabled={busy}>
          Phê duyệt
        </ReportButton>
      ) : null}
      {own.canUnlock ? (
        <ReportButton {...buttonOf("unlock")} className="font-semibold" disabled={busy}>
          Mở khoá
        </ReportButton>
      ) : null}
      {own.status === "APPROVED" && !own.canUnlock ? (
        <span className="text-slate-600">Báo cáo đã khoá; cần cấp đã duyệt mở khoá nếu phải sửa.</span>
      ) : null}
    </div>
  );
}
