import { Button } from "@/components/ui/button";
import type { Period } from "@/lib/calendar/periods";
import type { Locale } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";
import { PeriodSelect } from "./period-select";

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
      <PeriodSelect periods={periods} picked={picked} locale={locale} />
      <Button type="submit" variant="primary">
        {m.show}
      </Button>
    </form>
  );
}
