import Link from "next/link";
import { ScrollTable } from "@/components/ui/table";
import { formatsFor, type Locale, withLocale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import type { EditionSummary } from "@/lib/publication/read-editions";

/** The editions, newest first, each linked to its public page. */
export function EditionTable({ editions, locale }: { editions: EditionSummary[]; locale: Locale }) {
  const p = pick(locale, PUBLICATION);
  const f = formatsFor(locale);
  if (!editions.length) return <p className="text-slate-700">{p.none}</p>;
  const columns = [
    { label: p.number, numeric: true },
    { label: p.weekEnding },
    { label: p.publishedAt },
    { label: p.corrections, numeric: true },
  ];
  return (
    <ScrollTable columns={columns}>
      {editions.map((e) => (
        <tr key={e.number} className="border-t border-slate-200">
          <td className="p-2 text-right tabular-nums">
            <Link
              href={`/ban-cong-bo/${e.number}${locale === "en" ? `?${withLocale({}, locale)}` : ""}`}
              className="font-semibold text-brand-700 underline"
            >
              {e.number}
            </Link>
          </td>
          <td className="p-2">{f.date(e.week)}</td>
          <td className="p-2">{p.moment(e.publishedAt)}</td>
          <td className="p-2 text-right tabular-nums">{f.count(e.corrections)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
