import type { Metadata } from "next";
import { headers } from "next/headers";
import { EditionTable } from "@/components/publication/edition-table";
import { PublicFrame } from "@/components/publication/public-frame";
import { publicReadDb } from "@/lib/db/public-read";
import { parseLocale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import { listEditions } from "@/lib/publication/read-editions";

export const metadata: Metadata = { title: "Các bản công bố – Đề án 06" };

type Props = { searchParams: Promise<{ lang?: string }> };

/** Every published edition, newest first (the latest 500: one a week is ten years). */
export default async function EditionsPage({ searchParams }: Props) {
  const locale = parseLocale((await searchParams).lang);
  const p = pick(locale, PUBLICATION);
  const { items } = await listEditions(publicReadDb(await headers()), { limit: 500, offset: 0 });
  return (
    <PublicFrame
      locale={locale}
      switchHref={locale === "en" ? "/ban-cong-bo" : "/ban-cong-bo?lang=en"}
      title={p.listTitle}
    >
      <p className="mb-4 text-slate-700">{p.listLead}</p>
      <EditionTable editions={items} locale={locale} />
    </PublicFrame>
  );
}
