import type { ReactNode } from "react";
import { SignedInOnDevice } from "@/components/offline/offline-copy";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentActor } from "@/lib/auth/current-user";
import { staffLocale } from "@/lib/i18n/staff-locale";

// Pages for signed-in staff. Each page checks the user itself; this layout only shows who is in
// (and tells the device's service worker, whose copy of the entry page is per user).
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      <SignedInOnDevice userId={actor?.id ?? null} />
      <StaffHeader actor={actor} locale={await staffLocale()} />
      {children}
    </>
  );
}
