import type { Period, PeriodKind } from "@/lib/calendar/periods";
import type { Locale } from "@/lib/i18n/locale";
import { periodLabel } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";

const GROUPS: PeriodKind[] = ["month", "quarter", "half", "nine-months", "year"];

/** The official reporting period to rank (a plain form: it works without JavaScript). */
export function PeriodPicker({
  action,
  periods,
  picked,
  keep,
  locale,
}: {
  /** The page the form opens (it keeps its path). */
  action: string;
  periods: Period[];
  picked: string | null;
  /** The view's other choices, sent along with the period. */
  keep: Record<string, string>;
  locale: Locale;
}) {
  const m = publicMessages(locale);
  return (
    <form action={action} className="flex items-end gap-2">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {m.period}
        <select
          name="period"
          defaultValue={picked ?? ""}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 font-normal"
        >
          <option value="">{m.byDate}</option>
          {GROUPS.map((kind) => (
            <optgroup key={kind} label={m.periodGroups[kind]}>
              {periods
                .filter((p) => p.kind === kind)
                .map((p) => (
                  <option key={p.key} value={p.key}>
                    {periodLabel(p, locale)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white">
        {m.show}
      </button>
    </form>
  );
}
