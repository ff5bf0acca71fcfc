import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { HeaderRow } from "@/components/ui/table";
import { type AuditRow, listAudit } from "@/lib/audit/list-audit";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { formatCount, formatDateTimeVi } from "@/lib/format";
import { listIndicators } from "@/lib/indicators/indicators";

export const metadata: Metadata = { title: "Nhật ký thay đổi – Đề án 06" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const ACTIONS: Record<string, string> = {
  create: "Nhập mới",
  update: "Sửa",
  submit: "Gửi báo cáo",
  approve: "Phê duyệt",
  unlock: "Mở khoá",
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "–";
  const v = value as { value?: number; status?: string };
  if (typeof v.value === "number") return formatCount(v.value);
  if (v.status) return { OPEN: "chưa gửi", SUBMITTED: "đã gửi", APPROVED: "đã duyệt" }[v.status] ?? v.status;
  return JSON.stringify(value);
}

export default async function AuditPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = {
    unit: params.unit || undefined,
    indicator: params.indicator || undefined,
    user: params.user || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  };
  const actor = await requireActorForPage("/nhat-ky", filter);
  const indicators = await listIndicators(db());
  let result: { rows: AuditRow[]; truncated: boolean } = { rows: [], truncated: false };
  let problem: string | null = null;
  try {
    result = await listAudit(db(), actor, filter);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (!(error instanceof InvalidParamError)) throw error;
    problem = error.message;
  }
  const field = "rounded border border-slate-400 px-2 py-1 font-normal";
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="mb-1 text-2xl font-bold">Nhật ký thay đổi</h1>
      <p className="mb-4 text-slate-600">
        Mọi lần nhập, sửa, gửi, phê duyệt và mở khoá trong phạm vi đơn vị của bạn. Nhật ký không thể sửa hay xoá.
      </p>
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" action="/nhat-ky">
        <label className="flex flex-col gap-1 font-semibold">
          Mã đơn vị
          <input name="unit" defaultValue={filter.unit} className={`${field} w-28`} inputMode="numeric" />
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
          Chỉ tiêu
          <select name="indicator" defaultValue={filter.indicator ?? ""} className={`${field} max-w-full`}>
            <option value="">Tất cả</option>
            <IndicatorOptions indicators={indicators.map((i) => ({ code: i.code, name: i.nameVi }))} />
          </select>
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          Người thực hiện
          <input name="user" defaultValue={filter.user} className={`${field} w-40`} />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          Từ ngày
          <input type="date" name="from" defaultValue={filter.from} className={field} />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          Đến ngày
          <input type="date" name="to" defaultValue={filter.to} className={field} />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
          Lọc
        </button>
      </form>
      {problem ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {result.rows.length === 0 && !problem ? (
        <p className="text-slate-600">Không có thay đổi nào khớp bộ lọc. Bỏ bớt điều kiện lọc để xem thêm.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <HeaderRow
                columns={[
                  { label: "Thời điểm" },
                  { label: "Người thực hiện" },
                  { label: "Thao tác" },
                  { label: "Đơn vị" },
                  { label: "Chỉ tiêu" },
                  { label: "Giá trị cũ", numeric: true },
                  { label: "Giá trị mới", numeric: true },
                  { label: "Ngày số liệu" },
                ]}
                className=""
              />
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="whitespace-nowrap p-2">{formatDateTimeVi(r.at)}</td>
                  <td className="p-2">{r.actor}</td>
                  <td className="p-2">{ACTIONS[r.action] ?? r.action}</td>
                  <td className="p-2">
                    {r.unitName} <span className="text-slate-500">({r.unitCode})</span>
                  </td>
                  <td className="p-2">{indicators.find((i) => i.code === r.indicator)?.nameVi ?? "–"}</td>
                  <td className="p-2 text-right tabular-nums">{describeValue(r.oldValue)}</td>
                  <td className="p-2 text-right tabular-nums">{describeValue(r.newValue)}</td>
                  <td className="p-2">
                    {(
                      (r.newValue as { asOf?: string; week?: string } | null)?.asOf ??
                      (r.newValue as { week?: string } | null)?.week ??
                      ""
                    )
                      .split("-")
                      .reverse()
                      .join("/")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.truncated ? (
        <p className="mt-2 text-sm text-slate-600">
          Chỉ hiện 500 thay đổi mới nhất; thu hẹp bộ lọc để xem các thay đổi cũ hơn.
        </p>
      ) : null}
    </main>
  );
}
