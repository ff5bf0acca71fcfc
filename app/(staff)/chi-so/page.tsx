import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { IndicatorAdmin } from "@/components/indicators/indicator-admin";
import { roleHas } from "@/lib/access/authorize";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { addDays, isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { listIndicatorDefinitions } from "@/lib/indicators/indicators";

export const metadata: Metadata = { title: "Chỉ số – Đề án 06" };

export default async function IndicatorsPage() {
  const actor = await requireActorForPage("/chi-so");
  if (!roleHas(actor.role, "indicator.define")) forbidden();
  const [indicators, locale] = await Promise.all([listIndicatorDefinitions(db()), staffLocale()]);
  const t = staffMessages(locale).indicators;
  // This reporting week, the next (the default: no commune's form changes mid-week), and 7 more.
  const thisWeek = sundayOnOrBefore(todayInVietnam());
  const weeks = Array.from({ length: 9 }, (_, i) => isoDate(addDays(thisWeek, 7 * i)));
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6" lang={locale}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      <IndicatorAdmin indicators={indicators} weeks={weeks} locale={locale} />
    </main>
  );
}
