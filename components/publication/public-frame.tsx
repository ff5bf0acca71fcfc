import Link from "next/link";
import type { ReactNode } from "react";
import { PublicLinks } from "@/components/i18n/public-links";
import type { Locale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import { publicMessages } from "@/lib/i18n/public-messages";

/** The public edition pages' frame: the brand, the way back to the board, the language switch. */
export function PublicFrame(props: { locale: Locale; switchHref: string; title: string; children: ReactNode }) {
  const { locale } = props;
  const m = publicMessages(locale);
  const p = pick(locale, PUBLICATION);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8" lang={locale}>
      <header className="mb-6">
        <div className="flex items-center justify-between gap-3">
          <Link
            href={locale === "en" ? "/?lang=en" : "/"}
            className="text-sm font-semibold uppercase tracking-wide text-brand-700"
          >
            {m.brand}
          </Link>
          <PublicLinks switchHref={props.switchHref} locale={locale} />
        </div>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{props.title}</h1>
        <p className="mt-2 text-sm">
          <Link href={locale === "en" ? "/?lang=en" : "/"} className="font-semibold text-brand-700 underline">
            {p.backToBoard}
          </Link>
        </p>
      </header>
      {props.children}
    </main>
  );
}
