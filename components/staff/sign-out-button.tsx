"use client";

import { signOutAction } from "@/app/dang-nhap/actions";
import { forgetOfflineCopy } from "@/components/offline/offline-copy";
import { Button } from "@/components/ui/button";

/** Signs out, and the entry page kept on this device for working offline goes with the session. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction} onSubmit={forgetOfflineCopy}>
      <Button type="submit" className="whitespace-nowrap">
        {label}
      </Button>
    </form>
  );
}
