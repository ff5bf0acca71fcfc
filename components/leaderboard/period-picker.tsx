import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
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
    <form action={action} className="flex items-end gap-2 text-sm">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
      <Button type="submit" variant="primary">
        {m.show}
      </Button>
    </form>
  );
}
