import { Button } from "@/components/ui/button";
import type { FigureConflict } from "@/lib/entry/save-figures";
import { formatCount, formatDateTimeVi } from "@/lib/format";

/** Figures someone else saved after the user read them: both values, and a choice for each. */
export function FigureConflicts(props: {
  conflicts: FigureConflict[];
  indicatorName: (code: string) => string | undefined;
  onResolve: (conflict: FigureConflict, keepMine: boolean) => void;
}) {
  if (props.conflicts.length === 0) return null;
  return (
    <section
      aria-labelledby="conflicts-heading"
      className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
    >
      <h2 id="conflicts-heading" className="mb-2 font-semibold">
        Số liệu đã bị người khác sửa
      </h2>
      <ul className="flex flex-col gap-2">
        {props.conflicts.map((c) => (
          <li key={`${c.unit}:${c.indicator}`} className="flex flex-wrap items-center gap-2">
            <span>
              {c.unitName} – {props.indicatorName(c.indicator)}: bạn nhập <strong>{formatCount(c.yours)}</strong>, hiện
              là <strong>{c.current === null ? "(trống)" : formatCount(c.current)}</strong>
              {c.changedBy ? ` do ${c.changedBy} lưu lúc ${formatDateTimeVi(c.changedAt as string)}` : ""}.
            </span>
            <Button size="sm" onClick={() => props.onResolve(c, false)}>
              Dùng giá trị hiện tại
            </Button>
            <Button size="sm" onClick={() => props.onResolve(c, true)}>
              Giữ giá trị của tôi (lưu lại để ghi)
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
