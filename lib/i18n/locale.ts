import { formatDay, formatMoment, formatWeekday } from "@/lib/format/dates";

/**
 * The public pages speak Vietnamese by default and English with ?lang=en (kept in every link).
 * The staff pages keep the choice in a cookie set by /ngon-ngu (lib/i18n/staff-locale.ts).
 */
export type Locale = "vi" | "en";

export function parseLocale(value: unknown): Locale {
  return value === "en" ? "en" : "vi";
}

const TAG: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const counts = { vi: new Intl.NumberFormat("vi-VN"), en: new Intl.NumberFormat("en-GB") };
const percents = {
  vi: new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
const points = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** Numbers and dates as each language writes them: 1.234.567 / 98,60 % / 23/11/2026 or 1,234,567 / 98.60% / 23 Nov 2026. */
export function formatsFor(locale: Locale) {
  return {
    tag: TAG[locale],
    count: (n: number | null) => (n === null ? "" : counts[locale].format(n)),
    percent: (n: number | null) =>
      n === null ? "" : locale === "vi" ? `${percents.vi.format(n)} %` : `${percents.en.format(n)}%`,
    /** Points of a scorecard and changes of a ratio: 14,31 / 14.31. */
    points: (n: number | null) => (n === null ? "" : points[locale].format(n)),
    date: (iso: string | null) => (iso ? formatDay(iso, locale) : ""),
    /** The same date with its weekday: "Chủ nhật, 06/12/2026" / "Sunday, 6 Dec 2026". */
    weekday: (iso: string | null) => (iso ? formatWeekday(iso, locale) : ""),
    /** A moment (a save, a change), in Vietnam's time. */
    moment: (at: string | Date | null) => (at ? formatMoment(at, locale) : ""),
  };
}

/** Adds lang=en to a query when the page is in English; Vietnamese URLs stay as they were. */
export function withLocale(query: Record<string, string>, locale: Locale): URLSearchParams {
  const params = new URLSearchParams(query);
  if (locale === "en") params.set("lang", "en");
  return params;
}

/** The staff language switch: sets the staff pages' language, then opens `next`. */
export function staffLanguageHref(lang: Locale, next: string): string {
  return `/ngon-ngu?${new URLSearchParams({ lang, next })}`;
}
