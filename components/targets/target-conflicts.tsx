import { formatCount, formatIsoDateVi } from "@/lib/format";
import type { TargetConflict } from "@/lib/targets/assign-targets";

/** Targets someone assigned after the user read them; nothing was written. */
export function TargetConflicts({ conflicts, onReload }: { conflicts: TargetConflict[]; onReload: () => void }) {
  if (conflicts.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">Có người vừa giao chỉ tiêu khác cho các đơn vị sau; chưa ghi gì:</p>
      <ul className="list-disc pl-6">
        {conflicts.map((c) => (
          <li key={c.unit}>
            {c.unitName}: bạn nhập {formatCount(c.yours)}, hiện là{" "}
            {c.current === null ? "chưa có" : formatCount(c.current)}
            {c.assignedOn ? ` (giao ngày ${formatIsoDateVi(c.assignedOn)})` : ""}.
          </li>
        ))}
      </ul>
      <button type="button" className="mt-2 underline" onClick={onReload}>
        Tải lại chỉ tiêu hiện hành
      </button>
    </div>
  );
}
