import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import type { CorrectionNotice } from "@/lib/publication/read-editions";

type Figure = CorrectionNotice["oldValue"];

/** The correction notices of an edition: unit, indicator, old → new, who and why. */
export function CorrectionList({
  notices,
  locale,
  limit,
}: {
  notices: CorrectionNotice[];
  locale: Locale;
  /** Show at most this many, then say how many more. */
  limit?: number;
}) {
  const p = pick(locale, PUBLICATION);
  const f = formatsFor(locale);
  const figure = (v: Figure) =>
    v === null ? "–" : v.denominator != null ? `${f.count(v.value)}/${f.count(v.denominator)}` : f.count(v.value);
  if (!notices.length) return <p className="text-sm text-slate-700">{p.noCorrections}</p>;
  const shown = limit === undefined ? notices : notices.slice(0, limit);
  return (
    <ul className="space-y-2 text-sm">
      {shown.map((n) => (
        <li
          key={`${n.unitCode}-${n.indicator}-${n.week}-${String(n.changedAt)}`}
          className="border-l-4 border-amber-400 pl-3"
        >
          <p>
            <span className="font-semibold">{n.unitName}</span> ({n.unitCode}) –{" "}
            {p.correctionOf(locale === "en" ? n.indicatorNameEn : n.indicatorName, f.date(n.week))}:{" "}
            <span className="tabular-nums">
              <del className="text-slate-600">{figure(n.oldValue)}</del> → <strong>{figure(n.newValue)}</strong>
            </span>
          </p>
          <p className="text-slate-700">{p.changedBy(n.changedBy, n.reason ?? p.noReason)}</p>
        </li>
      ))}
      {notices.length > shown.length ? (
        <li className="text-slate-700">{p.moreCorrections(notices.length - shown.length)}</li>
      ) : null}
    </ul>
  );
}
