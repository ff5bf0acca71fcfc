import type { SheetRow } from "@/lib/entry/get-entry-sheet";

const STATUS: Record<SheetRow["status"], { label: string; className: string }> = {
  OPEN: { label: "Chưa gửi", className: "bg-slate-100 text-slate-700" },
  SUBMITTED: { label: "Đã gửi, chờ duyệt", className: "bg-amber-100 text-amber-900" },
  APPROVED: { label: "Đã duyệt, đã khoá", className: "bg-emerald-100 text-emerald-900" },
};

export function ReportStatusBadge({ status, small = false }: { status: SheetRow["status"]; small?: boolean }) {
  return (
    <span className={`rounded px-2 py-0.5 font-semibold ${small ? "text-xs" : ""} ${STATUS[status].className}`}>
      {STATUS[status].label}
    </span>
  );
}
