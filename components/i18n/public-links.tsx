import { type Locale, staffLanguageHref } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";
import { LanguageSwitch } from "./language-switch";

/**
 * The public pages' way in for staff and their language switch. The same for every visitor
 * (the pages are served from a shared cache), so it never depends on who is signed in.
 */
export function PublicLinks({ switchHref, locale }: { switchHref: string; locale: Locale }) {
  return (
    <span className="flex items-center gap-2 print:hidden">
      {/* In English it goes through /ngon-ngu, so the sign-in page and the staff pages after it
          open in English too; a plain link, as /ngon-ngu sets a cookie and must never be fetched ahead. */}
      <a
        href={locale === "en" ? staffLanguageHref("en", "/dang-nhap") : "/dang-nhap"}
        className="rounded px-2 py-1 text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
      >
        {publicMessages(locale).staffSignIn}
      </a>
      <LanguageSwitch href={switchHref} locale={locale} />
    </span>
  );
}
