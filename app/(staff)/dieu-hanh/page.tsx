import type { Metadata } from "next";
import Link from "next/link";
import { LazyUnitTrendChart } from "@/components/charts/lazy-unit-trend-chart";
import { PngDownloadButton } from "@/components/download/png-download-button";
import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { RankingTable } from "@/components/leaderboard/ranking-table";
import { LateNotices } from "@/components/reporting/late-notices";
import { ReportingStatus } from "@/components/reporting/reporting-status";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { db } from "@/lib/db/client";
import { formatDateVi } from "@/lib/format/dates";
import { formatCount, formatPercent } from "@/lib/format/numbers";

export const metadata: Metadata = { title: "Điều hành – Đề án 06" };

type Props = { searchParams: Promise<{ unit?: string; indicator?: string; date?: string }> };

const vi = (iso: string | null) => (iso ? formatDateVi(new Date(`${iso}T00:00:00Z`)) : "");
const LEVEL_LABEL = { PROVINCE: "Tỉnh, thành phố", DISTRICT: "Quận, huyện", COMMUNE: "Xã, phường" } as const;

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActorForPage("/dieu-hanh", params);
  const d = await loadForPage(() => getDashboard(db(), actor, params));
  const keep = new URLSearchParams({ indicator: d.indicator.code, date: d.asOf }).toString();
  const h = d.headline;
  const late = h.forecastOn && h.deadline && h.forecastOn > h.deadline;
  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">
      <LateNotices actor={actor} />
      <header className="flex min-w-0 flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Điều hành – {d.scope.name}</h1>
          <p className="text-slate-600">
            {d.indicator.name}, tính đến {vi(d.asOf)}
            {d.scope.parentCode ? (
              <>
                {" · "}
                <Link href={`/dieu-hanh?unit=${d.scope.parentCode}&${keep}`} className="underline">
                  ↑ Cấp trên
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <form className="flex min-w-0 max-w-full flex-wrap items-end gap-2" action="/dieu-hanh">
          {d.scope.code ? <input type="hidden" name="unit" value={d.scope.code} /> : null}
          <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-semibold">
            Chỉ tiêu
            <select
              name="indicator"
              defaultValue={d.indicator.code}
              className="w-full max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-normal sm:w-auto"
            >
              <IndicatorOptions indicators={d.indicators} />
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Tính đến ngày
            <input
              type="date"
              name="date"
              defaultValue={d.asOf}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 font-normal"
            />
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white">
            Xem
          </button>
        </form>
      </header>

      <section aria-label="Số liệu chính" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label="Số liệu" value={formatCount(h.value) || "chưa có"} />
        <Stat
          label="Chỉ tiêu"
          value={formatCount(h.target) || "chưa giao"}
          note={h.deadline ? `hạn ${vi(h.deadline)}` : null}
        />
        <Stat
          label="Tỷ lệ hoàn thành"
          value={formatPercent(h.percent) || "–"}
          note={h.forecastOn ? `dự báo đạt ${vi(h.forecastOn)}${late ? " (sau hạn)" : ""}` : null}
          warn={Boolean(late)}
        />
        <Stat label="Đơn vị đã đạt" value={`${formatCount(h.childrenDone)}/${formatCount(h.childrenTotal)}`} />
        <Stat label="Đơn vị có nguy cơ trễ hạn" value={formatCount(h.atRisk)} warn={h.atRisk > 0} />
      </section>

      <section aria-labelledby="trend-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="trend-heading" className="mb-2 text-lg font-semibold">
          Diễn biến so với chỉ tiêu
        </h2>
        {d.points.length ? (
          <>
            <div id="trend-chart">
              <LazyUnitTrendChart
                points={d.points}
                target={h.target}
                forecast={d.forecast}
                label={`Biểu đồ ${d.indicator.name} của ${d.scope.name} theo thời gian, với dự báo đến hạn`}
              />
            </div>
            <p className="mt-1 text-sm">
              <PngDownloadButton
                target="trend-chart"
                fileName={`dien-bien-${d.scope.code ?? "toan-quoc"}-${d.indicator.code}-${d.asOf}.png`}
                label="Tải biểu đồ (PNG)"
              />
            </p>
            {d.forecast.length ? (
              <p className="mt-1 text-sm text-slate-600">
                Đường nét đứt: dự báo đến hạn {vi(h.deadline)} theo tốc độ 4 tuần gần nhất (
                {formatCount(d.forecast.at(-1)?.value ?? null)}).
              </p>
            ) : null}
          </>
        ) : (
          <p className="text-slate-600">Chưa có số liệu cho chỉ tiêu này. Số liệu xuất hiện ngay khi cấp dưới lưu.</p>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="risk-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="risk-heading" className="mb-2 text-lg font-semibold">
            Có nguy cơ trễ hạn ({formatCount(d.atRisk.length)})
          </h2>
          {d.atRisk.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {d.atRisk.map((u) => (
                <li key={u.code} className="flex flex-wrap justify-between gap-2 py-1">
                  <Link href={`/dieu-hanh?unit=${u.code}&${keep}`} className="underline">
                    {u.name}
                  </Link>
                  <span className="text-slate-700">
                    {formatPercent(u.percent)} · hạn {vi(u.deadline)} ·{" "}
                    {u.forecastOn ? `dự báo ${vi(u.forecastOn)}` : "không tiến triển 4 tuần qua"}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">Không đơn vị nào có nguy cơ trễ hạn theo tốc độ hiện tại.</p>
          )}
        </section>

        <ReportingStatus reporting={d.completeness} />
      </div>

      {d.childLevel && d.children.length > 0 ? (
        <section aria-labelledby="children-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="children-heading" className="mb-2 text-lg font-semibold">
            Xếp hạng {LEVEL_LABEL[d.childLevel].toLowerCase()}
          </h2>
          <RankingTable
            items={d.children}
            unitLabel={LEVEL_LABEL[d.childLevel]}
            childLabel={
              {
                COMMUNE: null,
                DISTRICT: "Xã xong",
                PROVINCE: d.asOf < "2025-07-01" ? "Huyện xong" : "Xã xong",
              }[d.childLevel]
            }
            linkQuery={keep}
          />
          <p className="mt-3 text-sm print:hidden">
            <a
              className="font-semibold text-brand-700 underline"
              href={`/api/v1/exports/weekly?${new URLSearchParams({ ...(d.scope.code ? { unit: d.scope.code } : {}), asOf: d.asOf })}`}
              download
            >
              Tải báo cáo tuần, mọi chỉ tiêu (Excel)
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
