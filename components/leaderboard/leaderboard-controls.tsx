"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { Select } from "@/components/ui/field";

type Props = {
  indicators: { code: string; name: string }[];
  indicator: string;
  dates: string[];
  asOf: string | null;
  /** Words and date format of the page's language (plain values: this is a client component). */
  labels: { indicator: string; asOf: string; dateLocale: string };
};

/** Indicator and date pickers; every choice is written to the URL so a link reproduces the view. */
export function LeaderboardControls({ indicators, indicator, dates, asOf, labels }: Props) {
  const dateFormat = new Intl.DateTimeFormat(labels.dateLocale, {
    day: labels.dateLocale === "vi-VN" ? "2-digit" : "numeric",
    month: labels.dateLocale === "vi-VN" ? "2-digit" : "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const viDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [index, setIndex] = useState(Math.max(0, asOf ? dates.indexOf(asOf) : dates.length - 1));

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    // A date picked on the slider replaces a reporting period.
    if ("date" in changes) next.delete("period");
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  };
  const shown = dates[index];

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end" aria-busy={pending}>
      <Select label={labels.indicator} value={indicator} onChange={(e) => go({ indicator: e.target.value })}>
        <IndicatorOptions indicators={indicators} />
      </Select>
      {/* A slider, with the date it points at in its label: no field looks like it. */}
      {dates.length > 1 && shown && (
        <label className="flex flex-1 flex-col gap-1 text-sm font-semibold">
          <span>
            {labels.asOf} <output className="tabular-nums">{viDate(shown)}</output>
          </span>
          <input
            type="range"
            min={0}
            max={dates.length - 1}
            value={index}
            aria-valuetext={viDate(shown)}
            onChange={(e) => setIndex(Number(e.target.value))}
            onPointerUp={() => go({ date: shown })}
            onKeyUp={() => go({ date: shown })}
            className="accent-brand-700"
          />
          <span className="flex justify-between gap-4 text-xs font-normal text-slate-500">
            <span>{viDate(dates[0] as string)}</span>
            <span className="sr-only"> – </span>
            <span className="text-right">{viDate(dates.at(-1) as string)}</span>
          </span>
        </label>
      )}
    </div>
  );
}
