import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { EditionTable } from "@/components/publication/edition-table";
import { PublishButton } from "@/components/publication/publish-button";
import { Notice } from "@/components/ui/notice";
import { roleHas } from "@/lib/access/authorize";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { reportDueSettings } from "@/lib/env";
import { addDays, isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import { readFlash } from "@/lib/http/flash";
import { formatsFor } from "@/lib/i18n/locale";
import { PUBLICATION } from "@/lib/i18n/messages/publication";
import { pick } from "@/lib/i18n/phrase";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { dueEditionWeek } from "@/lib/publication/publish-edition";
import { listEditions } from "@/lib/publication/read-editions";
import { publishFormAction } from "./actions";

export const metadata: Metadata = { title: "Công bố – Đề án 06" };

export default async function PublishPage() {
  const actor = await requireActorForPage("/cong-bo");
  if (!roleHas(actor.role, "edition.publish")) forbidden();
  const [locale, editions, flash] = await Promise.all([
    staffLocale(),
    listEditions(db(), { limit: 50, offset: 0 }),
    readFlash(),
  ]);
  const p = pick(locale, PUBLICATION);
  const f = formatsFor(locale);
  const due = isoDate(dueEditionWeek(reportDueSettings()));
  // This week and the eight before it: an edition is of a week that has ended (or ends today).
  const thisWeek = sundayOnOrBefore(todayInVietnam());
  const weeks = Array.from({ length: 9 }, (_, i) => isoDate(addDays(thisWeek, -7 * i)));
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-6" lang={locale}>
      <h1 className="text-2xl font-bold">{p.staffTitle}</h1>
      <p className="text-slate-700">{p.staffLead}</p>
      <Notice notice={flash} />
      <form action={publishFormAction} className="flex flex-wrap items-end gap-3 rounded bg-white p-4 shadow-sm">
        <input type="hidden" name="requestId" value={randomUUID()} />
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {p.weekLabel}
          <select name="week" defaultValue={due} className="rounded border border-slate-400 bg-white px-2 py-1.5">
            {weeks.map((w) => (
              <option key={w} value={w}>
                {f.date(w)}
              </option>
            ))}
          </select>
        </label>
        <PublishButton label={p.publish} busyLabel={p.publishing} />
        <p className="w-full text-sm text-slate-600">{p.dueWeek(f.date(due))}</p>
      </form>
      <section aria-labelledby="editions-heading" className="space-y-2">
        <h2 id="editions-heading" className="text-lg font-semibold">
          {p.editions}
        </h2>
        <EditionTable editions={editions.items} locale={locale} />
      </section>
    </main>
  );
}
