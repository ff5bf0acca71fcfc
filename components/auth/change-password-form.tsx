"use client";

import { useActionState } from "react";
import { type ChangePasswordState, changePasswordAction } from "@/app/(staff)/doi-mat-khau/actions";
import { Field } from "@/components/ui/field";
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
        <Field
          key={f.name}
          label={t[f.name]}
          size="lg"
          name={f.name}
          type="password"
          autoComplete={f.autoComplete}
          required
          aria-invalid={state.field === f.name || undefined}
        />
      ))}
      <FormFooter error={state.error} pending={pending} label={t.change} pendingLabel={t.changing} />
    </form>
  );
}
