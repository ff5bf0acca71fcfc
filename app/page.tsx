import Link from "next/link";
import { ProvinceStructureChart, type StructureCount } from "@/components/charts/province-structure-chart";
import { formatDateVi } from "@/lib/format/dates";
import { listProvinces, type ProvinceRow } from "@/lib/units/province-service";
import { parseStructure, type Structure, structureDate } from "@/lib/units/structures";

type Props = { searchParams: Promise<{ structure?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const structure = parseStructure((await searchParams).structure);
  const [before, after] = await Promise.all([listProvinces(structureDate("63")), listProvinces(structureDate("34"))]);
  const shown = structure === "63" ? before : after;
  const chartData: StructureCount[] = [countByType("Trước 1/7/2025", before), countByType("Từ 1/7/2025", after)];

  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <header className="mb-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Đề án 06</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">
          Tiến độ cấp căn cước công dân gắn chip và định danh điện tử
        </h1>
        <p className="mt-2 text-slate-600">Số liệu theo từng địa phương, cập nhật hằng tuần từ công an các cấp.</p>
      </header>

      <section aria-labelledby="structure-heading" className="mb-8 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="structure-heading" className="text-lg font-semibold">
          Đơn vị hành chính cấp tỉnh trước và sau sắp xếp
        </h2>
        <ProvinceStructureChart data={chartData} />
      </section>

      <section aria-labelledby="provinces-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 id="provinces-heading" className="text-lg font-semibold">
            {shown.length} tỉnh, thành phố
            <span className="font-normal text-slate-600"> (tính đến {formatDateVi(structureDate(structure))})</span>
          </h2>
          <StructureSwitch current={structure} />
        </div>
        {shown.length === 0 ? (
          <p className="text-slate-600">
            Chưa có danh sách đơn vị hành chính. Chạy <code>npm run db:seed</code> để nạp danh sách tỉnh, thành phố.
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Mã
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Tên
                </th>
                <th scope="col" className="py-2 font-semibold">
                  Loại
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.code} className="border-b border-slate-100">
                  <td className="py-1.5 pr-4 tabular-nums">{p.code}</td>
                  <td className="py-1.5 pr-4">{p.name}</td>
                  <td className="py-1.5">{p.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function countByType(label: string, rows: ProvinceRow[]): StructureCount {
  const cities = rows.filter((r) => r.type === "Thành phố").length;
  return { label, provinces: rows.length - cities, cities };
}

function StructureSwitch({ current }: { current: Structure }) {
  const options: { value: Structure; label: string }[] = [
    { value: "34", label: "34 tỉnh (hiện nay)" },
    { value: "63", label: "63 tỉnh (trước 1/7/2025)" },
  ];
  return (
    <nav aria-label="Chọn cơ cấu hành chính" className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm">
      {options.map((o) => (
        <Link
          key={o.value}
          href={o.value === "34" ? "/" : `/?structure=${o.value}`}
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
