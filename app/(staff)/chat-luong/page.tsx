import type { Metadata } from "next";
import Link from "next/link";
import { FlagCheckForm } from "@/components/quality/flag-check-form";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/notice";
import { roleHas } from "@/lib/access/authorize";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { formatsFor } from "@/lib/i18n/locale";
import { flagReason, QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { FLAG_KINDS, type FlagKind, type Severity } from "@/lib/quality/compute-flags";
import { listWeekFlags, type WeekFlags } from "@/lib/quality/week-flags";

export const metadata: Metadata = { title: "Chất lượng số liệu – Đề án 06" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SEVERITY_LOOK: Record<Severity, string> = {
  3: "border-red-300 bg-red-50 text-red-900",
  2: "border-amber-300 bg-amber-50 text-amber-900",
  1: "border-slate-300 bg-slate-50 text-slate-800",
};

export default async function QualityPage({ searchParams }: Props) {
  const params = await searchParams;
  const text = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.slice(0, 40) || undefined;
  };
  const filter = { week: text("week"), kind: text("kind"), unit: text("unit") };
  const actor = await requireActorForPage("/chat-luong", filter);
  const locale = await staffLocale();
  const t = pick(locale, QUALITY);
  const f = formatsFor(locale);
  let result: WeekFlags | null = null;
  let problem: string | null = null;
  try {
    result = await loadForPage(() => listWeekFlags(db(), actor, filter));
  } catch (error) {
    if (!(error instanceof InvalidParamError)) throw error;
    problem = error.message;
  }
  const kindName = (k: FlagKind) => t[`kind_${k}`];
  const severityName = { 3: t.high, 2: t.medium, 1: t.low } as const;
  const canCheck = roleHas(actor.role, "quality.check");
  const href = (kind: FlagKind | null) => {
    const query = new URLSearchParams();
    if (result) query.set("week", result.week);
    if (kind) query.set("kind", kind);
    if (result?.unit) query.set("unit", result.unit.code);
    return `/chat-luong?${query}`;
  };
  return (
    <main className="mx-auto max-w-7xl px-4 py-6" lang={locale}>
      <h1 className="mb-1 text-2xl font-bold">{t.title}</h1>
      <p className="mb-2 text-slate-600">{t.lead}</p>
      <details className="mb-4 text-sm text-slate-700">
        <summary className="cursor-pointer font-semibold">{t.helpTitle}</summary>
        <p className="mt-1 max-w-3xl">{t.help}</p>
      </details>
      <form className="mb-4 grid grid-cols-2 gap-3 text-sm sm:flex sm:flex-wrap sm:items-end" action="/chat-luong">
        <Select label={t.week} name="week" defaultValue={result?.week ?? ""}>
          {(result?.weeks ?? []).map((w) => (
            <option key={w} value={w}>
              {f.date(w)}
            </option>
          ))}
        </Select>
        <Select label={t.kind} name="kind" defaultValue={filter.kind ?? ""}>
          <option value="">{t.allKinds}</option>
          {FLAG_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindName(k)}
            </option>
          ))}
        </Select>
        <Field label={t.unitCode} name="unit" defaultValue={filter.unit} controlClassName="sm:w-40" />
        <button
          type="submit"
          className={buttonClass({ variant: "primary", className: "col-span-2 self-end sm:col-span-1" })}
        >
          {t.show}
        </button>
      </form>
      <FormError error={problem} className="mb-4" />
      {result ? (
        <>
          <p className="mb-2 text-slate-700" data-testid="quality-summary">
            {result.unit ? `${result.unit.name} · ` : ""}
            {t.weekOf(f.date(result.week))} · {t.summary(f.count(result.total), f.count(result.checked))}
          </p>
          <nav aria-label={t.kind} className="mb-4 flex flex-wrap gap-2 text-sm">
            <Link href={href(null)} aria-current={result.kind ? undefined : "page"} className={chip(!result.kind)}>
              {t.allKinds} ({f.count(result.total)})
            </Link>
            {FLAG_KINDS.map((k) => (
              <Link
                key={k}
                href={href(k)}
                aria-current={result?.kind === k ? "page" : undefined}
                className={chip(result?.kind === k)}
              >
                {kindName(k)} ({f.count(result?.byKind[k] ?? 0)})
              </Link>
            ))}
          </nav>
          {result.flags.length === 0 ? <p className="text-slate-600">{t.none}</p> : null}
          <ol className="space-y-2" aria-label={t.title}>
            {result.flags.map((flag) => (
              <li
                key={flag.key}
                data-flag={flag.key}
                className={`rounded border p-3 ${flag.check ? "border-slate-200 bg-white opacity-80" : SEVERITY_LOOK[flag.severity]}`}
              >
                <div className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
                  <div className="min-w-0">
                    <p className="text-xs font-semibold uppercase tracking-wide">
                      {severityName[flag.severity]} · {kindName(flag.kind)}
                    </p>
                    <p className="font-semibold">
                      <Link href={`/nhap-lieu?unit=${flag.unit.code}&week=${result?.week}`} className="underline">
                        {flag.unit.name}
                      </Link>{" "}
                      <span className="font-normal text-slate-600">({flag.unit.code})</span>
                    </p>
                    <p className="text-sm">{flagReason(flag, locale)}</p>
                  </div>
                  <div className="shrink-0 text-sm md:w-72">
                    {flag.check ? (
                      <p>
                        <span className="font-semibold">✓ {t.checkedBy(flag.check.by, f.moment(flag.check.at))}</span>
                        <br />
                        {flag.check.note}
                      </p>
                    ) : canCheck ? (
                      <FlagCheckForm week={result?.week ?? ""} flagKey={flag.key} locale={locale} />
                    ) : (
                      <span className="text-slate-600">{t.notChecked}</span>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
          {result.flags.length < (result.kind ? result.byKind[result.kind] : result.total) ? (
            <p className="mt-2 text-sm text-slate-600">
              {t.shownOf(
                f.count(result.flags.length),
                f.count(result.kind ? result.byKind[result.kind] : result.total),
              )}
            </p>
          ) : null}
          <p className="mt-6">
            <Link href="/doi-soat" className="text-brand-700 underline">
              {t.reconcileLink}
            </Link>
          </p>
        </>
      ) : null}
    </main>
  );
}

const chip = (current: boolean) =>
  `rounded-full border px-3 py-1 ${current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`;
