import type { Metadata } from "next";
import Link from "next/link";
import { ExplainForm } from "@/components/quality/explain-form";
import { ReferenceUpload } from "@/components/quality/reference-upload";
import { FormError } from "@/components/ui/notice";
import { roleHas } from "@/lib/access/authorize";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { formatsFor } from "@/lib/i18n/locale";
import { QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { DISCREPANCY_STATUSES, listRegister, type Register } from "@/lib/reconciliation/list-register";

export const metadata: Metadata = { title: "Đối chiếu số liệu – Đề án 06" };

type Props = { searchParams: Promise<{ status?: string }> };

const STATUS_LOOK = {
  OPEN: "bg-red-50 text-red-800",
  EXPLAINED: "bg-amber-50 text-amber-900",
  CORRECTED: "bg-emerald-50 text-emerald-900",
} as const;

export default async function ReconciliationPage({ searchParams }: Props) {
  const params = await searchParams;
  const status = typeof params.status === "string" ? params.status.slice(0, 20) : undefined;
  const actor = await requireActorForPage("/doi-soat", { status });
  const locale = await staffLocale();
  const t = pick(locale, QUALITY);
  const f = formatsFor(locale);
  let register: Register | null = null;
  let problem: string | null = null;
  try {
    register = await loadForPage(() => listRegister(db(), actor, { status }));
  } catch (error) {
    if (!(error instanceof InvalidParamError)) throw error;
    problem = error.message;
  }
  const statusName = { OPEN: t.recOpen, EXPLAINED: t.recExplained, CORRECTED: t.recCorrected } as const;
  const signed = (n: number | null) => (n === null ? "–" : `${n > 0 ? "+" : ""}${f.count(n)}`);
  const canExplain = roleHas(actor.role, "quality.check");
  return (
    <main className="mx-auto max-w-7xl px-4 py-6" lang={locale}>
      <h1 className="mb-1 text-2xl font-bold">{t.recTitle}</h1>
      <p className="mb-4 max-w-4xl text-slate-600">{t.recLead}</p>
      {roleHas(actor.role, "reference.import") ? <ReferenceUpload locale={locale} /> : null}
      <FormError error={problem} className="mb-4" />
      {register ? (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t.recByProvince}</h2>
          <div className="mb-6 overflow-x-auto rounded border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="reconciliation-provinces">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th className="p-2">{t.recProvince}</th>
                  <th className="p-2 text-right">{t.recUnits}</th>
                  <th className="p-2 text-right">{t.recGap}</th>
                  <th className="p-2 text-right">{t.recOpen}</th>
                  <th className="p-2 text-right">{t.recExplained}</th>
                  <th className="p-2 text-right">{t.recCorrected}</th>
                </tr>
              </thead>
              <tbody>
                {register.provinces.map((p) => (
                  <tr key={p.name} className="border-t border-slate-200">
                    <th scope="row" className="p-2 text-left font-normal">
                      {p.name}
                    </th>
                    <td className="p-2 text-right tabular-nums">{f.count(p.units)}</td>
                    <td className="p-2 text-right tabular-nums">{f.count(p.gap)}</td>
                    <td className="p-2 text-right tabular-nums">{f.count(p.open)}</td>
                    <td className="p-2 text-right tabular-nums">{f.count(p.explained)}</td>
                    <td className="p-2 text-right tabular-nums">{f.count(p.corrected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label={t.recStatus} className="mb-3 flex flex-wrap gap-2 text-sm">
            {[null, ...DISCREPANCY_STATUSES].map((s) => (
              <Link
                key={s ?? "all"}
                href={s ? `/doi-soat?status=${s}` : "/doi-soat"}
                aria-current={(status ?? null) === s ? "page" : undefined}
                className={`rounded-full border px-3 py-1 ${(status ?? null) === s ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
              >
                {s ? statusName[s] : t.recAll}
              </Link>
            ))}
          </nav>
          {register.rows.length === 0 ? <p className="text-slate-600">{t.recNone}</p> : null}
          {register.rows.length ? (
            <div className="overflow-x-auto rounded border border-slate-200 bg-white">
              <table className="min-w-full text-sm" data-testid="reconciliation-register">
                <thead className="bg-slate-50 text-left align-bottom">
                  <tr>
                    <th className="p-2">{t.unit}</th>
                    <th className="p-2">{t.recIndicator}</th>
                    <th className="p-2">{t.recAsOf}</th>
                    <th className="p-2 text-right">{t.recEntered}</th>
                    <th className="p-2 text-right">{t.recReference}</th>
                    <th className="p-2 text-right">{t.recDifference}</th>
                    <th className="p-2">{t.recStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  {register.rows.map((r) => (
                    <tr key={r.id} className="border-t border-slate-200 align-top" data-unit={r.unit.code}>
                      <th scope="row" className="p-2 text-left font-normal">
                        {r.unit.name} <span className="text-slate-500">({r.unit.code})</span>
                        <br />
                        <span className="text-xs text-slate-500">{r.province}</span>
                      </th>
                      <td className="p-2">{locale === "en" ? r.indicator.nameEn : r.indicator.nameVi}</td>
                      <td className="whitespace-nowrap p-2">{f.date(r.asOf)}</td>
                      <td className="p-2 text-right tabular-nums">
                        {r.entered === null ? t.recNothing : f.count(r.entered)}
                      </td>
                      <td className="p-2 text-right tabular-nums">{f.count(r.reference)}</td>
                      <td className="p-2 text-right font-semibold tabular-nums">{signed(r.difference)}</td>
                      <td className="p-2">
                        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_LOOK[r.status]}`}>
                          {statusName[r.status]}
                        </span>
                        {r.note ? <p className="mt-1 max-w-64 text-xs">{r.note}</p> : null}
                        {r.status === "OPEN" && canExplain ? (
                          <div className="mt-1">
                            <ExplainForm id={r.id} locale={locale} />
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {register.rows.length < register.total ? (
            <p className="mt-2 text-sm text-slate-600">{t.recShown(register.rows.length, register.total)}</p>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
