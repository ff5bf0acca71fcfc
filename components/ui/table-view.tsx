"use client";

import { useEffect, useMemo, useState } from "react";
import { matchesSearch } from "@/lib/format/search-key";
import type { Locale } from "@/lib/i18n/locale";
import { tableMessages } from "@/lib/i18n/table-messages";
import { Field } from "./field";

/** A column's value for sorting: numbers, text or nothing (nothing sorts last either way). */
export type SortValue = number | string | null | undefined;
export type SortState<K extends string> = { key: K; direction: "ascending" | "descending" } | null;

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

function compare(a: SortValue, b: SortValue): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Search by name and sort by any column for a long table, in the browser. Rows keep the
 * order they came in until a header is clicked; a second click reverses, a third restores
 * it. Rows without a value in the sorted column go last in both directions.
 */
export function useTableView<T, K extends string>(
  rows: T[],
  name: (row: T) => string,
  sortValues: Record<K, (row: T) => SortValue>,
) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortState<K>>(null);
  const hydrated = useHydrated();
  const visible = useMemo(() => {
    const found = rows.filter((row) => matchesSearch(name(row), query));
    if (!sort) return found;
    const value = sortValues[sort.key];
    const sign = sort.direction === "ascending" ? 1 : -1;
    return found
      .map((row, index) => ({ row, index, value: value(row) }))
      .sort((a, b) => {
        const missing = (a.value ?? null) === null || (b.value ?? null) === null;
        return (missing ? compare(a.value, b.value) : sign * compare(a.value, b.value)) || a.index - b.index;
      })
      .map((entry) => entry.row);
  }, [rows, name, query, sort, sortValues]);
  const toggleSort = (key: K) =>
    setSort((old) =>
      old?.key !== key
        ? { key, direction: "ascending" }
        : old.direction === "ascending"
          ? { key, direction: "descending" }
          : null,
    );
  return { total: rows.length, query, setQuery, sort, toggleSort, visible, hydrated };
}

type TableView<K extends string> = Omit<ReturnType<typeof useTableView<unknown, K>>, "visible"> & {
  visible: unknown[];
};

/** True once the page runs in the browser: controls that need JavaScript appear only then. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Tables shorter than this are read at a glance: they get no search box. */
const SEARCH_FROM_ROWS = 11;

/**
 * Above a long table: how many rows it has, from the server, and the search box once JavaScript
 * runs. The box's room (two lines on a phone) is kept from the start, so the table does not jump
 * down when it appears.
 */
export function TableSearch<K extends string>({ view, locale }: { view: TableView<K>; locale: Locale }) {
  if (view.total < SEARCH_FROM_ROWS) return null;
  const m = tableMessages(locale);
  return (
    <div className="mb-2 flex min-h-[3.625rem] flex-wrap sm:min-h-[2.375rem] items-center gap-x-3 gap-y-1 print:hidden">
      {view.hydrated ? (
        <Field
          label={m.searchLabel}
          inline
          type="search"
          value={view.query}
          onChange={(event) => view.setQuery(event.target.value.slice(0, 100))}
          placeholder={m.searchPlaceholder}
          maxLength={100}
          controlClassName="w-44 sm:w-56"
        />
      ) : null}
      <span className="text-sm text-slate-600" aria-live="polite">
        {m.shownOf(view.visible.length, view.total)}
      </span>
    </div>
  );
}

/** The row a table shows in place of its rows when the search matches none. */
export function NoMatchRow<K extends string>(props: {
  view: TableView<K>;
  locale: Locale;
  colSpan: number;
  className: string;
}) {
  if (props.view.visible.length > 0) return null;
  return (
    <tr>
      <td colSpan={props.colSpan} className={`text-slate-600 ${props.className}`}>
        {tableMessages(props.locale).noMatch(props.view.query)}
      </td>
    </tr>
  );
}

/**
 * A column header that sorts the table when clicked, and says how it is sorted to screen
 * readers (aria-sort). Before JavaScript runs it is plain text.
 */
export function SortHeader<K extends string>(props: {
  view: TableView<K>;
  column: K;
  locale: Locale;
  className?: string;
  children: string;
}) {
  const { view, column } = props;
  const active = view.sort?.key === column ? view.sort.direction : undefined;
  return (
    <th scope="col" aria-sort={active} className={props.className}>
      {view.hydrated ? (
        <>
          {/* The header's own words made clickable: no box, the header's font. */}
          <button
            type="button"
            onClick={() => view.toggleSort(column)}
            title={tableMessages(props.locale).sortBy(props.children)}
            className="inline-flex items-center gap-1 font-[inherit] hover:underline"
          >
            {props.children}
            <span aria-hidden className="text-xs text-slate-500">
              {active === "ascending" ? "▲" : active === "descending" ? "▼" : "↕"}
            </span>
          </button>
          {/* Printed, the words alone: a button is not drawn in a header repeated on each page. */}
          <span aria-hidden className="hidden print:inline">
            {props.children}
          </span>
        </>
      ) : (
        props.children
      )}
    </th>
  );
}

/** The frame of a long table: scrolls inside itself so its header row stays in view; prints whole. */
export const LONG_TABLE_FRAME = "relative max-h-[75vh] overflow-auto print:max-h-none print:overflow-visible";
