import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { TargetSheetView } from "@/components/targets/target-sheet-view";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getTargetSheet, type TargetSheet } from "@/lib/targets/target-sheet";

export const metadata: Metadata = { title: "Giao chỉ tiêu – Đề án 06" };

type Props = { searchParams: Promise<{ unit?: string; indicator?: string }> };

export default async function TargetsPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => typeof v === "string") as [string, string][],
  );
  const actor = await requireActorForPage(`/chi-tieu${query.size ? `?${query}` : ""}`);
  let sheet: TargetSheet;
  try {
    sheet = await getTargetSheet(db(), actor, { unit: params.unit, indicator: params.indicator });
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <TargetSheetView key={`${sheet.unit?.code}-${sheet.indicator.code}-${Date.now()}`} sheet={sheet} />
    </main>
  );
}
