import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";

/** The link to the same view in the other language, written in that language. */
export function LanguageSwitch({ href, locale }: { href: string; locale: Locale }) {
  const other = locale === "en" ? "vi" : "en";
  // The staff switch goes through /ngon-ngu, which sets a cookie: a full page load, never
  // fetched ahead or answered from the client router's cache.
  const Anchor = href.startsWith("/ngon-ngu") ? "a" : Link;
  return (
    <Anchor
      href={href}
      hrefLang={other}
      lang={other}
      aria-label={publicMessages(locale).switchLabel}
      className={buttonClass({ className: "text-sm font-semibold whitespace-nowrap print:hidden" })}
    >
      {publicMessages(locale).switchTo}
    </Anchor>
  );
}
