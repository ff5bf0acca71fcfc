import { headers } from "next/headers";
import Link from "next/link";
import { TrendChartSvg } from "@/components/charts/trend-chart-svg";
import { PngDownloadButton } from "@/components/download/png-download-button";
import { PublicLinks } from "@/components/i18n/public-links";
import { LeaderboardControls } from "@/components/leaderboard/leaderboard-controls";
import { NationalHeadline, ScorecardHeadline } from "@/components/leaderboard/national-headline";
import { PeriodPicker } from "@/components/leaderboard/period-picker";
import { RankingTable } from "@/components/leaderboard/ranking-table";
import { ProvinceMap } from "@/components/map/province-map";
import { TileMap } from "@/components/map/tile-map";
import { EditionNotice } from "@/components/publication/edition-notice";
import { PrintFooter } from "@/components/ui/print-footer";
import { publicReadDb } from "@/lib/db/public-read";
import { formatsFor, type Locale, parseLocale, withLocale } from "@/lib/i18n/locale";
import { periodLabel } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";
import { colourScale, NO_DATA_COLOUR, scaleLabels } from "@/lib/leaderboard/colour-scale";
import { getLeaderboard } from "@/lib/leaderboard/get-leaderboard";
import { shownPercent } from "@/lib/leaderboard/shown-figures";
import { getProvinceShapes } from "@/lib/map/province-shapes";
import { getEdition } from "@/lib/publication/read-editions";
import { listProvinces } from "@/lib/units/province-service";
import { parseStructure, type Structure, structureDate } from "@/lib/units/structures";

type Props = {
  searchParams: Promise<{ indicator?: string; date?: string; structure?: string; period?: string; lang?: string }>;
};

