"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { matchesSearch } from "@/lib/format/search-key";

export type ListItem = { key: string; href: string; name: string; note: string; warn?: boolean };

/** Items listed before the rest fold away under "show all" (which opens without JavaScript). */
const SHOWN = 10;

/**
 * A ranked list of units: the first ten, the rest under "show all (N)", and a box that
 * narrows it by name (tone marks optional). Without JavaScript the box is not offered and
 * "show all" still opens the whole list.
 */
export function FilterList({
  items,
  label,
  showAll,
  filterLabel,
  noMatch,
}: {
  items: ListItem[];
  /** The list's accessible name. */
  label: string;
  showAll: string;
  filterLabel: string;
  noMatch: string;
}) {
  const [ready, setReady] = useState(false);
  const [query, setQuery] = useState("");
  useEffect(() => setReady(true), []);
  const row = (u: ListItem) => (
    <li key={u.key} className="flex flex-wrap justify-between gap-x-2 border-b border-slate-100 py-0.5">
      <Link href={u.href} className="underline">
        {u.name}
      </Link>
      <span className={`tabular-nums ${u.warn ? "text-red-800" : "text-slate-700"}`}>{u.note}</span>
    </li>
  );
  const matches = query.trim() ? items.filter((u) => matchesSearch(u.name, query)) : null;
  return (
    <div className="text-sm">
      {ready && items.length > SHOWN ? (
        <input
          type="search"
          aria-label={filterLabel}
          placeholder={filterLabel}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="mb-1 w-full max-w-xs rounded border border-slate-400 px-2 py-1"
        />
      ) : null}
      {matches ? (
        matches.length ? (
          <ul aria-label={label}>{matches.map(row)}</ul>
        ) : (
          <p className="text-slate-600">{noMatch}</p>
        )
      ) : (
        <>
          <ul aria-label={label}>{items.slice(0, SHOWN).map(row)}</ul>
          {items.length > SHOWN ? (
            <details>
              <summary className="cursor-pointer py-1 font-semibold text-brand-700 underline">{showAll}</summary>
              <ul aria-label={label}>{items.slice(SHOWN).map(row)}</ul>
            </details>
          ) : null}
        </>
      )}
    </div>
  );
}
