"use client";

import Link from "next/link";
import { useMemo } from "react";
import { TotalRow } from "@/components/ui/table";
import { LONG_TABLE_FRAME, NoMatchRow, SortHeader, TableSearch, useTableView } from "@/components/ui/table-view";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import { formatsFor } from "@/lib/i18n/locale";
import { type EntryWords, useEntryWords } from "./entry-words";
import { moveOnKey, pastedBlock } from "./grid-keys";
import { ReportButton, type ReportForm, type ReportHandler, type ReportVerb } from "./report-button";
import { ReportStatusBadge } from "./report-status-badge";
import type { useEntryCells } from "./use-entry-cells";

type Props = {
  sheet: EntrySheet;
  rows: SheetRow[];
  cells: ReturnType<typeof useEntryCells>;
  busy: boolean;
  form: ReportForm;
  onAction: ReportHandler;
  onPasted: (lines: number) => void;
};

const STATUS_ORDER: Record<SheetRow["status"], number> = { OPEN: 0, SUBMITTED: 1, APPROVED: 2 };
const nameOf = (row: SheetRow) => row.name;

/**
 * The child units × indicators of a district or province, with totals and each report's
 * status. A search by name and a sort on any column (by the figures as last saved, so rows
 * do not jump while someone types) help with a province's hundred-odd communes.
 */
