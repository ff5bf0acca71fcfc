"use client";

import { signOutAction } from "@/app/dang-nhap/actions";
import { forgetOfflineCopy } from "@/components/offline/offline-copy";

/** Signs out, and the entry page kept on this device for working offline goes with the session. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction} onSubmit={forgetOfflineCopy}>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
