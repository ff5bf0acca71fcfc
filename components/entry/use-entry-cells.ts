"use client";

import { useEffect, useMemo, useState } from "react";
import { denominatorColumn } from "@/lib/entry/entry-columns";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import type { FigureConflict, SavedFigure } from "@/lib/entry/save-figures";
import { AT_MOST, figureFindings, formMessageIn, pairProblem, readTypedCount } from "@/lib/figures/figure-rules";
import { parseIsoDate } from "@/lib/format";
import { formatsFor, type Locale } from "@/lib/i18n/locale";

/** Per unit code, per indicator code. */
type ByCell<T> = Record<string, Record<string, T>>;
type Read = { value: number | null; version: number };
export type Change = { unit: string; indicator: string; value: number; denominator?: number | null; version: number };

function byCell<T>(rows: SheetRow[], indicators: string[], of: (row: SheetRow, indicator: string) => T): ByCell<T> {
  return Object.fromEntries(rows.map((r) => [r.code, Object.fromEntries(indicators.map((i) => [i, of(r, i)]))]));
}

/**
 * The cells of an entry sheet: what was read (value and version, which a save sends back),
 * what is typed, what that parses to, the changes to save, and each cell's warnings by the
 * figure rules the import uses too.
 */
export function useEntryCells(sheet: EntrySheet, rows: SheetRow[], locale: Locale = "vi") {
  // Counts are written and read as the page's language groups them: 88.700 in Vietnamese, 88,700 in English.
  const formatCount = formatsFor(locale).count;
  const codes = useMemo(() => sheet.indicators.map((i) => i.code), [sheet.indicators]);
  const [read, setRead] = useState<ByCell<Read>>(() =>
    byCell(rows, codes, (r, i) => ({ value: r.cells[i]?.value ?? null, version: r.cells[i]?.version ?? 0 })),
  );
  const [texts, setTexts] = useState<ByCell<string>>(() =>
    byCell(rows, codes, (r, i) => formatCount(r.cells[i]?.value ?? null)),
  );
  const pairs = useMemo(
    () => sheet.indicators.flatMap((i) => (i.denominatorColumn ? [[i.code, i.denominatorColumn] as const] : [])),
    [sheet.indicators],
  );
  const parsed = useMemo(() => {
    const cells = byCell(rows, codes, (r, i) => readTypedCount(texts[r.code]?.[i] ?? "", locale));
    // A numerator goes with its denominator: both typed, and the numerator not above it.
    for (const r of rows)
      for (const [numerator, denominator] of pairs) {
        const row = cells[r.code] as Record<string, { value: number | null; error: string | null }>;
        const n = row[numerator];
        const d = row[denominator];
        if (!n || !d || n.error || d.error) continue;
        const problem = pairProblem(n.value, d.value, locale);
        if (problem === null) continue;
        if (d.value === null) row[denominator] = { value: null, error: problem };
        else row[numerator] = { value: null, error: problem };
      }
    return cells;
  }, [rows, codes, texts, pairs, locale]);

  const changes = useMemo(() => {
    const list: Change[] = [];
    for (const r of rows.filter((row) => row.editable))
      for (const column of sheet.indicators) {
        if (column.denominatorOf) continue;
        const i = column.code;
        const typed = parsed[r.code]?.[i];
        const was = read[r.code]?.[i];
        if (typed?.value == null || !was) continue;
        const den = column.denominatorColumn;
        if (!den) {
          if (typed.value !== was.value)
            list.push({ unit: r.code, indicator: i, value: typed.value, version: was.version });
          continue;
        }
        const typedDen = parsed[r.code]?.[den]?.value ?? null;
        if (typedDen === null) continue;
        if (typed.value !== was.value || typedDen !== read[r.code]?.[den]?.value)
          list.push({ unit: r.code, indicator: i, value: typed.value, denominator: typedDen, version: was.version });
      }
    return list;
  }, [parsed, read, rows, sheet.indicators]);
  const invalid = rows.flatMap((r) =>
    sheet.indicators.filter((i) => parsed[r.code]?.[i.code]?.error).map((i) => `${r.name}: ${i.name}`),
  );
  // A cell typed wrong is not saved yet either: the page must not say everything is saved.
  const dirty = changes.length > 0 || invalid.length > 0;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const week = parseIsoDate(sheet.week) as Date;
  function warningsOf(row: SheetRow, indicator: string): string[] {
    const value = parsed[row.code]?.[indicator]?.value ?? null;
    if (value === null) return [];
    const cell = row.cells[indicator];
    const ceiling = AT_MOST[indicator];
    return figureFindings({
      value,
      asOf: week,
      cumulative: sheet.indicators.find((i) => i.code === indicator)?.kind === "CUMULATIVE",
      previous: cell?.previous ? { asOf: parseIsoDate(cell.previous.asOf) as Date, value: cell.previous.value } : null,
      usual: cell?.usualIncrease ?? null,
      ceiling: ceilingOf(ceiling, parsed[row.code]?.[ceiling ?? ""]?.value ?? null),
    }).map(formMessageIn(locale));
  }

  const ceilingOf = (of: string | undefined, value: number | null) => (of && value !== null ? { of, value } : null);

  const setText = (unit: string, indicator: string, text: string) =>
    setTexts((old) => ({ ...old, [unit]: { ...old[unit], [indicator]: text } }));

  /** On leaving a cell: a count typed without grouping is shown grouped (88700 → 88.700), as the rest. */
  function tidy(unit: string, indicator: string) {
    const typed = parsed[unit]?.[indicator];
    if (typed?.value == null || typed.error) return;
    const text = formatCount(typed.value);
    if (text !== texts[unit]?.[indicator]) setText(unit, indicator, text);
  }

  /**
   * Fills cells from a block pasted from a spreadsheet, starting at a row and column of the
   * rows as shown (`order`: searched or sorted, the grid may show fewer or reordered rows).
   */
  function paste(lines: string[][], row: number, col: number, order: SheetRow[] = rows) {
    setTexts((old) => {
      const next = structuredClone(old);
      lines.forEach((line, dr) => {
        const target = order[row + dr];
        if (!target?.editable) return;
        line.forEach((value, dc) => {
          const indicator = codes[col + dc];
          if (indicator && next[target.code]) (next[target.code] as Record<string, string>)[indicator] = value.trim();
        });
      });
      return next;
    });
  }

  /** After a save: what was saved is now what was read. */
  function saved(figures: (Change | SavedFigure)[]) {
    setRead((old) => {
      const next = structuredClone(old);
      for (const f of figures) {
        const row = next[f.unit];
        if (!row) continue;
        row[f.indicator] = { value: f.value, version: f.version };
        if (f.denominator != null) row[denominatorColumn(f.indicator)] = { value: f.denominator, version: f.version };
      }
      return next;
    });
  }

  /**
   * Saved on the device, not yet on the server: shown as typed and no longer unsaved, still
   * with the version it was read at, which is what its queued save sends.
   */
  function keepLocally(entries: Change[]) {
    const known = entries.filter((e) => read[e.unit]?.[e.indicator]);
    saved(known);
    setTexts((old) => {
      const next = structuredClone(old);
      for (const e of known) {
        const row = next[e.unit] as Record<string, string>;
        row[e.indicator] = formatCount(e.value);
        if (e.denominator != null) row[denominatorColumn(e.indicator)] = formatCount(e.denominator);
      }
      return next;
    });
  }

  /** Takes the other person's figure as read; shows it too unless the user keeps their own. */
  function resolve(conflict: FigureConflict, keepMine: boolean) {
    const den = denominatorColumn(conflict.indicator);
    const paired = conflict.yoursDenominator !== null;
    setRead((old) => ({
      ...old,
      [conflict.unit]: {
        ...old[conflict.unit],
        [conflict.indicator]: { value: conflict.current, version: conflict.currentVersion },
        ...(paired ? { [den]: { value: conflict.currentDenominator, version: conflict.currentVersion } } : {}),
      },
    }));
    if (!keepMine) {
      setText(conflict.unit, conflict.indicator, formatCount(conflict.current));
      if (paired) setText(conflict.unit, den, formatCount(conflict.currentDenominator));
    }
  }

  const totals = codes.map((i) => rows.reduce((sum, r) => sum + (parsed[r.code]?.[i]?.value ?? 0), 0));
  return {
    texts,
    parsed,
    changes,
    invalid,
    dirty,
    totals,
    warningsOf,
    setText,
    tidy,
    paste,
    saved,
    keepLocally,
    resolve,
  };
}
