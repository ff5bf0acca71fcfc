import type { Metadata } from "next";
import { TargetSheetView } from "@/components/targets/target-sheet-view";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { getTargetSheet } from "@/lib/targets/target-sheet";

export const metadata: Metadata = { title: "Giao chỉ tiêu – Đề án 06" };

type Props = { searchParams: Promise<{ unit?: string; indicator?: string }> };

export default async function TargetsPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActorForPage("/chi-tieu", params);
  const sheet = await loadForPage(() =>
    getTargetSheet(db(), actor, { unit: params.unit, indicator: params.indicator }),
  );
  const locale = await staffLocale();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6" lang={locale}>
      <TargetSheetView
        key={`${sheet.unit?.code}-${sheet.indicator.code}-${Date.now()}`}
        sheet={sheet}
        locale={locale}
      />
    </main>
  );
}
