import type { ReactNode } from "react";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentActor } from "@/lib/auth/current-user";
import { staffLocale } from "@/lib/i18n/staff-locale";

// Pages for signed-in staff. Each page checks the user itself; this layout only shows who is in.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <StaffHeader actor={await currentActor()} locale={await staffLocale()} />
      {children}
    </>
  );
}
