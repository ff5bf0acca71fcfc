"use client";

import { useActionState } from "react";
import { type ChangePasswordState, changePasswordAction } from "@/app/(staff)/doi-mat-khau/actions";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { FormFooter } from "./form-footer";

const FIELDS = [
  { name: "current", autoComplete: "current-password" },
  { name: "next", autoComplete: "new-password" },
  { name: "confirm", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ then, locale }: { then: string; locale: Locale }) {
  const t = staffMessages(locale).passwordPage;
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {
    error: null,
    field: null,
  });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="then" value={then} />
      {FIELDS.map((f) => (
        <label key={f.name} className="flex flex-col gap-1 text-sm font-semibold">
          {t[f.name]}
          <input
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            required
            aria-invalid={state.field === f.name || undefined}
            className="rounded border border-slate-400 px-3 py-2 text-base font-normal aria-invalid:border-red-600"
          />
        </label>
      ))}
      <FormFooter error={state.error} pending={pending} label={t.change} pendingLabel={t.changing} />
    </form>
  );
}
