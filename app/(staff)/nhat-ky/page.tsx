import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { searchUnitsAction } from "@/app/(staff)/tai-khoan/actions";
import { IndicatorOptions } from "@/components/indicators/indicator-options";
import { Button, buttonClass } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Field, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/notice";
import { UnitPicker } from "@/components/ui/unit-picker";
import { AUDIT_KINDS, AUDIT_MAX_PAGE, type AuditPage, listAudit } from "@/lib/audit/list-audit";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { formatsFor } from "@/lib/i18n/locale";
import { LEVELS } from "@/lib/i18n/messages/common";
import { pick } from "@/lib/i18n/phrase";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { listIndicators } from "@/lib/indicators/indicators";
import { AuditRows } from "./audit-rows";

export const metadata: Metadata = { title: "Nhật ký thay đổi – Đề án 06" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["unit", "indicator", "user", "kind", "from", "to"] as const;

export default async function ChangeLogPage({ searchParams }: Props) {
  const params = await searchParams;
  const text = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.slice(0, 100) || undefined;
  };
  const filter = Object.fromEntries(FILTERS.map((key) => [key, text(key)])) as Record<
    (typeof FILTERS)[number],
    string | undefined
  >;
  const actor = await requireActorForPage("/nhat-ky", filter);
  // Retired indicators too: their history is in the log.
  const indicators = await listIndicators(db(), { retired: true });
  let result: AuditPage | null = null;
  let problem: string | null = null;
  try {
    result = await listAudit(db(), actor, { ...filter, page: text("page") });
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (!(error instanceof InvalidParamError)) throw error;
    problem = error.message;
  }
  const locale = await staffLocale();
  const m = staffMessages(locale);
  const t = m.audit;
  const f = formatsFor(locale);
  const nameOf = (i: { nameVi: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.nameVi);
  const indicatorName = (code: string) => {
    const found = indicators.find((i) => i.code === code);
    return found ? nameOf(found) : null;
  };
  const pages = result ? Math.max(1, Math.min(AUDIT_MAX_PAGE, Math.ceil(result.total / result.pageSize))) : 1;
  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
    if (page > 1) query.set("page", String(page));
    return `/nhat-ky?${query}`;
  };
  return (
    <main className="mx-auto max-w-7xl px-4 py-6" lang={locale}>
      <h1 className="mb-1 text-2xl font-bold">{t.title}</h1>
      <p className="mb-4 text-slate-600">{t.lead}</p>
      <form className="mb-4 grid grid-cols-2 gap-3 text-sm sm:flex sm:flex-wrap sm:items-start" action="/nhat-ky">
        <UnitPicker
          label={t.unit}
          name="unit"
          defaultValue={filter.unit}
          search={searchUnitsAction}
          labels={{ hint: t.unitHint, noMatch: t.noUnit, levels: pick(locale, LEVELS) }}
          className="col-span-2 sm:w-64"
        />
        <Select
          label={t.indicator}
          name="indicator"
          defaultValue={filter.indicator ?? ""}
          className="col-span-2 min-w-0 sm:max-w-md"
        >
          <option value="">{t.all}</option>
          <IndicatorOptions indicators={indicators.map((i) => ({ code: i.code, name: nameOf(i) }))} />
        </Select>
        <Select label={t.kind} name="kind" defaultValue={filter.kind ?? ""}>
          <option value="">{t.all}</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
        <Field label={t.user} name="user" defaultValue={filter.user} controlClassName="sm:w-40" />
        <DateField label={t.from} name="from" defaultValue={filter.from} />
        <DateField label={t.to} name="to" defaultValue={filter.to} />
        <Button type="submit" variant="primary" className="col-span-2 sm:mt-6">
          {t.filter}
        </Button>
      </form>
      <FormError error={problem} className="mb-4" />
      {result && result.rows.length === 0 && !problem ? <p className="text-slate-600">{t.none}</p> : null}
      {result && result.rows.length > 0 ? (
        <>
          <p className="mb-2 text-sm text-slate-700" data-testid="audit-total">
            {t.total(f.count(result.total), result.totalCapped)} · {t.pageOf(f.count(result.page), f.count(pages))}
          </p>
          <AuditRows
            rows={result.rows}
            words={{ t, roles: m.roles, kinds: m.indicators.kinds, f }}
            indicatorName={indicatorName}
          />
          <nav aria-label={t.paging} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            {result.page > 1 ? (
              <a href={pageHref(result.page - 1)} className={buttonClass()} rel="prev">
                ← {t.previous}
              </a>
            ) : null}
            {result.page < pages ? (
              <a href={pageHref(result.page + 1)} className={buttonClass()} rel="next">
                {t.next} →
              </a>
            ) : null}
          </nav>
          {result.totalCapped && result.page >= pages ? (
            <p className="mt-2 text-sm text-slate-600">{t.tooDeep}</p>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