export function EntryGrid({ sheet, rows, cells, busy, form, onAction, onPasted }: Props) {
  const w = useEntryWords();
  const formatCount = formatsFor(w.locale).count;
  const sortValues = useMemo(
    () => ({
      unit: nameOf,
      status: (row: SheetRow) => STATUS_ORDER[row.status] * 2 + (row.reported ? 1 : 0),
      ...Object.fromEntries(
        sheet.indicators.map((i) => [`indicator:${i.code}`, (row: SheetRow) => row.cells[i.code]?.value ?? null]),
      ),
    }),
    [sheet.indicators],
  );
  const view = useTableView(rows, nameOf, sortValues as Record<string, (row: SheetRow) => number | string | null>);
  const header = (column: string, label: string, className: string) => (
    <SortHeader
      key={column}
      view={view}
      column={column}
      locale={w.locale}
      className={`sticky top-0 z-10 bg-slate-50 p-2 ${className}`}
    >
      {label}
    </SortHeader>
  );
  const shown = view.visible;
  return (
    <div>
      <TableSearch view={view} locale={w.locale} />
      <p className="mb-1 text-xs text-slate-600">{w.lastWeekBeside}</p>
      <div id="entry-sheet" className={`rounded border border-slate-200 bg-white ${LONG_TABLE_FRAME}`}>
        <table className="min-w-full border-collapse text-sm">
          <thead className="bg-slate-50">
            <tr className="text-left">
              {header("unit", w.unit, "left-0 z-20")}
              {sheet.indicators.map((i) =>
                header(`indicator:${i.code}`, i.name, "min-w-32 align-bottom text-xs font-semibold"),
              )}
              {header("status", w.report, "right-0 z-20 bg-slate-50")}
            </tr>
          </thead>
          <tbody>
            <NoMatchRow view={view} locale={w.locale} colSpan={sheet.indicators.length + 2} className="p-3" />
            {shown.map((row, r) => (
              <tr
                key={row.code}
                className={`border-t border-slate-200 ${row.reported ? "" : "bg-amber-50"}`}
                data-unit={row.code}
              >
                <th
                  scope="row"
                  className={`sticky left-0 min-w-36 p-2 text-left font-normal ${row.reported ? "bg-white" : "bg-amber-50"}`}
                >
                  {row.hasChildren ? (
                    <Link href={`/nhap-lieu?unit=${row.code}&week=${sheet.week}`} className="text-brand-700 underline">
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                  {row.reported ? null : (
                    <span className="ml-1 text-xs font-semibold text-amber-800">{w.notReported}</span>
                  )}
                </th>
                {sheet.indicators.map((indicator, c) => (
                  <td key={indicator.code} className="p-1 align-top">
                    {/* Last week beside this week: a drop or a jump shows without hovering. */}
                    <div className="flex items-center gap-1.5">
                      <span className="w-20 shrink-0 text-right text-xs tabular-nums text-slate-500">
                        {formatCount(row.cells[indicator.code]?.lastWeek ?? null) || "–"}
                      </span>
                      {row.editable ? (
                        <GridInput
                          {...{ row, indicator, r, c, cells }}
                          onPaste={(lines) => {
                            cells.paste(lines, r, c, shown);
                            onPasted(lines.length);
                          }}
                        />
                      ) : (
                        <span className="block flex-1 px-1.5 text-right tabular-nums">
                          {formatCount(row.cells[indicator.code]?.value ?? null)}
                        </span>
                      )}
                    </div>
                    <CellNote row={row} code={indicator.code} cells={cells} />
                    <FlagNotes notes={sheet.flags?.[`${row.code}:${indicator.code}`]} />
                  </td>
                ))}
                {/* Kept at the right edge while the grid scrolls sideways: approving never needs a scroll. */}
                <td
                  className={`sticky right-0 whitespace-nowrap p-2 shadow-[-6px_0_6px_-6px_rgba(15,23,42,0.25)] ${row.reported ? "bg-white" : "bg-amber-50"}`}
                >
                  <ReportStatusBadge status={row.status} small />{" "}
                  {row.returned ? (
                    <span className="block max-w-56 truncate text-xs text-amber-800" title={row.returned.reason}>
                      {w.returnedShort(row.returned.reason)}
                    </span>
                  ) : null}
                  {rowActions(row, busy, cells.dirty, w).map(({ verb, label, variant, disabled }) => (
                    <ReportButton
                      key={verb}
                      {...{ report: form, onAction, verb, variant, disabled }}
                      unit={row.code}
                      size="sm"
                    >
                      {label}
                    </ReportButton>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <TotalRow
              label={w.total(rows.length)}
              values={[
                ...cells.totals.map((t, i) => ({ key: sheet.indicators[i]?.code ?? String(i), text: formatCount(t) })),
                { key: "status", text: "" },
              ]}
              labelClassName="sticky left-0 bg-white"
              className="border-t-2 border-slate-400"
            />
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** What the user may do with a row's report: approve, return, unlock, or submit on the unit's behalf. */
function rowActions(row: SheetRow, busy: boolean, dirty: boolean, w: EntryWords) {
  const actions: { verb: ReportVerb; label: string; variant?: "approve"; disabled: boolean }[] = [];
  if (row.canApprove) actions.push({ verb: "approve", label: w.approve, variant: "approve", disabled: busy });
  if (row.canUnlock) actions.push({ verb: "unlock", label: w.unlock, disabled: busy });
  if (row.canReturn) actions.push({ verb: "return", label: w.returnOpen, disabled: busy });
  // Sending for a unit needs its figures saved first.
  if (row.canSubmit && row.status === "OPEN" && row.reported)
    actions.push({ verb: "submit", label: w.submitFor, disabled: busy || dirty });
  return actions;
}

function GridInput(props: {
  row: SheetRow;
  indicator: { code: string; name: string };
  r: number;
  c: number;
  cells: ReturnType<typeof useEntryCells>;
  onPaste: (lines: string[][]) => void;
}) {
  const { row, indicator, r, c, cells } = props;
  const error = cells.parsed[row.code]?.[indicator.code]?.error;
  const warnings = cells.warningsOf(row, indicator.code);
  // Not the shared field: a grid cell, tinted by its error (red) or warning (amber), said below it.
  return (
    <input
      data-cell={`${r}:${c}`}
      aria-label={`${row.name} – ${indicator.name}`}
      inputMode="numeric"
      autoComplete="off"
      value={cells.texts[row.code]?.[indicator.code] ?? ""}
      onChange={(e) => cells.setText(row.code, indicator.code, e.target.value)}
      onBlur={() => cells.tidy(row.code, indicator.code)}
      // As in a spreadsheet, typing into a cell replaces what it holds.
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => moveOnKey(e, r, c)}
      onPaste={(e) => {
        const lines = pastedBlock(e);
        if (lines) props.onPaste(lines);
      }}
      aria-invalid={Boolean(error)}
      aria-describedby={error || warnings.length ? `note-${row.code}-${indicator.code}` : undefined}
      className={`w-full min-w-24 rounded border px-1.5 py-1 text-right tabular-nums ${error ? "border-red-600 bg-red-50" : warnings.length ? "border-amber-500 bg-amber-50" : "border-slate-300"}`}
    />
  );
}

/** The week's data-quality flags of a unit or a figure (lib/quality), with their reasons, for whoever approves. */
function FlagNotes({ notes }: { notes: { text: string }[] | undefined }) {
  if (!notes?.length) return null;
  return (
    <ul className="mt-0.5 max-w-56 space-y-0.5 text-xs font-normal text-red-800" data-flag-notes>
      {notes.map((note) => (
        <li key={note.text}>⚑ {note.text}</li>
      ))}
    </ul>
  );
}

/** A cell's error or warnings, written under it (not only in a tooltip). */
function CellNote({ row, code, cells }: { row: SheetRow; code: string; cells: ReturnType<typeof useEntryCells> }) {
  const error = cells.parsed[row.code]?.[code]?.error;
  const warnings = cells.warningsOf(row, code);
  if (!error && !warnings.length) return null;
  return (
    <p
      id={`note-${row.code}-${code}`}
      className={`mt-0.5 max-w-56 text-xs ${error ? "text-red-700" : "font-semibold text-amber-800"}`}
    >
      {error ?? `⚠ ${warnings.join(" ")}`}
    </p>
  );
}
