"use client";

import { type ReactNode, useEffect, useMemo, useState } from "react";
import { matchesSearch } from "@/lib/format/search-key";

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
  return { query, setQuery, sort, toggleSort, visible };
}

/** True once the page runs in the browser: controls that need JavaScript appear only then. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The search box above a long table, with how many rows it shows. */
export function TableSearch(props: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder: string;
  shown: string;
}) {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-3 print:hidden">
      <label className="flex items-center gap-2 text-sm font-semibold">
        {props.label}
        <input
          type="search"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value.slice(0, 100))}
          placeholder={props.placeholder}
          maxLength={100}
          className="w-56 rounded-md border border-slate-300 px-2 py-1 font-normal"
        />
      </label>
      <span className="text-sm text-slate-600" aria-live="polite">
        {props.shown}
      </span>
    </div>
  );
}

/**
 * A column header that sorts the table when clicked, and says how it is sorted to screen
 * readers (aria-sort). Before JavaScript runs it is plain text.
 */
export function SortHeader<K extends string>(props: {
  column: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  interactive: boolean;
  sortLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const active = props.sort?.key === props.column ? props.sort.direction : undefined;
  return (
    <th scope="col" aria-sort={active} className={props.className}>
      {props.interactive ? (
        <button
          type="button"
          onClick={() => props.onSort(props.column)}
          title={props.sortLabel}
          className="inline-flex items-center gap-1 font-[inherit] hover:underline"
        >
          {props.children}
          <span aria-hidden className="text-xs text-slate-500">
            {active === "ascending" ? "▲" : active === "descending" ? "▼" : "↕"}
          </span>
        </button>
      ) : (
        props.children
      )}
    </th>
  );
}

/** The frame of a long table: scrolls inside itself so its header row stays in view; prints whole. */
export const LONG_TABLE_FRAME = "relative max-h-[75vh] overflow-auto print:max-h-none print:overflow-visible";
