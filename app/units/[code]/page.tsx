import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrendSection } from "@/components/charts/trend-section";
import { PublicLinks } from "@/components/i18n/public-links";
import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { RankingTable } from "@/components/leaderboard/ranking-table";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { publicReadDb } from "@/lib/db/public-read";
import { env } from "@/lib/env";
import { formatsFor, parseLocale, withLocale } from "@/lib/i18n/locale";
import { type PublicMessages, publicMessages } from "@/lib/i18n/public-messages";
import { measureOfItems, shownFigure, shownPercent } from "@/lib/leaderboard/shown-figures";
import { getUnitProfile } from "@/lib/unit-profile/get-unit-profile";
import { levelOfCode } from "@/lib/units/codes";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ indicator?: string; date?: string; lang?: string }>;
};

const levelLabel = (m: PublicMessages) =>
  ({ PROVINCE: m.provinceUnits, DISTRICT: m.districtUnits, COMMUNE: m.communeUnits }) as const;

// A link to the page shared in a chat shows the unit's card (an absolute address is needed,
// so only where the product's public address is configured).
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const site = env().PUBLIC_URL;
  if (!site || !levelOfCode(code)) return {};
  const card = new URL(`/units/${code}/card.png`, site);
  for (const key of ["indicator", "date", "lang"] as const) {
    const value = query[key];
    if (typeof value === "string" && value.length <= 40) card.searchParams.set(key, value);
  }
  return { openGraph: { images: [{ url: card.toString(), width: 1200, height: 630 }] } };
}

export default async function UnitPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const profile = await getUnitProfile(publicReadDb(await headers()), code, {
    indicator: query.indicator,
    date: query.date,
  });
  if (!profile) notFound();
  const locale = parseLocale(query.lang);
  const m = publicMessages(locale);
  const f = formatsFor(locale);
  const vi = (iso: string) => f.date(iso);
  const { unit, standing } = profile;
  const measure = standing ? measureOfItems([standing.item]) : "count";
  // A ratio's target is a share.
  const share = measure === "ratio" ? f.percent : f.count;

  const indicator = { ...profile.indicator, name: locale === "en" ? profile.indicator.nameEn : profile.indicator.name };
  const keep = withLocale({ indicator: indicator.code, date: profile.asOf }, locale).toString();
  const other = withLocale({ indicator: indicator.code, date: profile.asOf }, locale === "en" ? "vi" : "en");
  const targetInForce = profile.targets.filter((t) => t.assignedOn <= profile.asOf).at(-1) ?? null;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8" lang={locale}>
      <div className="mb-2 flex justify-end">
        <PublicLinks switchHref={`/units/${unit.code}?${other}`} locale={locale} />
      </div>
      <nav aria-label={m.breadcrumbs} className="mb-4 text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href={`/?${withLocale({ indicator: indicator.code }, locale)}`} className="hover:underline">
              {m.country}
            </Link>
          </li>
          {profile.ancestors.map((a) => (
            <li key={a.code}>
              <span aria-hidden>› </span>
              <Link href={`/units/${a.code}?${keep}`} className="hover:underline">
                {a.type} {a.name}
              </Link>
            </li>
          ))}
          <li aria-current="page">
            <span aria-hidden>› </span>
            {unit.type} {unit.name}
          </li>
        </ol>
      </nav>

      <header className="mb-6">
        <h1 className="text-2xl font-bold sm:text-3xl">
          {unit.type} {unit.name}{" "}
          <span className="text-base font-normal text-slate-500">
            {m.codeWord} {unit.code}
          </span>
        </h1>
        <p className="mt-1 text-slate-600">
          {m.validFrom(vi(unit.validFrom), unit.validTo ? vi(unit.validTo) : null)} · {indicator.name},{" "}
          {m.asOfShort(vi(profile.asOf))}
        </p>
        <p className="mt-1 text-sm text-slate-700" data-testid="basis-line">
          {m.approvedAsOf(vi(profile.asOf))}
        </p>
        <form className="mt-3 flex flex-wrap items-end gap-2 text-sm" action={`/units/${unit.code}`}>
          <Select label={m.indicator} name="indicator" defaultValue={indicator.code}>
            <IndicatorOptions
              indicators={profile.indicators.map((i) => ({ code: i.code, name: locale === "en" ? i.nameEn : i.name }))}
            />
          </Select>
          <input type="hidden" name="date" value={profile.asOf} />
          {locale === "en" ? <input type="hidden" name="lang" value="en" /> : null}
          <Button type="submit" variant="primary">
            {m.show}
          </Button>
        </form>
      </header>

      <Reorganisation profile={profile} keep={keep} m={m} date={vi} />

      <section aria-labelledby="standing-heading" className="mb-6 grid gap-4 sm:grid-cols-4">
        <h2 id="standing-heading" className="sr-only">
          {m.results}
        </h2>
        <Stat label={m.value} value={(standing && shownFigure(standing.item, f)) || m.none} />
        <Stat label={m.target} value={share(targetInForce?.value ?? null) || m.noTarget} />
        <Stat label={m.percent} value={f.percent(standing ? shownPercent(standing.item) : null) || "–"} />
        <Stat
          label={profile.ancestors.length ? m.rankIn(profile.ancestors.at(-1)?.name ?? "") : m.rankNational}
          value={standing?.item.rank ? `${standing.item.rank}/${standing.of}` : "–"}
        />
      </section>

      <p className="-mt-3 mb-6 text-sm print:hidden">
        <a className="font-semibold text-brand-700 underline" href={`/units/${unit.code}/card.png?${keep}`}>
          {m.shareCard}
        </a>{" "}
        <span className="text-slate-600">{m.shareCardHint}</span>
      </p>

      <TrendSection
        locale={locale}
        heading={m.trendHeading}
        className="mb-6"
        chart={{
          points: profile.points,
          target: targetInForce?.value ?? null,
          label: m.trendLabel(indicator.name, unit.name),
          labels: { value: m.chartValue, forecast: m.chartForecast, target: m.chartTarget, numberLocale: f.tag },
        }}
        fileName={`dien-bien-${unit.code}-${indicator.code}-${profile.asOf}.png`}
        frame={{
          title: m.trendLabel(indicator.name, unit.name),
          subtitle: m.pictureWhen(`${unit.type} ${unit.name}`, f.date(profile.asOf)),
          source: m.pictureSource,
        }}
        downloadLabel={m.downloadChart}
        empty={m.noFiguresShort}
      />

      {profile.childLevel && profile.children.length > 0 && (
        <section aria-labelledby="children-heading" className="mb-6 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="children-heading" className="mb-2 text-lg font-semibold">
            {m.childrenRanked(levelLabel(m)[profile.childLevel])}
          </h2>
          <RankingTable
            items={profile.children}
            unitLabel={levelLabel(m)[profile.childLevel]}
            childLabel={profile.childLevel === "DISTRICT" ? m.communesDone : null}
            linkQuery={keep}
            locale={locale}
            bands={profile.bands}
            componentNames={profile.componentNames}
            outlook={!unit.validTo}
          />
          <p className="mt-3 text-sm print:hidden">
            <a
              className="font-semibold text-brand-700 underline"
              href={`/api/v1/exports/weekly?${new URLSearchParams({ unit: unit.code, asOf: profile.asOf })}`}
              download
            >
              {m.downloadChildrenExcel}
            </a>
          </p>
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <ListSection id="targets-heading" title={m.targetsHeading} empty={m.noTargetYet} listClassName="space-y-2">
          {profile.targets.map((t) => (
            <li key={t.assignedOn}>
              <span className="font-semibold tabular-nums">{share(t.value)}</span>,{" "}
              {m.targetLine(vi(t.deadline), t.directive, vi(t.assignedOn))}
            </li>
          ))}
        </ListSection>
        <ListSection
          id="reports-heading"
          title={m.reportsHeading}
          empty={m.noOwnReports}
          listClassName="space-y-1 tabular-nums"
        >
          {profile.reports.map((r) => (
            <li key={r.asOf}>
              {vi(r.asOf)}: {f.count(r.value)}
              {r.denominator === null ? "" : `/${f.count(r.denominator)}`}{" "}
              <span className="text-slate-500">({r.source})</span>
            </li>
          ))}
        </ListSection>
      </div>
    </main>
  );
}

