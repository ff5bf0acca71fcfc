import type { ReactNode } from "react";
import { SignedInOnDevice } from "@/components/offline/offline-copy";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentActor } from "@/lib/auth/current-user";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

// Pages for signed-in staff. Each page checks the user itself; this layout only shows who is in
// (and tells the device's service worker, whose copy of the entry page is per user).
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const locale = await staffLocale();
  return (
    <div className="font-brand">
      {/* First on the page: past the header's links straight to the page's own content. */}
      <a
        href="#noi-dung"
        lang={locale}
        className="sr-only left-2 top-2 z-50 rounded bg-white px-3 py-2 font-semibold text-brand-700 underline focus:not-sr-only focus:absolute focus:outline-2 focus:outline-slate-900"
      >
        {staffMessages(locale).skipToMain}
      </a>
      <SignedInOnDevice userId={actor?.id ?? null} />
      <StaffHeader actor={actor} locale={locale} />
      <div id="noi-dung" tabIndex={-1} className="outline-none">
        {children}
      </div>
    </div>
  );
}
