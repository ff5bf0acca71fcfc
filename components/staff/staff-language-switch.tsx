"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { type Locale, staffLanguageHref } from "@/lib/i18n/locale";

/** The staff pages' language switch: the public pages' switch, through /ngon-ngu and back to this very view. */
export function StaffLanguageSwitch({ locale }: { locale: Locale }) {
  const path = usePathname();
  const query = useSearchParams().toString();
  const next = query ? `${path}?${query}` : path;
  return <LanguageSwitch href={staffLanguageHref(locale === "en" ? "vi" : "en", next)} locale={locale} />;
}
