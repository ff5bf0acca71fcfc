import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import { formatsFor } from "@/lib/i18n/locale";
import type { EntryWords } from "./entry-words";
import type { useEntryCells } from "./use-entry-cells";

// What a person should see before a report moves up: the figures the rules warn about, and the
// units below that have not sent theirs.

type Cells = ReturnType<typeof useEntryCells>;

/** How many units or warnings a confirmation lists before "and N more". */
const SHOWN = 12;

/** A figure as the sheet shows it: the count, or numerator/denominator for a ratio. */
function shown(
  value: number | null | undefined,
  denominator: number | null | undefined,
  w: EntryWords,
  ratio: boolean,
) {
  const count = formatsFor(w.locale).count;
  if (value == null) return w.none;
  return ratio ? `${count(value)}/${denominator == null ? "?" : count(denominator)}` : count(value);
}

/** Each warned or flagged figure of a row: unit, indicator, last week → this week, and why. */
export function warnedFigures(sheet: EntrySheet, row: SheetRow, cells: Cells, w: EntryWords): string[] {
  return sheet.indicators
    .filter((i) => !i.denominatorOf)
    .flatMap((i) => {
      // The week's data-quality flags (lib/quality) not yet checked, beside the rules' warnings.
      const flags = (sheet.flags?.[`${row.code}:${i.code}`] ?? []).filter((f) => f.ask).map((f) => `⚑ ${f.text}`);
      const reasons = [...cells.warningsOf(row, i.code), ...flags];
      if (!reasons.length) return [];
      const den = i.denominatorColumn;
      const typed = cells.parsed[row.code] ?? {};
      const last = shown(row.cells[i.code]?.lastWeek, den ? row.cells[den]?.lastWeek : null, w, Boolean(den));
      const now = shown(typed[i.code]?.value, den ? typed[den]?.value : null, w, Boolean(den));
      return [w.warnedLine(row.name, i.baseName ?? i.name, last, now, reasons.join(" "))];
    });
}

/** The first lines of a list, and what is left out ("and 115 more"). */
export function firstOf(lines: string[], more: (n: number) => string): { lines: string[]; more?: string } {
  return lines.length > SHOWN ? { lines: lines.slice(0, SHOWN), more: more(lines.length - SHOWN) } : { lines };
}

/** The units below whose report for the week is not submitted yet. */
export function outstandingChildren(sheet: EntrySheet): SheetRow[] {
  return sheet.mode === "grid" ? sheet.rows.filter((r) => r.status === "OPEN") : [];
}
