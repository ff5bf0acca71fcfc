"use client";

import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { StaffMessages } from "@/lib/i18n/staff-messages";

export type ComponentRow = { code: string; weight: string };

export const EMPTY_COMPONENTS: ComponentRow[] = [
  { code: "", weight: "" },
  { code: "", weight: "" },
];

/** A scorecard's components (indicator and points, rows added and removed) and its bands. */
export function ComponentsField({
  rows,
  onChange,
  options,
  bands,
  t,
}: {
  rows: ComponentRow[];
  onChange: (rows: ComponentRow[]) => void;
  options: { code: string; name: string }[];
  /** The bands field's first value, written as the label says ("80; 90"). */
  bands: string;
  t: StaffMessages["indicators"];
}) {
  const set = (i: number, change: Partial<ComponentRow>) =>
    onChange(rows.map((o, j) => (j === i ? { ...o, ...change } : o)));
  return (
    <fieldset className="min-w-0 space-y-2 sm:col-span-2 lg:col-span-4">
      <legend className="text-sm font-semibold">{t.components}</legend>
      {rows.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until a code is chosen
        <div key={i} className="flex flex-wrap items-end gap-2">
          <Select
            label={
              <span className="sr-only">
                {t.components} {i + 1}
              </span>
            }
            aria-label={`${t.components} ${i + 1}`}
            value={c.code}
            onChange={(e) => set(i, { code: e.target.value })}
            className="min-w-0 max-w-full"
          >
            <option value="">{t.pick}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} – {o.name}
              </option>
            ))}
          </Select>
          <Field
            label={t.weight}
            aria-label={`${t.weight} ${i + 1}`}
            inputMode="decimal"
            value={c.weight}
            required={Boolean(c.code)}
            onChange={(e) => set(i, { weight: e.target.value })}
            controlClassName="w-20 text-right"
          />
          {rows.length > 2 ? (
            <Button variant="remove" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t.removeComponent}
            </Button>
          ) : null}
        </div>
      ))}
      <Button variant="link" onClick={() => onChange([...rows, { code: "", weight: "" }])}>
        {t.addComponent}
      </Button>
      <Field label={t.bands} name="bands" defaultValue={bands} controlClassName="w-80" />
    </fieldset>
  );
}

/** "80; 90" as the label asks (a decimal comma is then allowed: "80,5; 90"), or "80, 90" typed out of habit. */
export function bandsOf(text: string): string[] {
  const parts = text.includes(";") ? text.split(";") : text.split(/,\s*|\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Bands as the field shows them: "80; 90". */
export function bandsText(bands: number[], decimal: (n: number) => string): string {
  return bands.map(decimal).join("; ");
}
