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

/**
 * A table's total row: the label as its row header, then one cell per value, numbers
 * right-aligned (an empty string leaves a cell blank). `cell` as for HeaderRow; `label` adds
 * to it for the row header (a sticky first column, say).
 */
export function TotalRow(props: {
  label: ReactNode;
  values: { key: string; text: string }[];
  cell?: string;
  labelClassName?: string;
  className?: string;
}) {
  const cell = props.cell ?? "p-2";
  return (
    <tr className={`font-semibold ${props.className ?? ""}`}>
      <th scope="row" className={`${cell} text-left ${props.labelClassName ?? ""}`}>
        {props.label}
      </th>
      {props.values.map((v) => (
        <td key={v.key} className={v.text ? `${cell} text-right tabular-nums` : cell}>
          {v.text}
        </td>
      ))}
    </tr>
  );
}
