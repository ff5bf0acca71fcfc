import type { ReactNode } from "react";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentActor } from "@/lib/auth/current-user";

// Pages for signed-in staff. Each page checks the user itself; this layout only shows who is in.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <StaffHeader actor={await currentActor()} />
      {children}
    </>
  );
}
