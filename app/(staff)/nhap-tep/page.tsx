import type { Metadata } from "next";
import { UploadForm } from "@/components/imports/upload-form";
import { unitIdsInScope } from "@/lib/access/authorize";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

export const metadata: Metadata = { title: "Nhập từ tệp – Đề án 06" };

export default async function UploadPage() {
  const actor = await requireActorForPage("/nhap-tep");
  const [figures, targets] = await Promise.all([
    unitIdsInScope(db(), actor, "figure.enter"),
    unitIdsInScope(db(), actor, "target.assign"),
  ]);
  const canEnter = figures === undefined || figures.size > 0;
  const canAssign = targets === undefined || targets.size > 0;
  const locale = await staffLocale();
  const m = staffMessages(locale);
  const t = m.imports;
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-6" lang={locale}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {canEnter ? (
        <>
          <p className="text-slate-700">{t.lead(m.roles[actor.role])}</p>
          <UploadForm canAssignTargets={canAssign} locale={locale} />
        </>
      ) : (
        <p className="rounded border border-amber-300 bg-amber-50 p-3">{t.readOnly(m.roles[actor.role])}</p>
      )}
    </main>
  );
}
