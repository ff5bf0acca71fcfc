import Link from "next/link";
import { notFound } from "next/navigation";
import { LazyUnitTrendChart } from "@/components/charts/lazy-unit-trend-chart";
import { PngDownloadButton } from "@/components/download/png-download-button";
import { RankingTable } from "@/components/leaderboard/ranking-table";
import { formatDateVi } from "@/lib/format/dates";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import { getUnitProfile } from "@/lib/units/get-unit-profile";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ indicator?: string; date?: string }>;
};

const vi = (iso: string) => formatDateVi(new Date(`${iso}T00:00:00Z`));
const LEVEL_LABEL = { PROVINCE: "Tỉnh, thành phố", DISTRICT: "Quận, huyện", COMMUNE: "Xã, phường" } as const;

export default async function UnitPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const profile = await getUnitProfile(code, query);
  if (!profile) notFound();
  const { unit, standing, indicator } = profile;
  const keep = new URLSearchParams({ indicator: indicator.code, date: profile.asOf }).toString();
  const targetInForce = profile.targets.filter((t) => t.assignedOn <= profile.asOf).at(-1) ?? null;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Đường dẫn" className="mb-4 text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href={`/?indicator=${indicator.code}`} className="hover:underline">
              Toàn quốc
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
          {unit.type} {unit.name} <span className="text-base font-normal text-slate-500">mã {unit.code}</span>
        </h1>
        <p className="mt-1 text-slate-600">
          Hiệu lực từ {vi(unit.validFrom)}
          {unit.validTo ? ` đến ${vi(unit.validTo)}` : ""} · {indicator.name}, tính đến {vi(profile.asOf)}
        </p>
        <form className="mt-3 flex flex-wrap items-end gap-2" action={`/units/${unit.code}`}>
          <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-semibold">
            Chỉ tiêu
            <select
              name="indicator"
              defaultValue={indicator.code}
              className="max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-normal"
            >
              {profile.indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="date" value={profile.asOf} />
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white">
            Xem
          </button>
        </form>
      </header>

      <Reorganisation profile={profile} keep={keep} />

      <section aria-labelledby="standing-heading" className="mb-6 grid gap-4 sm:grid-cols-4">
        <h2 id="standing-heading" className="sr-only">
          Kết quả
        </h2>
        <Stat label="Số liệu" value={formatCount(standing?.item.value ?? null) || "chưa có"} />
        <Stat label="Chỉ tiêu" value={formatCount(targetInForce?.value ?? null) || "chưa giao"} />
        <Stat label="Tỷ lệ" value={formatPercent(standing?.item.percent ?? null) || "–"} />
        <Stat
          label={profile.ancestors.length ? `Xếp hạng trong ${profile.ancestors.at(-1)?.name}` : "Xếp hạng toàn quốc"}
          value={standing?.item.rank ? `${standing.item.rank}/${standing.of}` : "–"}
        />
      </section>

      <section aria-labelledby="trend-heading" className="mb-6 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="trend-heading" className="mb-2 text-lg font-semibold">
          Diễn biến so với chỉ tiêu
        </h2>
        {profile.points.length ? (
          <>
            <div id="trend-chart">
              <LazyUnitTrendChart
                points={profile.points}
                target={targetInForce?.value ?? null}
                label={`Biểu đồ ${indicator.name} của ${unit.name} theo thời gian`}
              />
            </div>
            <p className="mt-1 text-sm">
              <PngDownloadButton
                target="trend-chart"
                fileName={`dien-bien-${unit.code}-${indicator.code}-${profile.asOf}.png`}
                label="Tải biểu đồ (PNG)"
              />
            </p>
          </>
        ) : (
          <p className="text-slate-600">Chưa có số liệu cho chỉ tiêu này.</p>
        )}
      </section>

      {profile.childLevel && profile.children.length > 0 && (
        <section aria-labelledby="children-heading" className="mb-6 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="children-heading" className="mb-2 text-lg font-semibold">
            Xếp hạng {LEVEL_LABEL[profile.childLevel].toLowerCase()} trực thuộc
          </h2>
          <RankingTable
            items={profile.children}
            unitLabel={LEVEL_LABEL[profile.childLevel]}
            childLabel={profile.childLevel === "DISTRICT" ? "Xã" : null}
            linkQuery={keep}
          />
          <p className="mt-3 text-sm print:hidden">
            <a
              className="font-semibold text-brand-700 underline"
              href={`/api/v1/exports/weekly?${new URLSearchParams({ unit: unit.code, asOf: profile.asOf })}`}
              download
            >
              Tải báo cáo tuần của các đơn vị trực thuộc (Excel)
            </a>
          </p>
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="targets-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="targets-heading" className="mb-2 text-lg font-semibold">
            Chỉ tiêu được giao
          </h2>
          {profile.targets.length ? (
            <ul className="space-y-2 text-sm">
              {profile.targets.map((t) => (
                <li key={t.assignedOn}>
                  <span className="font-semibold tabular-nums">{formatCount(t.value)}</span>, hạn {vi(t.deadline)} —{" "}
                  {t.directive} (giao ngày {vi(t.assignedOn)})
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Chưa được giao chỉ tiêu này.</p>
          )}
        </section>
        <section aria-labelledby="reports-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="reports-heading" className="mb-2 text-lg font-semibold">
            Số liệu đơn vị tự báo cáo gần đây
          </h2>
          {profile.reports.length ? (
            <ul className="space-y-1 text-sm tabular-nums">
              {profile.reports.map((r) => (
                <li key={r.asOf}>
                  {vi(r.asOf)}: {formatCount(r.value)} <span className="text-slate-500">({r.source})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">
              Đơn vị không tự báo cáo; số liệu là tổng của các đơn vị trực thuộc.
            </p>
          )}
        </section>
      </div>
    </main>
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
}: {
  profile: NonNullable<Awaited<ReturnType<typeof getUnitProfile>>>;
  keep: string;
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
        {u.partial && " (một phần)"}
      </span>
    ));
  if (!profile.successors.length && !profile.predecessors.length) return null;
  return (
    <aside className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
      {profile.successors.length > 0 && (
        <p>
          Sau ngày {profile.unit.validTo && vi(profile.unit.validTo)}, đơn vị này được sắp xếp vào:{" "}
          {list(profile.successors)}.
        </p>
      )}
      {profile.predecessors.length > 0 && <p>Đơn vị được hình thành từ: {list(profile.predecessors)}.</p>}
    </aside>
  );
}
