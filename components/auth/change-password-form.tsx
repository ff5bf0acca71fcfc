"use client";

import { useActionState } from "react";
import { type ChangePasswordState, changePasswordAction } from "@/app/(staff)/doi-mat-khau/actions";
import { FormFooter } from "./form-footer";

const FIELDS = [
  { name: "current", label: "Mật khẩu đang dùng", autoComplete: "current-password" },
  { name: "next", label: "Mật khẩu mới (ít nhất 10 ký tự)", autoComplete: "new-password" },
  { name: "confirm", label: "Nhập lại mật khẩu mới", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ then }: { then: string }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {
    error: null,
    field: null,
  });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="then" value={then} />
      {FIELDS.map((f) => (
        <label key={f.name} className="flex flex-col gap-1 text-sm font-semibold">
          {f.label}
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
      <FormFooter error={state.error} pending={pending} label="Đổi mật khẩu" pendingLabel="Đang đổi…" />
    </form>
  );
}
