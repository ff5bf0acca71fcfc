"use client";

import { useRouter } from "next/navigation";
import type { EntrySheet } from "@/lib/entry/get-entry-sheet";
import { formatIsoDateVi } from "@/lib/format";
import { useEntryWords } from "./entry-words";

/** The entry page's query for the sheet shown, with some parameters changed. */
export function entryQuery(sheet: EntrySheet, change: { week?: string; columns?: string }): URLSearchParams {
  const columns = change.columns ?? (sheet.columns === "ratios" ? "ratios" : undefined);
  return new URLSearchParams({
    ...(sheet.unit ? { unit: sheet.unit.code } : {}),
    week: change.week ?? sheet.week,
    ...(columns && columns !== "counts" ? { columns } : {}),
  });
}

/** Chooses the reporting week; asks first when typed figures would be lost. Works without JavaScript too. */
export function WeekPicker({ sheet, dirty }: { sheet: EntrySheet; dirty: boolean }) {
  const router = useRouter();
  const w = useEntryWords();
  return (
    <form className="flex items-end gap-2" action="/nhap-lieu">
      {sheet.unit ? <input type="hidden" name="unit" value={sheet.unit.code} /> : null}
      {sheet.columns === "ratios" ? <input type="hidden" name="columns" value="ratios" /> : null}
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {w.week}
        <select
          name="week"
          defaultValue={sheet.week}
          className="rounded border border-slate-400 px-2 py-1.5 font-normal"
          onChange={(e) => {
            if (!dirty || window.confirm(w.leaveWeek))
              router.push(`/nhap-lieu?${entryQuery(sheet, { week: e.target.value })}`);
          }}
        >
          {sheet.weeks.map((w) => (
            <option key={w} value={w}>
              {formatIsoDateVi(w)}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="rounded border px-2 py-1">
          {w.show}
        </button>
      </noscript>
    </form>
  );
}
