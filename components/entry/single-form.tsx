import { HeaderRow } from "@/components/ui/table";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import { formatCount } from "@/lib/format";
import { useEntryWords } from "./entry-words";
import { moveOnKey } from "./grid-keys";
import type { useEntryCells } from "./use-entry-cells";

/** A commune's form: the indicators down the page, last week's figure beside each. */
export function SingleForm(props: { sheet: EntrySheet; own: SheetRow; cells: ReturnType<typeof useEntryCells> }) {
  const { sheet, own, cells } = props;
  const w = useEntryWords();
  return (
    <table className="w-full max-w-3xl border-collapse bg-white text-sm">
      <thead>
        <HeaderRow
          columns={[{ label: w.indicator }, { label: w.lastWeek, numeric: true }, { label: w.thisWeek }]}
          className="border-b border-slate-300 text-left"
        />
      </thead>
      <tbody>
        {sheet.indicators.map((indicator, col) => {
          const error = cells.parsed[own.code]?.[indicator.code]?.error;
          const warnings = cells.warningsOf(own, indicator.code);
          const id = `cell-${own.code}-${indicator.code}`;
          return (
            <tr key={indicator.code} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 text-left font-normal">
                <label htmlFor={id}>{indicator.name}</label>
              </th>
              <td className="p-2 text-right tabular-nums text-slate-600">
                {formatCount(own.cells[indicator.code]?.previous?.value ?? null) || "–"}
              </td>
              <td className="p-2">
                <input
                  id={id}
                  data-cell={`${col}:0`}
                  inputMode="numeric"
                  autoComplete="off"
                  disabled={!own.editable}
                  value={cells.texts[own.code]?.[indicator.code] ?? ""}
                  onChange={(e) => cells.setText(own.code, indicator.code, e.target.value)}
                  onKeyDown={(e) => moveOnKey(e, col, 0)}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error || warnings.length ? `${id}-note` : undefined}
                  className={`w-40 rounded border px-2 py-1 text-right tabular-nums disabled:bg-slate-100 ${error ? "border-red-600" : warnings.length ? "border-amber-500" : "border-slate-400"}`}
                />
                {error || warnings.length ? (
                  <p id={`${id}-note`} className={`mt-1 text-xs ${error ? "text-red-700" : "text-amber-800"}`}>
                    {error ?? warnings.join(" ")}
                  </p>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
