import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { PeriodSelect } from "@/components/leaderboard/period-select";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Select } from "@/components/ui/field";
import type { Period } from "@/lib/calendar/periods";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

/**
 * The dashboard's one form: indicator, date (dd/mm/yyyy) and reporting period, one "Xem"
 * button. A period, when picked, wins over the date (the view is then as of its end).
 */
export function DashboardFilters({
  unit,
  indicators,
  indicator,
  date,
  periods,
  period,
  basis,
  locale,
}: {
  unit: string | null;
  indicators: { code: string; name: string }[];
  indicator: string;
  /** YYYY-MM-DD, or what was typed when it could not be read. */
  date: string;
  periods: Period[];
  period: string | null;
  /** Every figure entered (live, the default for staff) or the approved ones the public sees. */
  basis: "live" | "official";
  locale: Locale;
}) {
  const t = staffMessages(locale);
  return (
    <form className="flex min-w-0 max-w-full flex-wrap items-end gap-2 text-sm" action="/dieu-hanh">
      {unit ? <input type="hidden" name="unit" value={unit} /> : null}
      <Select label={t.indicator} name="indicator" defaultValue={indicator}>
        <IndicatorOptions indicators={indicators} />
      </Select>
      <DateField label={t.asOf} name="date" defaultValue={date} />
      <PeriodSelect periods={periods} picked={period} locale={locale} />
      <Select label={t.basis} name="basis" defaultValue={basis}>
        <option value="live">{t.basisLive}</option>
        <option value="official">{t.basisOfficial}</option>
      </Select>
      <Button type="submit" variant="primary">
        {t.show}
      </Button>
    </form>
  );
}
