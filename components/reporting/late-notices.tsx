import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { reportDueSettings } from "@/lib/env";
import { lateNotices } from "@/lib/reporting/lateness";
import { noticeText } from "@/lib/reporting/reminder-text";

/** What the signed-in user is late with (their unit's report, reports below them to approve). */
export async function LateNotices({ actor }: { actor: Actor }) {
  const notices = await lateNotices(db(), actor, new Date(), reportDueSettings());
  if (!notices.length) return null;
  return (
    <section aria-label="Nhắc báo cáo quá hạn" className="mb-4 space-y-2 print:hidden">
      {notices.map((notice) => {
        const text = noticeText(notice);
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
                  Mở báo cáo tuần này
                </Link>
              ) : (
                <Link className="font-semibold underline" href={`/dieu-hanh?date=${notice.week}`}>
                  Xem tình hình báo cáo của cấp dưới
                </Link>
              )}
            </p>
          </div>
        );
      })}
    </section>
  );
}
