"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { EntrySheet } from "@/lib/entry/get-entry-sheet";
import { formatsFor } from "@/lib/i18n/locale";
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
    <form className="flex items-end gap-2 text-sm" action="/nhap-lieu">
      {sheet.unit ? <input type="hidden" name="unit" value={sheet.unit.code} /> : null}
      {sheet.columns === "ratios" ? <input type="hidden" name="columns" value="ratios" /> : null}
      <Select
        label={w.week}
        name="week"
        defaultValue={sheet.week}
        onChange={(e) => {
          if (!dirty || window.confirm(w.leaveWeek))
            router.push(`/nhap-lieu?${entryQuery(sheet, { week: e.target.value })}`);
        }}
      >
        {sheet.weeks.map((week) => (
          <option key={week} value={week}>
            {formatsFor(w.locale).date(week)}
          </option>
        ))}
      </Select>
      <noscript>
        <Button type="submit">{w.show}</Button>
      </noscript>
    </form>
  );
}
