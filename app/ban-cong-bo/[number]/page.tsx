import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CorrectionList } from "@/components/publication/correction-list";
import { EditionRankingTable } from "@/components/publication/edition-ranking-table";
import { PublicFrame } from "@/components/publication/public-frame";
import { publicReadDb } from "@/lib/db/public-read";
import { formatsFor, parseLocale, withLocale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import { listIndicators } from "@/lib/indicators/indicators";
import { getEdition, publishedProvinces } from "@/lib/publication/read-editions";

export const metadata: Metadata = { title: "Bản công bố – Đề án 06" };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ indicator?: string; lang?: string }> };

/** One edition: its name, its corrections, and its provinces' ranking per indicator as published, with the CSV. */
export default async function EditionPage({ params, searchParams }: Props) {
  const [{ number: text }, query] = await Promise.all([params, searchParams]);
  const number = /^\d{1,9}$/.test(text) ? Number(text) : null;
  const reader = publicReadDb(await headers());
  const edition = number ? await getEdition(reader, number) : null;
  if (!number || !edition) notFound();
  const locale = parseLocale(query.lang);
  const p = pick(locale, PUBLICATION);
  const f = formatsFor(locale);
  const [{ indicators, ranking }, names] = await Promise.all([
    publishedProvinces(reader, number, query.indicator),
    listIndicators(reader, { retired: true }),
  ]);
  const nameOf = (code: string) => {
    const found = names.find((n) => n.code === code);
    return found ? (locale === "en" ? found.nameEn : found.nameVi) : code;
  };
  const here = (extra: Record<string, string>) => `/ban-cong-bo/${number}?${withLocale(extra, locale)}`;
  const csv = ranking
    ? `/api/v1/publications/${number}/export?${withLocale({ indicator: ranking.indicator, level: "province" }, locale)}`
    : null;
  const other = `/ban-cong-bo/${number}?${withLocale(
    ranking ? { indicator: ranking.indicator } : {},
    locale === "en" ? "vi" : "en",
  )}`;
  return (
    <PublicFrame locale={locale} switchHref={other} title={p.editionName(edition.number, edition.publishedAt)}>
      <p className="mb-4 text-slate-700">{p.weekOf(f.date(edition.week))}</p>
      <section aria-labelledby="corrections-heading" className="mb-6 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="corrections-heading" className="mb-2 text-lg font-semibold">
          {p.corrections}
        </h2>
        <CorrectionList notices={edition.notices} locale={locale} />
      </section>
      <section aria-labelledby="ranking-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="ranking-heading" className="text-lg font-semibold">
          {p.provinces}
          {ranking ? ` – ${nameOf(ranking.indicator)}` : ""}
        </h2>
        <nav aria-label={p.indicatorChoice} className="my-3 flex flex-wrap gap-2 text-sm">
          {indicators.map((code) => (
            <Link
              key={code}
              href={here({ indicator: code })}
              aria-current={code === ranking?.indicator ? "page" : undefined}
              className={`rounded border px-2 py-1 ${code === ranking?.indicator ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 hover:bg-slate-50"}`}
            >
              {nameOf(code)}
            </Link>
          ))}
        </nav>
        {ranking ? <EditionRankingTable items={ranking.items} locale={locale} /> : null}
        {csv ? (
          <p className="mt-3 text-sm">
            <a href={csv} className="font-semibold text-brand-700 underline" download>
              {p.download}
            </a>
          </p>
        ) : null}
      </section>
    </PublicFrame>
  );
}
