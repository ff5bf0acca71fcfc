import type { SheetRow } from "@/lib/entry/get-entry-sheet";
import { formatsFor } from "@/lib/i18n/locale";
import { useEntryWords } from "./entry-words";
import { ReportButton, type ReportForm, type ReportHandler, type ReportVerb } from "./report-button";
import { ReportStatusBadge } from "./report-status-badge";

/** The unit's own weekly report: its status and what the user may do with it. */
export function OwnReportBar(props: {
  own: SheetRow;
  busy: boolean;
  dirty: boolean;
  /** A submission of this week waits on the device for the network. */
  queued: boolean;
  form: ReportForm;
  onAction: ReportHandler;
}) {
  const { own, busy, dirty } = props;
  const w = useEntryWords();
  const buttonOf = (verb: ReportVerb) => ({ unit: own.code, verb, report: props.form, onAction: props.onAction });
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <span>
        {w.reportOf(own.name)} <ReportStatusBadge status={own.status} />
        {own.approvedBy ? (
          <span className="text-slate-600">{w.approvedBy(own.approvedBy)}</span>
        ) : own.status === "SUBMITTED" && own.submittedBy ? (
          <span className="text-slate-600">{w.submittedBy(own.submittedBy)}</span>
        ) : null}
      </span>
      {own.canSubmit ? (
        // Once submitted, sending again is a second, lesser step (after a correction).
        <ReportButton
          {...buttonOf("submit")}
          variant={own.status === "SUBMITTED" && !dirty ? "secondary" : "primary"}
          disabled={busy || props.queued}
        >
          {dirty ? w.saveAndSubmit : own.status === "SUBMITTED" ? w.resubmit : w.submit}
        </ReportButton>
      ) : null}
      {own.canApprove ? (
        <ReportButton {...buttonOf("approve")} variant="approve" disabled={busy}>
          {w.approve}
        </ReportButton>
      ) : null}
      {own.canUnlock ? (
        <ReportButton {...buttonOf("unlock")} className="font-semibold" disabled={busy}>
          {w.unlock}
        </ReportButton>
      ) : null}
      {own.status === "APPROVED" && !own.canUnlock ? <span className="text-slate-600">{w.locked}</span> : null}
      {own.returned ? (
        <p role="status" className="basis-full rounded border border-amber-300 bg-amber-50 p-2 text-amber-950">
          {w.returnedBy(own.returned.by, formatsFor(w.locale).moment(own.returned.at), own.returned.reason)}
        </p>
      ) : null}
    </div>
  );
}
