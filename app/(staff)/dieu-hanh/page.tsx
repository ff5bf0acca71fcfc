import type { Metadata } from "next";
import Link from "next/link";
import { TrendSection } from "@/components/charts/trend-section";
import { RankingTable } from "@/components/leaderboard/ranking-table";
import { DashboardFilters } from "@/components/reporting/dashboard-filters";
import { FilterList } from "@/components/reporting/filter-list";
import { LateNotices } from "@/components/reporting/late-notices";
import { ReportingStatus } from "@/components/reporting/reporting-status";
import { WeekChangesSection } from "@/components/reporting/week-changes";
import { FormError } from "@/components/ui/notice";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { db } from "@/lib/db/client";
import { formatsFor } from "@/lib/i18n/locale";
import { periodLabel } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { describeRankChange } from "@/lib/rankings/rank-change-reasons";

export const metadata: Metadata = { title: "Điều hành – Đề án 06" };

type Props = {
  searchParams: Promise<{ unit?: string; indicator?: string; date?: string; period?: string; basis?: string }>;
};

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActorForPage("/dieu-hanh", params);
  const d = await loadForPage(() => getDashboard(db(), actor, params));
  const locale = await staffLocale();
  const t = staffMessages(locale);
  const f = formatsFor(locale);
  const indicatorName = (i: { name: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.name);
  const scopeName = d.scope.code ? d.scope.name : t.country;
  const keep = new URLSearchParams({
    indicator: d.indicator.code,
    date: d.asOf,
    ...(d.basis === "official" ? { basis: "official" } : {}),
  }).toString();
  const h = d.headline;
  const shown = h.measure === "ratio" ? f.percent : h.measure === "score" ? f.points : f.count;
  const late = h.forecastOn && h.deadline && h.forecastOn > h.deadline;
  const words = publicMessages(locale);
  const needed =
    h.neededPerWeek === null
      ? null
      : t.needed(
          h.measure === "count" ? f.count(h.neededPerWeek) : `${f.points(h.neededPerWeek)} ${words.pointsChange}`,
          h.trajectory ? words.trajectory(h.trajectory) : null,
        );
  const forecastNote = [h.forecastOn ? t.forecast(f.date(h.forecastOn), Boolean(late)) : null, needed]
    .filter(Boolean)
    .join(" · ");
  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-6" lang={locale}>
      <LateNotices actor={actor} locale={locale} />
      <FormError error={d.notice ? `${t.periodIgnored} ${d.notice}` : null} />
      <FormError error={d.badDate ? t.badDate(d.badDate) : null} />
      {d.ended ? (
        <p role="status" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {t.ended(d.ended.name, d.ended.type, f.date(d.ended.endedOn), f.date(d.ended.lastWeek), d.ended.own)}
        </p>
      ) : null}
      <header className="flex min-w-0 flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">
            {t.dashboard} – {scopeName}
          </h1>
          <p className="text-slate-600">
            {t.asOfLine(indicatorName(d.indicator), f.date(d.asOf))}
            {d.scope.parentCode ? (
              <>
                {" · "}
                <Link href={`/dieu-hanh?unit=${d.scope.parentCode}&${keep}`} className="underline">
                  {t.up}
                </Link>
              </>
            ) : null}
          </p>
          <p className="text-sm text-slate-600">{d.basis === "live" ? t.basisLiveNote : t.basisOfficialNote}</p>
        </div>
        <DashboardFilters
          unit={d.scope.code}
          indicators={d.indicators.map((i) => ({ code: i.code, name: indicatorName(i) }))}
          indicator={d.indicator.code}
          date={d.badDate ?? d.asOf}
          periods={d.periods}
          period={d.period?.key ?? null}
          basis={d.basis}
          locale={locale}
        />
      </header>
      {d.period ? (
        <p className="font-semibold text-slate-700">
          {publicMessages(locale).periodDates(
            periodLabel(d.period, locale),
            f.date(d.period.start),
            f.date(d.period.end),
          )}
        </p>
      ) : null}

      <section aria-label={t.headline} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t.value} value={shown(h.value) || t.none} />
        <Stat
          label={t.target}
          value={shown(h.target) || t.notAssigned}
          note={h.deadline ? t.deadline(f.date(h.deadline)) : null}
        />
        <Stat
          label={t.percent}
          value={f.percent(h.percent) || "–"}
          note={forecastNote || null}
          warn={Boolean(late) || h.trajectory === "off-track"}
        />
        <Stat label={t.done} value={`${f.count(h.childrenDone)}/${f.count(h.childrenTotal)}`} />
        <Stat label={t.atRiskCount} value={f.count(h.atRisk)} warn={h.atRisk > 0} />
      </section>
      {h.rankReason ? (
        <p className="text-sm text-slate-700">
          <span className="font-semibold">{t.rankReasonOf(scopeName, f.date(d.asOf))}</span>{" "}
          {describeRankChange(h.rankReason, locale, h.measure)}
        </p>
      ) : null}

      <TrendSection
        locale={locale}
        heading={t.trend}
        interactive
        chart={{
          points: d.points,
          target: h.target,
          forecast: d.forecast,
          label: t.trendLabel(indicatorName(d.indicator), scopeName),
          labels: { value: t.value, forecast: t.forecastWord, target: t.target, numberLocale: f.tag },
        }}
        fileName={`dien-bien-${d.scope.code ?? "toan-quoc"}-${d.indicator.code}-${d.asOf}.png`}
        downloadLabel={t.downloadChart}
        empty={t.noPoints}
      >
        {d.forecast.length ? (
          <p className="mt-1 text-sm text-slate-600">
            {t.forecastNote(f.date(h.deadline), f.count(d.forecast.at(-1)?.value ?? null))}
          </p>
        ) : null}
      </TrendSection>

      {d.childLevel ? (
        <WeekChangesSection changes={d.changes} measure={h.measure} linkQuery={keep} locale={locale} />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <ReportingStatus reporting={d.completeness} linkQuery={keep} locale={locale} />
        <section aria-labelledby="risk-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="risk-heading" className="mb-2 text-lg font-semibold">
            {t.atRisk(f.count(d.atRisk.length))}
          </h2>
          {d.atRisk.length ? (
            <FilterList
              label={t.riskList}
              showAll={t.showAllOf(f.count(d.atRisk.length))}
              filterLabel={t.filter}
              noMatch={t.noMatch}
              items={d.atRisk.map((u) => ({
                key: u.code,
                href: `/dieu-hanh?unit=${u.code}&${keep}`,
                name: u.name,
                note: [
                  t.riskLine(f.percent(u.percent), f.date(u.deadline), u.forecastOn ? f.date(u.forecastOn) : null),
                  u.neededPerWeek === null
                    ? null
                    : words.neededPerWeek(
                        u.ratio !== undefined
                          ? `${f.points(u.neededPerWeek)} ${words.pointsChange}`
                          : f.count(u.neededPerWeek),
                      ),
                ]
                  .filter(Boolean)
                  .join(" · "),
              }))}
            />
          ) : (
            <p className="text-slate-600">{t.noRisk}</p>
          )}
        </section>
        {d.currentWeek ? (
          <ReportingStatus
            reporting={d.currentWeek}
            linkQuery={keep}
            locale={locale}
            id="current-week"
            note={t.currentWeekNote}
          />
        ) : null}
      </div>

      {d.childLevel && d.children.length > 0 ? (
        <section aria-labelledby="children-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="children-heading" className="mb-2 text-lg font-semibold">
            {t.ranking(d.childLevel)}
          </h2>
          <RankingTable
            items={d.children}
            unitLabel={t.levelUnits[d.childLevel]}
            childLabel={
              {
                COMMUNE: null,
                DISTRICT: t.communesDone,
                PROVINCE: d.asOf < "2025-07-01" ? t.districtsDone : t.communesDone,
              }[d.childLevel]
            }
            linkQuery={keep}
            locale={locale}
            changeLabel={d.period ? publicMessages(locale).changeInPeriod : null}
            periodKind={d.period?.kind}
          />
          <p className="mt-3 text-sm print:hidden">
            <a
              className="font-semibold text-brand-700 underline"
              href={`/api/v1/exports/weekly?${new URLSearchParams({ ...(d.scope.code ? { unit: d.scope.code } : {}), ...(d.period ? { period: d.period.key } : { asOf: d.asOf }) })}`}
              download
            >
              {t.downloadWeekly}
            </a>
            {" · "}
            <a
              className="font-semibold text-brand-700 underline"
              href={`/api/v1/reports/weekly?${new URLSearchParams({ ...(d.scope.code ? { unit: d.scope.code } : {}), ...(d.period ? { period: d.period.key } : { week: d.asOf }) })}`}
              download
            >
              {t.downloadReport}
            </a>
          </p>
        </section>
      ) : null}
    </main>
  );
}

function Stat({ label, value, note, warn }: { label: string; value: string; note?: string | null; warn?: boolean }) {
  return (
    <div className={`rounded-lg border bg-white p-3 shadow-sm ${warn ? "border-red-300" : "border-slate-200"}`}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`text-2xl font-bold tabular-nums ${warn ? "text-red-800" : ""}`}>{value}</p>
      {note ? <p className={`text-sm ${warn ? "text-red-800" : "text-slate-600"}`}>{note}</p> : null}
    </div>
  );
}
