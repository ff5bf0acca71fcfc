import Link from "next/link";
import { controlClass } from "@/components/ui/field";
import { ScrollTable, TotalRow } from "@/components/ui/table";
import { formatCount as count, formatIsoDateVi as vi } from "@/lib/format";
import type { StaffMessages } from "@/lib/i18n/staff-messages";
import type { TargetSheet } from "@/lib/targets/target-sheet";

/** The children's targets in force, and an input for each new one. */
export function TargetTable(props: {
  sheet: TargetSheet;
  texts: Record<string, string>;
  parsed: Record<string, number | null>;
  total: number;
  onType: (unit: string, text: string) => void;
  t: StaffMessages["targets"];
}) {
  const { sheet, texts, parsed, total, t } = props;
  return (
    <ScrollTable
      columns={t.columns.map((label, i) => ({ label, numeric: i === 1 || i === 3 }))}
      cell="border border-slate-200 px-2 py-1"
    >
      <tbody>
        {sheet.rows.map((r) => (
          <tr key={r.code} className={r.target ? "" : "bg-amber-50"}>
            <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal">
              <Link href={`/chi-tieu?unit=${r.code}&indicator=${sheet.indicator.code}`} className="underline">
                {r.name}
              </Link>
            </th>
            <td className="border border-slate-200 px-2 py-1 text-right tabular-nums">
              {r.target ? count(r.target.value) : t.notAssigned}
            </td>
            <td className="border border-slate-200 px-2 py-1 text-slate-700">
              {r.target ? `${vi(r.target.deadline)} · ${r.target.directive}` : ""}
            </td>
            <td className="border border-slate-200 px-1 py-1">
              <input
                aria-label={t.newFor(r.name)}
                inputMode="numeric"
                disabled={!sheet.canAssign}
                value={texts[r.code] ?? ""}
                onChange={(e) => props.onType(r.code, e.target.value)}
                aria-invalid={(texts[r.code] ?? "").trim() !== "" && parsed[r.code] === null}
                className={controlClass("md", "w-32 text-right tabular-nums")}
              />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <TotalRow
          label={t.total}
          values={[
            { key: "in-force", text: count(sheet.childrenTotal) },
            { key: "assigned", text: "" },
            { key: "new", text: count(total) },
          ]}
          cell="border border-slate-200 px-2 py-1"
          className="bg-slate-50"
        />
      </tfoot>
    </ScrollTable>
  );
}
