import Link from "next/link";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import type { Edition } from "@/lib/publication/read-editions";
import { CorrectionList } from "./correction-list";

/** The leaderboard's line naming the latest published edition, with its corrections. */
export function EditionNotice({ edition, locale }: { edition: Edition; locale: Locale }) {
  const p = pick(locale, PUBLICATION);
  const f = formatsFor(locale);
  const lang = locale === "en" ? "?lang=en" : "";
  return (
    <section
      aria-labelledby="edition-heading"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="edition-heading" className="text-base font-semibold">
          <Link href={`/ban-cong-bo/${edition.number}${lang}`} className="text-brand-700 underline">
            {p.editionName(edition.number, edition.publishedAt)}
          </Link>
        </h2>
        <Link href={`/ban-cong-bo${lang}`} className="text-sm font-semibold text-brand-700 underline">
          {p.allEditions}
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {p.weekOf(f.date(edition.week))} · {p.correctionCount(edition.notices.length)}
      </p>
      {edition.notices.length ? (
        <div className="mt-3">
          <h3 className="mb-1 text-sm font-semibold">{p.corrections}</h3>
          <CorrectionList notices={edition.notices} locale={locale} limit={5} />
        </div>
      ) : null}
    </section>
  );
}