/** A card with a heading and a list, or a sentence saying the list is empty. */
function ListSection(props: {
  id: string;
  title: string;
  empty: string;
  listClassName: string;
  children: React.ReactNode[];
}) {
  return (
    <section aria-labelledby={props.id} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id={props.id} className="mb-2 text-lg font-semibold">
        {props.title}
      </h2>
      {props.children.length ? (
        <ul className={`text-sm ${props.listClassName}`}>{props.children}</ul>
      ) : (
        <p className="text-sm text-slate-600">{props.empty}</p>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-xl font-bold tabular-nums">{value}</p>
    </div>
  );
}

function Reorganisation({
  profile,
  keep,
  m,
  date,
}: {
  profile: NonNullable<Awaited<ReturnType<typeof getUnitProfile>>>;
  keep: string;
  m: PublicMessages;
  date: (iso: string) => string;
}) {
  const list = (units: typeof profile.successors) =>
    units.map((u, i) => (
      <span key={u.code}>
        {i > 0 && ", "}
        <Link
          href={`/units/${u.code}?${keep.replace(/date=[^&]*/, `date=${u.validFrom}`)}`}
          className="font-semibold underline"
        >
          {u.type} {u.name}
        </Link>
        {/* The same code before and after 2025 names two periods of one place: say which. */}
        {u.code === profile.unit.code && u.validTo ? ` ${m.until(date(u.validTo))}` : ""}
        {u.partial && m.partial}
      </span>
    ));
  if (!profile.successors.length && !profile.predecessors.length) return null;
  return (
    <aside className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
      {profile.successors.length > 0 && (
        <p>
          {m.becameAfter(profile.unit.validTo ? date(profile.unit.validTo) : "")} {list(profile.successors)}.
        </p>
      )}
      {profile.predecessors.length > 0 && (
        <p>
          {m.formedFrom} {list(profile.predecessors)}.
        </p>
      )}
    </aside>
  );
}
