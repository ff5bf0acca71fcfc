import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EntrySheetView } from "@/components/entry/entry-sheet-view";
import { LateNotices } from "@/components/reporting/late-notices";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { getEntrySheet } from "@/lib/entry/get-entry-sheet";
import { readFlash } from "@/lib/http/flash";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { flagNotesOf } from "@/lib/quality/week-flags";

export const metadata: Metadata = { title: "Số liệu tuần – Đề án 06" };

type Props = { searchParams: Promise<{ unit?: string; week?: string; columns?: string }> };

export default async function EntryPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireActorForPage("/nhap-lieu", params);
  // Leadership reads, it does not enter: its landing page after sign-in is the dashboard.
  if (actor.role === "LEADERSHIP_VIEWER" && !params.unit && !params.week) redirect("/dieu-hanh");
  const sheet = await loadForPage(() =>
    getEntrySheet(db(), actor, { unit: params.unit, week: params.week, columns: params.columns }),
  );
  const locale = await staffLocale();
  const codes = sheet.mode === "grid" ? sheet.rows.map((r) => r.code) : sheet.own ? [sheet.own.code] : [];
  sheet.flags = await flagNotesOf(db(), actor, sheet.week, codes, locale);
  // A fresh key per render: after a save or an approval the page reloads its data and the
  // sheet starts again from what the database holds.
  return (
    // data-offline-owner: whose page this is, for the copy the device keeps (public/sw.js).
    <main className="mx-auto max-w-7xl px-4 py-6" lang={locale} data-offline-owner={actor.id}>
      <LateNotices actor={actor} locale={locale} />
      <EntrySheetView
        key={`${sheet.unit?.code}-${sheet.week}-${Date.now()}`}
        sheet={sheet}
        flash={await readFlash()}
        formRequestId={randomUUID()}
        userId={actor.id}
        locale={locale}
      />
    </main>
  );
}
