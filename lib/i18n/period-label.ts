import { MAX_PERIODS_AT_TOP, type Period, type PeriodKind } from "@/lib/calendar/periods";
import { formatsFor, type Locale } from "@/lib/i18n/locale";

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

/** A period as readers name it: "Tháng 5/2023", "Quý II/2023" / "May 2023", "Q2 2023". */
export function periodLabel(period: Pick<Period, "kind" | "key">, locale: Locale): string {
  const [, rest] = period.key.split(":") as [string, string];
  const year = rest.slice(0, 4);
  const en = locale === "en";
  switch (period.kind) {
    case "week":
      return en ? `Week ending ${formatsFor("en").date(rest)}` : `Tuần kết thúc ${formatsFor("vi").date(rest)}`;
    case "month": {
      const month = Number(rest.slice(5, 7));
      return en ? `${MONTHS_EN.format(new Date(Date.UTC(2000, month - 1, 1)))} ${year}` : `Tháng ${month}/${year}`;
    }
    case "quarter": {
      const n = Number(rest.slice(6));
      return en ? `Q${n} ${year}` : `Quý ${ROMAN[n - 1]}/${year}`;
    }
    case "half":
      return rest.endsWith("H1")
        ? en
          ? `First half of ${year}`
          : `6 tháng đầu năm ${year}`
        : en
          ? `Second half of ${year}`
          : `6 tháng cuối năm ${year}`;
    case "nine-months":
      return en ? `Nine months of ${year}` : `9 tháng năm ${year}`;
    default:
      return en ? `Year ${year}` : `Năm ${year}`;
  }
}

const RUN_UNITS: Record<PeriodKind, { vi: string; one: string; many: string }> = {
  week: { vi: "tuần", one: "week", many: "weeks" },
  month: { vi: "tháng", one: "month", many: "months" },
  quarter: { vi: "quý", one: "quarter", many: "quarters" },
  half: { vi: "kỳ 6 tháng", one: "half-year", many: "half-years" },
  "nine-months": { vi: "kỳ 9 tháng", one: "nine-month period", many: "nine-month periods" },
  year: { vi: "năm", one: "year", many: "years" },
};

/** A run of periods: "3 tuần", "≥ 52 tuần" at the limit looked back / "3 weeks". */
export function periodCount(count: number, kind: PeriodKind, locale: Locale): string {
  const n = count >= MAX_PERIODS_AT_TOP ? `≥ ${MAX_PERIODS_AT_TOP}` : String(count);
  const unit = RUN_UNITS[kind];
  return locale === "en" ? `${n} ${count === 1 ? unit.one : unit.many}` : `${n} ${unit.vi}`;
}
