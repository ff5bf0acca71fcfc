import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { reportDueSettings } from "@/lib/env";
import { formatIsoDateVi } from "@/lib/format/dates";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { lateNotices } from "@/lib/reporting/lateness";
import { noticeText } from "@/lib/reporting/reminder-text";

/** What the signed-in user is late with (their unit's report, reports below them to approve). */
export async function LateNotices({ actor, locale = "vi" }: { actor: Actor; locale?: Locale }) {
  const notices = await lateNotices(db(), actor, new Date(), reportDueSettings());
  if (!notices.length) return null;
  const t = staffMessages(locale);
  return (
    <section aria-label={t.notices} className="mb-4 space-y-2 print:hidden">
      {notices.map((notice) => {
        const text = noticeText(notice, locale);
        return (
          <div key={notice.kind} className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
            <p className="font-semibold">{text.title}</p>
            {text.lines.map((line) => (
              <p key={line} className="text-sm">
                {line}
              </p>
            ))}
            <p className="mt-1 text-sm">
              {notice.kind === "SUBMIT" ? (
                <Link className="font-semibold underline" href={`/nhap-lieu?week=${notice.week}`}>
                  {t.openOverdueWeek(
                    locale === "en" ? formatsFor("en").date(notice.week) : formatIsoDateVi(notice.week),
                  )}
                </Link>
              ) : (
                <Link className="font-semibold underline" href={`/dieu-hanh?date=${notice.week}`}>
                  {t.seeBelow}
                </Link>
              )}
            </p>
          </div>
        );
      })}
    </section>
  );
}
