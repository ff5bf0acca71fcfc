import type { Locale } from "./locale";

const rules = { vi: new Intl.PluralRules("vi"), en: new Intl.PluralRules("en") };

/**
 * The form of a counted word for `n` by the language's own plural rules (Intl.PluralRules):
 * English "1 day" / "2 days"; Vietnamese has one form ("1 ngày", "2 ngày").
 */
export function plural(locale: Locale, n: number, forms: { one: string; other: string }): string {
  return rules[locale].select(n) === "one" ? forms.one : forms.other;
}

/** The English form of a word counted `n` times (`many(n, "figure", "figures")`); Vietnamese words keep one form. */
export function many(n: number, one: string, other: string): string {
  return plural("en", n, { one, other });
}
