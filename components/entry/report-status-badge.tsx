import type { SheetRow } from "@/lib/entry/get-entry-sheet";
import { useEntryWords } from "./entry-words";

const STATUS_CLASS: Record<SheetRow["status"], string> = {
  OPEN: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-emerald-100 text-emerald-900",
};

export function ReportStatusBadge({ status, small = false }: { status: SheetRow["status"]; small?: boolean }) {
  const w = useEntryWords();
  return (
    <span className={`rounded px-2 py-0.5 font-semibold ${small ? "text-xs" : ""} ${STATUS_CLASS[status]}`}>
      {w.status[status]}
    </span>
  );
}
