import Link from "next/link";
import { LazyProvinceStructureChart } from "@/components/charts/lazy-province-structure-chart";
import type { StructureCount } from "@/components/charts/province-structure-chart";
import { PngDownloadButton } from "@/components/download/png-download-button";
import { LeaderboardControls } from "@/components/leaderboard/leaderboard-controls";
import { RankingTable } from "@/components/leaderboard/ranking-table";
import { ProvinceMap } from "@/components/map/province-map";
import { TileMap } from "@/components/map/tile-map";
import { formatDateVi } from "@/lib/format/dates";
import { getLeaderboard } from "@/lib/leaderboard/get-leaderboard";
import { getProvinceShapes } from "@/lib/map/province-shapes";
import { listProvinces, type ProvinceRow } from "@/lib/units/province-service";
import { parseStructure, type Structure, structureDate } from "@/lib/units/structures";

type Props = { searchParams: Promise<{ indicator?: string; date?: string; structure?: string }> };

export default async function LeaderboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const structure = parseStructure(params.structure);
  const [board, before, after, shapes] = await Promise.all([
    getLeaderboard({ indicator: params.indicator, date: params.date, structure }),
    listProvinces(structureDate("63")),
    listProvinces(structureDate("34")),
    // Imported boundaries draw a geographic map; a fresh install has the tile map.
    getProvinceShapes(structure),
  ]);
  const linkQuery = new URLSearchParams({ indicator: board.indicator.code, date: board.asOf ?? "" }).toString();
  const csv = board.asOf
    ? `/api/v1/rankings?${new URLSearchParams({ indicator: board.indicator.code, level: "province", asOf: board.asOf, format: "csv" })}`
    : null;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Đề án 06</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">
          Tiến độ cấp căn cước công dân gắn chip và định danh điện tử
        </h1>
        <p className="mt-2 text-slate-600">
          Xếp hạng các tỉnh, thành phố theo tỷ lệ hoàn thành chỉ tiêu, từ số liệu công an các cấp báo cáo hằng tuần.
        </p>
      </header>

      <section aria-labelledby="ranking-heading" className="mb-8 rounded-lg bg-white p-4 shadow-sm">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="ranking-heading" className="text-lg font-semibold">
            {board.indicator.name}
            {board.asOf && (
              <span className="font-normal text-slate-600">
                {" "}
                – {board.items.length} tỉnh, thành phố, tính đến {formatDateVi(new Date(`${board.asOf}T00:00:00Z`))}
              </span>
            )}
          </h2>
          <StructureSwitch current={structure} indicator={board.indicator.code} />
        </div>
        <div className="mb-4 print:hidden">
          <LeaderboardControls
            key={`${board.indicator.code}-${structure}-${board.asOf}`}
            indicators={board.indicators}
            indicator={board.indicator.code}
            dates={board.dates}
            asOf={board.asOf}
          />
        </div>
        {board.items.length === 0 ? (
          <p className="text-slate-600">
            Chưa có số liệu cho chỉ tiêu này{structure === "63" ? " trước 1/7/2025" : ""}. Số liệu được nhập bằng{" "}
            <code>npm run cli -- import figures</code> hoặc dữ liệu mẫu <code>npm run cli -- demo</code>.
          </p>
        ) : (
          <>
            <RankingTable
              items={board.items}
              unitLabel="Tỉnh, thành phố"
              childLabel={structure === "63" ? "Huyện" : "Xã"}
              linkQuery={linkQuery}
            />
            {csv && (
              <p className="mt-3 text-sm print:hidden">
                <a className="font-semibold text-brand-700 underline" href={csv} download>
                  Tải bảng xếp hạng (CSV)
                </a>
                {" · "}
                <a
                  className="font-semibold text-brand-700 underline"
                  href={`/api/v1/exports/weekly?asOf=${board.asOf}`}
                  download
                >
                  Báo cáo tuần, mọi chỉ tiêu (Excel)
                </a>
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="map-heading" className="mb-8 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="map-heading" className="mb-2 text-lg font-semibold">
          Bản đồ tỷ lệ hoàn thành
        </h2>
        <div id="map-figure">
          {shapes ? (
            <ProvinceMap
              shapes={shapes}
              provinces={structure === "63" ? before : after}
              items={board.items}
              linkQuery={linkQuery}
            />
          ) : (
            <TileMap
              provinces={structure === "63" ? before : after}
              items={board.items}
              structure={structure}
              linkQuery={linkQuery}
            />
          )}
        </div>
        <p className="mt-2 text-center text-sm">
          <PngDownloadButton
            target="map-figure"
            fileName={`ban-do-${board.indicator.code}-${board.asOf ?? "nay"}-${structure}-tinh.png`}
            label="Tải bản đồ (PNG)"
          />
        </p>
      </section>

      <section aria-labelledby="structure-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="structure-heading" className="text-lg font-semibold">
          Đơn vị hành chính cấp tỉnh trước và sau sắp xếp
        </h2>
        <LazyProvinceStructureChart data={[countByType("Trước 1/7/2025", before), countByType("Từ 1/7/2025", after)]} />
      </section>
    </main>
  );
}

function countByType(label: string, rows: ProvinceRow[]): StructureCount {
  const cities = rows.filter((r) => r.type === "Thành phố").length;
  return { label, provinces: rows.length - cities, cities };
}

function StructureSwitch({ current, indicator }: { current: Structure; indicator: string }) {
  const options: { value: Structure; label: string }[] = [
    { value: "34", label: "34 tỉnh (hiện nay)" },
    { value: "63", label: "63 tỉnh (trước 1/7/2025)" },
  ];
  return (
    <nav aria-label="Chọn cơ cấu hành chính" className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm print:hidden">
      {options.map((o) => (
        <Link
          key={o.value}
          href={`/?${new URLSearchParams({ indicator, structure: o.value })}`}
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
