import Link from "next/link";
import { controlClass } from "@/components/ui/field";
import { HeaderRow } from "@/components/ui/table";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import type { StaffMessages } from "@/lib/i18n/staff-messages";
import type { TargetSheet } from "@/lib/targets/target-sheet";

// On a phone each row becomes a card: the unit and the input for its new target side by side
// on the first line, the target in force, its deadline and directive under them.
const ROW = "max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:items-center max-sm:gap-x-2 max-sm:border-b";
const CELL = "border border-slate-200 px-2 py-1 max-sm:border-0";

/** The children's targets in force, and an input for each new one. */
export function TargetTable(props: {
  sheet: TargetSheet;
  texts: Record<string, string>;
  parsed: Record<string, number | null>;
  total: number;
  onType: (unit: string, text: string) => void;
  t: StaffMessages["targets"];
  locale: Locale;
}) {
  const { sheet, texts, parsed, total, t } = props;
  const f = formatsFor(props.locale);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm max-sm:block">
        <thead className="max-sm:sr-only">
          <HeaderRow
            columns={t.columns.map((label, i) => ({ label, numeric: i === 1 || i === 3 }))}
            cell="border border-slate-200 px-2 py-1"
          />
        </thead>
        <tbody className="max-sm:block">
          {sheet.rows.map((r) => (
            <tr key={r.code} className={`${ROW} ${r.target ? "" : "bg-amber-50"}`}>
              <th scope="row" className={`${CELL} text-left font-normal`}>
                <Link href={`/chi-tieu?unit=${r.code}&indicator=${sheet.indicator.code}`} className="underline">
                  {r.name}
                </Link>
              </th>
              <td className={`${CELL} text-right tabular-nums max-sm:col-start-1 max-sm:py-0 max-sm:text-left`}>
                <span className="sm:hidden">{t.columns[1]}: </span>
                {r.target ? f.count(r.target.value) : t.notAssigned}
              </td>
              <td className={`${CELL} text-slate-700 max-sm:col-start-1 max-sm:truncate max-sm:pt-0 max-sm:text-xs`}>
                {r.target ? `${f.date(r.target.deadline)} · ${r.target.directive}` : ""}
              </td>
              <td className={`${CELL} px-1 max-sm:col-start-2 max-sm:row-span-3 max-sm:row-start-1`}>
                <input
                  aria-label={t.newFor(r.name)}
                  inputMode="numeric"
                  disabled={!sheet.canAssign}
                  value={texts[r.code] ?? ""}
                  onChange={(e) => props.onType(r.code, e.target.value)}
                  aria-invalid={(texts[r.code] ?? "").trim() !== "" && parsed[r.code] === null}
                  className={controlClass("md", "w-32 text-right tabular-nums max-sm:w-28")}
                />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="max-sm:block">
          <tr className={`bg-slate-50 font-semibold ${ROW}`}>
            <th scope="row" className={`${CELL} text-left`}>
              {t.total}
            </th>
            <td className={`${CELL} text-right tabular-nums max-sm:col-start-1 max-sm:text-left`}>
              <span className="sm:hidden">{t.columns[1]}: </span>
              {f.count(sheet.childrenTotal)}
            </td>
            <td className={`${CELL} max-sm:hidden`} />
            <td className={`${CELL} text-right tabular-nums max-sm:col-start-2 max-sm:row-span-2 max-sm:row-start-1`}>
              {f.count(total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
