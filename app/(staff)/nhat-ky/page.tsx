import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/notice";
import { HeaderRow } from "@/components/ui/table";
import { type AuditRow, listAudit } from "@/lib/audit/list-audit";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { formatDateTimeVi } from "@/lib/format";
import { formatsFor } from "@/lib/i18n/locale";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { type StaffMessages, staffMessages } from "@/lib/i18n/staff-messages";
import { listIndicators } from "@/lib/indicators/indicators";

export const metadata: Metadata = { title: "Nhật ký thay đổi – Đề án 06" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

function describeValue(value: unknown, t: StaffMessages["audit"], count: (n: number) => string): string {
  if (value === null || value === undefined) return "–";
  const v = value as { value?: number; status?: string };
  if (typeof v.value === "number") return count(v.value);
  if (v.status) return t.statuses[v.status] ?? v.status;
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
  const locale = await staffLocale();
  const t = staffMessages(locale).audit;
  const f = formatsFor(locale);
  const nameOf = (i: { nameVi: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.nameVi);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6" lang={locale}>
      <h1 className="mb-1 text-2xl font-bold">{t.title}</h1>
      <p className="mb-4 text-slate-600">{t.lead}</p>
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" action="/nhat-ky">
        <Field label={t.unitCode} name="unit" defaultValue={filter.unit} inputMode="numeric" controlClassName="w-28" />
        <Select label={t.indicator} name="indicator" defaultValue={filter.indicator ?? ""}>
          <option value="">{t.all}</option>
          <IndicatorOptions indicators={indicators.map((i) => ({ code: i.code, name: nameOf(i) }))} />
        </Select>
        <Field label={t.user} name="user" defaultValue={filter.user} controlClassName="w-40" />
        <Field label={t.from} type="date" name="from" defaultValue={filter.from} />
        <Field label={t.to} type="date" name="to" defaultValue={filter.to} />
        <Button type="submit" variant="primary">
          {t.filter}
        </Button>
      </form>
      <FormError error={problem} className="mb-4" />
      {result.rows.length === 0 && !problem ? (
        <p className="text-slate-600">{t.none}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <HeaderRow columns={t.columns.map((label, i) => ({ label, numeric: i === 5 || i === 6 }))} className="" />
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="whitespace-nowrap p-2">{formatDateTimeVi(r.at)}</td>
                  <td className="p-2">{r.actor}</td>
                  <td className="p-2">{t.actions[r.action] ?? r.action}</td>
                  <td className="p-2">
                    {r.unitName} <span className="text-slate-500">({r.unitCode})</span>
                  </td>
                  <td className="p-2">
                    {(() => {
                      const indicator = indicators.find((i) => i.code === r.indicator);
                      return indicator ? nameOf(indicator) : "–";
                    })()}
                  </td>
                  <td className="p-2 text-right tabular-nums">{describeValue(r.oldValue, t, f.count)}</td>
                  <td className="p-2 text-right tabular-nums">{describeValue(r.newValue, t, f.count)}</td>
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
      {result.truncated ? <p className="mt-2 text-sm text-slate-600">{t.truncated}</p> : null}
    </main>
  );
}