export default async function LeaderboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const structure = parseStructure(params.structure);
  const locale = parseLocale(params.lang);
  const m = publicMessages(locale);
  const f = formatsFor(locale);
  const nameOf = (i: { name: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.name);
  const reader = publicReadDb(await headers());
  const [board, before, after, shapes, edition] = await Promise.all([
    getLeaderboard(reader, { indicator: params.indicator, date: params.date, structure, period: params.period }),
    listProvinces(reader, structureDate("63")),
    listProvinces(reader, structureDate("34")),
    // Imported boundaries draw a geographic map; a fresh install has the tile map.
    getProvinceShapes(reader, structure),
    getEdition(reader, null),
  ]);
  // Maps colour ratios by their ratio and scorecards by their share of the maximum.
  const mapItems = board.items.map((item) => ({ ...item, percent: shownPercent(item) }));
  const linkQuery = withLocale({ indicator: board.indicator.code, date: board.asOf ?? "" }, locale).toString();
  const other = withLocale(
    Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== "lang" && typeof v === "string")) as Record<
      string,
      string
    >,
    locale === "en" ? "vi" : "en",
  );
  const when: Record<string, string> = board.period ? { period: board.period.key } : { asOf: board.asOf ?? "" };
  const csv = board.asOf
    ? `/api/v1/exports/ranking?${withLocale({ indicator: board.indicator.code, level: "province", ...when }, locale)}`
    : null;

  const scale = colourScale(board.bands);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8" lang={locale}>
      {board.asOf ? (
        <PrintFooter
          text={m.printFooter(nameOf(board.indicator), f.date(board.asOf))}
          pageWord={m.pageWord}
          ofWord={m.pageOf}
        />
      ) : null}
      <header className="mb-6">
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{m.brand}</p>
          <PublicLinks switchHref={`/?${other}`} locale={locale} />
        </div>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{m.title}</h1>
        <p className="mt-2 text-slate-600">{m.lead}</p>
      </header>

      {edition ? <EditionNotice edition={edition} locale={locale} /> : null}

      <section aria-labelledby="ranking-heading" className="mb-8 rounded-lg bg-white p-4 shadow-sm">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="ranking-heading" className="text-lg font-semibold">
            {nameOf(board.indicator)}
            {board.asOf && (
              <span className="font-normal text-slate-600">
                {" "}
                – {m.provincesAsOf(board.items.length, f.date(board.asOf))}
              </span>
            )}
          </h2>
          <StructureSwitch current={structure} indicator={board.indicator.code} locale={locale} />
        </div>
        <p className="mb-3 text-sm text-slate-700" data-testid="basis-line">
          {board.asOf ? m.approvedAsOf(f.date(board.asOf)) : m.approvedNone}
        </p>
        {board.indicator.retiredOn ? (
          <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            {m.indicatorRetired(f.date(board.indicator.retiredOn))}
          </p>
        ) : null}
        <div className="mb-4 flex flex-col gap-3 print:hidden lg:flex-row lg:items-end">
          <LeaderboardControls
            key={`${board.indicator.code}-${structure}-${board.asOf}-${board.period?.key}`}
            indicators={board.indicators.map((i) => ({ code: i.code, name: nameOf(i) }))}
            indicator={board.indicator.code}
            dates={board.period ? [] : board.dates}
            asOf={board.asOf}
            labels={{ indicator: m.indicator, asOf: m.asOf, dateLocale: f.tag }}
          />
          {board.periods.length ? (
            <PeriodPicker
              action="/"
              periods={board.periods}
              picked={board.period?.key ?? null}
              keep={{ indicator: board.indicator.code, structure, ...(locale === "en" ? { lang: "en" } : {}) }}
              locale={locale}
            />
          ) : null}
        </div>
        {board.period ? (
          <p className="mb-3 text-sm font-semibold text-slate-700">
            {m.periodDates(periodLabel(board.period, locale), f.date(board.period.start), f.date(board.period.end))}
          </p>
        ) : null}
        {board.national ? <NationalHeadline national={board.national} locale={locale} /> : null}
        {board.scorecard ? <ScorecardHeadline line={board.scorecard} locale={locale} /> : null}
        {board.items.length === 0 ? (
          <p className="text-slate-600">
            {m.noFigures(structure === "63")} {m.noFiguresWhen}
          </p>
        ) : (
          <>
            <RankingTable
              items={board.items}
              unitLabel={m.provinceUnits}
              childLabel={childrenLabel(structure, board.childrenThreshold, locale)}
              linkQuery={linkQuery}
              locale={locale}
              changeLabel={board.period ? m.changeInPeriod : null}
              periodKind={board.period?.kind}
              bands={board.bands}
              componentNames={board.componentNames}
              outlook={structure !== "63"}
            />
            {csv && (
              <p className="mt-3 text-sm print:hidden">
                <a className="font-semibold text-brand-700 underline" href={csv} download>
                  {m.downloadCsv}
                </a>
                {" · "}
                <a
                  className="font-semibold text-brand-700 underline"
                  href={`/api/v1/exports/weekly?${new URLSearchParams(when)}`}
                  download
                >
                  {board.period ? m.downloadExcelPeriod : m.downloadExcel}
                </a>
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="map-heading" className="mb-8 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="map-heading" className="mb-2 text-lg font-semibold">
          {m.mapHeading}
        </h2>
        <div id="map-figure">
          {shapes ? (
            <ProvinceMap
              shapes={shapes}
              provinces={structure === "63" ? before : after}
              items={mapItems}
              linkQuery={linkQuery}
              locale={locale}
              bands={board.bands}
            />
          ) : (
            <TileMap
              provinces={structure === "63" ? before : after}
              items={mapItems}
              structure={structure}
              linkQuery={linkQuery}
              locale={locale}
              bands={board.bands}
            />
          )}
        </div>
        <p className="mt-2 text-center text-sm">
          <PngDownloadButton
            target="map-figure"
            fileName={`ban-do-${board.indicator.code}-${board.asOf ?? "nay"}-${structure}-tinh.png`}
            label={m.downloadMap}
            locale={locale}
            frame={{
              title: `${nameOf(board.indicator)} – ${m.mapHeading}`,
              subtitle: board.asOf ? m.pictureWhen(m.provinceUnits, f.date(board.asOf)) : m.provinceUnits,
              legend: [
                ...scale.map((step, i) => ({ fill: step.fill, label: scaleLabels(scale, locale)[i] ?? "" })),
                { fill: NO_DATA_COLOUR.fill, label: m.noData },
              ],
              source: m.pictureSource,
            }}
          />
        </p>
      </section>

      {board.national && board.national.points.length > 1 ? (
        <section aria-labelledby="national-trend-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="national-trend-heading" className="mb-2 text-lg font-semibold">
            {m.nationalTrendHeading}
          </h2>
          <div id="national-trend">
            <TrendChartSvg
              points={board.national.points}
              target={board.national.target}
              label={m.nationalTrendLabel(nameOf(board.indicator))}
              labels={{ value: m.chartValue, forecast: m.chartForecast, target: m.chartTarget, numberLocale: f.tag }}
            />
          </div>
          <p className="mt-2 text-center text-sm">
            <PngDownloadButton
              target="national-trend"
              fileName={`ca-nuoc-${board.indicator.code}-${board.asOf ?? "nay"}.png`}
              label={m.downloadChart}
              locale={locale}
              frame={{
                title: m.nationalTrendLabel(nameOf(board.indicator)),
                subtitle: m.pictureWhen(m.nationalHeadline, f.date(board.asOf)),
                source: m.pictureSource,
              }}
            />
          </p>
        </section>
      ) : null}
    </main>
  );
}

/** Provinces' children: districts before the reorganisation, communes after; a scorecard counts those in its top band. */
function childrenLabel(structure: Structure, threshold: number | null, locale: Locale): string {
  const m = publicMessages(locale);
  if (threshold === null) return structure === "63" ? m.districtsDone : m.communesDone;
  const percent = formatsFor(locale).points(threshold);
  return structure === "63" ? m.districtsInTopBand(percent) : m.communesInTopBand(percent);
}

function StructureSwitch({ current, indicator, locale }: { current: Structure; indicator: string; locale: Locale }) {
  const m = publicMessages(locale);
  const options: { value: Structure; label: string }[] = [
    { value: "34", label: m.structure34 },
    { value: "63", label: m.structure63 },
  ];
  return (
    <nav aria-label={m.structureNav} className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm print:hidden">
      {options.map((o) => (
        <Link
          key={o.value}
          href={`/?${withLocale({ indicator, structure: o.value }, locale)}`}
          aria-current={o.value === current ? "page" : undefined}
          className={
            o.value === current
              ? "rounded bg-white px-3 py-1 font-semibold shadow-sm"
              : "rounded px-3 py-1 text-slate-700"
          }
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
