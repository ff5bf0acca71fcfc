import type { ReactNode } from "react";

/** `className` adds to the shared cell style (widths, columns hidden on phones). */
export type Column = { label: ReactNode; key?: string; numeric?: boolean; className?: string };

/**
 * A table's header row: one column header per label, numbers right-aligned. `cell` is the
 * padding and border the table's own cells use, so headers line up with them.
 */
export function HeaderRow({
  columns,
  cell = "p-2",
  className = "bg-slate-100 text-left",
}: {
  columns: Column[];
  cell?: string;
  className?: string;
}) {
  return (
    <tr className={className}>
      {columns.map((c) => (
        <th
          key={c.key ?? String(c.label)}
          scope="col"
          className={`${cell} ${c.numeric ? "text-right" : ""} ${c.className ?? ""}`}
        >
          {c.label}
        </th>
      ))}
    </tr>
  );
}

/** A table that scrolls sideways on narrow screens rather than the page, with its header row. */
export function ScrollTable(props: { columns: Column[]; cell?: string; className?: string; children: ReactNode }) {
  return (
    // Positioned, so that visually hidden labels (absolute) scroll with the table instead of
    // widening the page on a phone.
    <div className="relative overflow-x-auto">
      <table className={props.className ?? "w-full border-collapse bg-white text-sm"}>
        <thead>
          <HeaderRow columns={props.columns} cell={props.cell} />
        </thead>
        {props.children}
      </table>
    </div>
  );
}
