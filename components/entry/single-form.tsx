import { HeaderRow } from "@/components/ui/table";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import { formatsFor } from "@/lib/i18n/locale";
import { useEntryWords } from "./entry-words";
import { moveOnKey } from "./grid-keys";
import type { useEntryCells } from "./use-entry-cells";

/** A commune's form: the indicators down the page, last week's figure beside each. */
export function SingleForm(props: { sheet: EntrySheet; own: SheetRow; cells: ReturnType<typeof useEntryCells> }) {
  const { sheet, own, cells } = props;
  const w = useEntryWords();
  const count = formatsFor(w.locale).count;
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
          // A denominator sits beside its numerator, in the numerator's row.
          if (indicator.denominatorOf) return null;
          const den = indicator.denominatorColumn;
          const denCol = sheet.indicators.findIndex((i) => i.code === den);
          const notes = [
            cells.parsed[own.code]?.[indicator.code]?.error,
            den ? cells.parsed[own.code]?.[den]?.error : null,
          ].filter((n): n is string => Boolean(n));
          const error = notes[0] ?? null;
          const warnings = cells.warningsOf(own, indicator.code);
          const id = `cell-${own.code}-${indicator.code}`;
          // Not the shared field: its border tells an error (red) from a warning (amber).
          const input = (code: string, at: number, label?: string) => {
            const invalid = Boolean(cells.parsed[own.code]?.[code]?.error);
            return (
              <input
                id={code === indicator.code ? id : `cell-${own.code}-${code}`}
                data-cell={`${at}:0`}
                aria-label={label}
                inputMode="numeric"
                autoComplete="off"
                disabled={!own.editable}
                value={cells.texts[own.code]?.[code] ?? ""}
                onChange={(e) => cells.setText(own.code, code, e.target.value)}
                onBlur={() => cells.tidy(own.code, code)}
                onKeyDown={(e) => moveOnKey(e, at, 0)}
                aria-invalid={invalid}
                aria-describedby={error || warnings.length ? `${id}-note` : undefined}
                className={`${den ? "w-32" : "w-40"} rounded border px-2 py-1 text-right text-sm tabular-nums disabled:bg-slate-100 ${invalid ? "border-red-600" : warnings.length ? "border-amber-500" : "border-slate-400"}`}
              />
            );
          };
          const denColumn = den ? sheet.indicators[denCol] : undefined;
          const last = own.cells[indicator.code]?.lastWeek ?? null;
          const lastDen = den ? (own.cells[den]?.lastWeek ?? null) : null;
          return (
            <tr key={indicator.code} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 text-left font-normal">
                <label htmlFor={id}>{denColumn ? (indicator.baseName ?? indicator.name) : indicator.name}</label>
              </th>
              <td className="p-2 text-right tabular-nums text-slate-600">
                {last === null
                  ? "–"
                  : denColumn
                    ? `${count(last)} / ${lastDen === null ? "–" : count(lastDen)}`
                    : count(last)}
              </td>
              <td className="p-2">
                {denColumn ? (
                  // Side by side where there is room; on a phone the denominator wraps below. Each box says which it is.
                  <span className="flex flex-wrap items-end gap-x-2 gap-y-1">
                    <span className="flex flex-col text-xs text-slate-700">
                      <span aria-hidden>{w.numerator}</span>
                      {input(indicator.code, col, indicator.name)}
                    </span>
                    <span aria-hidden className="pb-1">
                      /
                    </span>
                    <span className="flex flex-col text-xs text-slate-700">
                      <span aria-hidden>{w.denominator}</span>
                      {input(denColumn.code, denCol, denColumn.name)}
                    </span>
                  </span>
                ) : (
                  input(indicator.code, col)
                )}
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
