import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { EntrySheetView } from "@/components/entry/entry-sheet-view";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { type EntrySheet, getEntrySheet } from "@/lib/entry/get-entry-sheet";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Số liệu tuần – Đề án 06" };

type Props = { searchParams: Promise<{ unit?: string; week?: string }> };

export default async function EntryPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => typeof v === "string") as [string, string][],
  );
  const actor = await requireActorForPage(`/nhap-lieu${query.size ? `?${query}` : ""}`);
  // Leadership reads, it does not enter: its landing page after sign-in is the dashboard.
  if (actor.role === "LEADERSHIP_VIEWER" && query.size === 0) redirect("/dieu-hanh");
  let sheet: EntrySheet;
  try {
    sheet = await getEntrySheet(db(), actor, { unit: params.unit, week: params.week });
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  // A fresh key per render: after a save or an approval the page reloads its data and the
  // sheet starts again from what the database holds.
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <EntrySheetView key={`${sheet.unit?.code}-${sheet.week}-${Date.now()}`} sheet={sheet} />
    </main>
  );
}
