import { Select } from "@/components/ui/field";
import type { Period, PeriodKind } from "@/lib/calendar/periods";
import type { Locale } from "@/lib/i18n/locale";
import { periodLabel } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";

const GROUPS: PeriodKind[] = ["month", "quarter", "half", "nine-months", "year"];

/** The official reporting periods to pick from, grouped by kind, with "by reporting date" first. */
export function PeriodSelect({
  periods,
  picked,
  locale,
}: {
  periods: Period[];
  picked: string | null;
  locale: Locale;
}) {
  const m = publicMessages(locale);
  return (
    <Select label={m.period} name="period" defaultValue={picked ?? ""}>
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
    </Select>
  );
}
