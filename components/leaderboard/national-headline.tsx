import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";
import type { Leaderboard } from "@/lib/leaderboard/get-leaderboard";

/** The country at a glance, above the provinces' table: its value, target, percent and provinces done. */
export function NationalHeadline({
  national,
  locale,
}: {
  national: NonNullable<Leaderboard["national"]>;
  locale: Locale;
}) {
  const m = publicMessages(locale);
  const f = formatsFor(locale);
  const ratio = national.denominator !== null;
  const stats: { label: string; value: string; under?: string }[] = [
    {
      label: ratio ? m.numeratorOverDenominator : m.nationalValue,
      value: f.count(national.value),
      // A ratio's denominator goes on its own line: two large numbers side by side ran into the next card.
      under: ratio ? `/ ${f.count(national.denominator)}` : undefined,
    },
    ratio
      ? { label: m.ratio, value: f.percent(national.ratio) || "–" }
      : {
          label: m.nationalTarget,
          value: f.count(national.target) || m.noTarget,
          under: national.deadline ? m.dueBy(f.date(national.deadline)) : undefined,
        },
    ...(ratio ? [] : [{ label: m.nationalPercent, value: f.percent(national.percent) || "–" }]),
    { label: m.provincesDone, value: `${f.count(national.provincesDone)}/${f.count(national.provinces)}` },
  ];
  return (
    <section aria-label={m.nationalHeadline} className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {stats.map((s) => (
        <div key={s.label} className="min-w-0 rounded-lg border border-slate-200 p-3">
          <p className="text-sm text-slate-600">{s.label}</p>
          <p className="text-2xl font-bold tabular-nums [overflow-wrap:anywhere]">{s.value}</p>
          {s.under ? <p className="text-sm font-semibold tabular-nums text-slate-600">{s.under}</p> : null}
        </div>
      ))}
    </section>
  );
}

/** A scorecard's line above the table: the provinces' mean score, the leader, and how many reach the top band. */
export function ScorecardHeadline({ line, locale }: { line: NonNullable<Leaderboard["scorecard"]>; locale: Locale }) {
  const m = publicMessages(locale);
  const f = formatsFor(locale);
  const out = (n: number | null) => (n === null ? "–" : `${f.points(n)}/${f.points(line.maxScore)}`);
  const stats = [
    { label: m.scoreMean, value: out(line.mean), under: undefined },
    { label: m.scoreLeader, value: line.leader ? out(line.leader.score) : "–", under: line.leader?.name },
    {
      label: m.scoreInTopBand(
        line.topBand === null ? "–" : locale === "vi" ? `${f.points(line.topBand)} %` : `${f.points(line.topBand)}%`,
      ),
      value: `${f.count(line.inTopBand)}/${f.count(line.provinces)}`,
      under: undefined,
    },
  ];
  return (
    <section aria-label={m.nationalHeadline} className="mb-4 grid gap-3 sm:grid-cols-3">
      {stats.map((s) => (
        <div key={s.label} className="min-w-0 rounded-lg border border-slate-200 p-3">
          <p className="text-sm text-slate-600">{s.label}</p>
          <p className="text-2xl font-bold tabular-nums [overflow-wrap:anywhere]">{s.value}</p>
          {s.under ? <p className="text-lg font-semibold text-slate-600">{s.under}</p> : null}
        </div>
      ))}
    </section>
  );
}
