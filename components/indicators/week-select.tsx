import { Select } from "@/components/ui/field";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import type { StaffMessages } from "@/lib/i18n/staff-messages";

/** "Áp dụng từ tuần …": the reporting week (its Sunday) from which entry forms ask for an indicator. */
export function WeekSelect({
  weeks,
  defaultValue,
  t,
  className,
  always,
  locale,
}: {
  weeks: string[];
  /** Offer "every week" (an indicator entered from the start), as its edit must. */
  always?: boolean;
  defaultValue?: string;
  t: StaffMessages["indicators"];
  className?: string;
  locale: Locale;
}) {
  return (
    <Select
      label={t.enteredFrom}
      name="enteredFrom"
      defaultValue={defaultValue}
      hint={t.enteredFromHint}
      className={className}
    >
      {always ? <option value="">{t.everyWeek}</option> : null}
      {weeks.map((w, i) => (
        <option key={w} value={w}>
          {t.weekOption(formatsFor(locale).date(w), i === 1)}
        </option>
      ))}
    </Select>
  );
}
